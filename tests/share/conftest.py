"""Fixtures for sharing tests: real vaults in tmp_path with the sharing schema."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")

from tests.share.helpers import Person, make_person, pair_up, run_webdav_server  # noqa: E402


@pytest.fixture
def patient(tmp_path: Path) -> Iterator[Person]:
    person = make_person(tmp_path / "patient", "Pat Patient", "patient")
    yield person
    person.services.close()


@pytest.fixture
def therapist(tmp_path: Path) -> Iterator[Person]:
    person = make_person(tmp_path / "therapist", "Dr Tess Therapist", "therapist")
    yield person
    person.services.close()


@pytest.fixture
def paired(patient: Person, therapist: Person) -> tuple[Person, Person]:
    pair_up(patient, therapist)
    return patient, therapist


WEBDAV_USER = "relay-user"
WEBDAV_PASSWORD = "relay password 9"


@pytest.fixture
def webdav_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real WebDAV server (wsgidav + cheroot) on 127.0.0.1, serving a real folder.

    Yields (collection URL, root folder). Basic authentication with WEBDAV_USER/PASSWORD.
    """
    with run_webdav_server(tmp_path / "dav-root", WEBDAV_USER, WEBDAV_PASSWORD) as served:
        yield served


@pytest.fixture
def rclone_webdav(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`rclone serve webdav` (a WebDAV server nobody here wrote) on 127.0.0.1, with basic
    authentication; skipped where rclone is not installed."""
    import shutil
    import socket
    import subprocess
    import time

    exe = shutil.which("rclone")
    if exe is None:
        pytest.skip("rclone is not installed")
    root = tmp_path / "rclone-root"
    root.mkdir()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [exe, "serve", "webdav", str(root), "--addr", f"127.0.0.1:{port}",
         "--user", WEBDAV_USER, "--pass", WEBDAV_PASSWORD, "--config", "/dev/null",
         "--dir-cache-time", "0s"],  # the tests change files behind the server's back
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("rclone serve webdav did not start")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/mindspace-relay/", root
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(params=["folder", "webdav", "rclone"])
def relay(request: pytest.FixtureRequest, tmp_path: Path, paired: tuple[Person, Person]) -> Path:
    """Configure both people for one relay; returns the folder that really holds the files."""
    patient, therapist = paired
    if request.param == "folder":
        store = tmp_path / "synced-folder"
        for person in paired:
            person.sharing.set_relay(folder=str(store))
        return store
    server = "webdav_server" if request.param == "webdav" else "rclone_webdav"
    url, root = request.getfixturevalue(server)
    for person in paired:
        person.sharing.set_relay(url=url, user=WEBDAV_USER, password=WEBDAV_PASSWORD)
    return root / "mindspace-relay"
