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


@pytest.fixture(params=["folder", "webdav"])
def relay(request: pytest.FixtureRequest, tmp_path: Path, paired: tuple[Person, Person]) -> Path:
    """Configure both people for one relay; returns the folder that really holds the files."""
    patient, therapist = paired
    if request.param == "folder":
        store = tmp_path / "synced-folder"
        for person in paired:
            person.sharing.set_relay(folder=str(store))
        return store
    url, root = request.getfixturevalue("webdav_server")
    for person in paired:
        person.sharing.set_relay(url=url, user=WEBDAV_USER, password=WEBDAV_PASSWORD)
    return root / "mindspace-relay"
