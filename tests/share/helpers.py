"""Shared helpers for sharing tests (real vaults, real services)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")

from mindspace.app import AppServices  # noqa: E402
from mindspace.app.sharing import SharingService  # noqa: E402
from mindspace.share.export import ExportSelection  # noqa: E402
from mindspace.share.relay_base import SUFFIX  # noqa: E402
from tests.conftest import PASSPHRASE  # noqa: E402


@dataclass
class Person:
    services: AppServices
    name: str

    @property
    def sharing(self) -> SharingService:
        return self.services.sharing()


def make_person(data_dir: Path, name: str, role: str) -> Person:
    services = AppServices(data_dir)
    services.create_vault(PASSPHRASE)
    services.sharing().ensure_identity(name, role)
    return Person(services, name)


def pair_up(a: Person, b: Person, verified: bool = True) -> None:
    """Exchange cards through their text codes and mark each other verified."""
    a_card = a.sharing.require_identity().card()
    b_card = b.sharing.require_identity().card()
    a.sharing.add_contact(b_card, verified=verified)
    b.sharing.add_contact(a_card, verified=verified)


def count_received(person: Person) -> tuple[int, int]:
    db = person.services.vault.db
    bundles = db.run(
        lambda c: c.execute("SELECT count(*) FROM share_received_bundles").fetchone()[0]
    )
    items = db.run(lambda c: c.execute("SELECT count(*) FROM share_received_items").fetchone()[0])
    return int(bundles), int(items)


def send(patient: Person, mood: int) -> str:
    patient.services.mood.add(mood)
    preview = patient.sharing.preview_export(
        "Dr Tess Therapist", ExportSelection(journal=False, reports=False)
    )
    return patient.sharing.queue_for_relay(preview).bundle_id


def files(store: Path) -> set[str]:
    return {p.name for p in store.iterdir() if p.name.endswith(SUFFIX)} if store.exists() else set()


def mood_values(therapist: Person) -> list[int]:
    contact = therapist.sharing.contacts.list()[0]
    return sorted(r["mood"] for r in therapist.sharing.inbox.records(contact.id, "mood_checkin"))


@contextmanager
def run_webdav_server(root: Path, user: str, password: str) -> Iterator[tuple[str, Path]]:
    """Serve `root` over WebDAV (wsgidav + cheroot) on a free port of 127.0.0.1."""
    from cheroot import wsgi
    from wsgidav.wsgidav_app import WsgiDAVApp

    root.mkdir(parents=True, exist_ok=True)
    config = {
        "host": "127.0.0.1",
        "port": 0,
        "provider_mapping": {"/": str(root)},
        "http_authenticator": {
            "domain_controller": None,
            "accept_basic": True,
            "accept_digest": False,
            "default_to_digest": False,
        },
        "simple_dc": {"user_mapping": {"*": {user: {"password": password}}}},
        "verbose": 0,
        "logging": {"enable_loggers": []},
        "property_manager": True,
        "lock_storage": True,
    }
    logging.getLogger("wsgidav").setLevel(logging.ERROR)
    server = wsgi.Server(("127.0.0.1", 0), WsgiDAVApp(config), numthreads=4)
    server.prepare()
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.bind_addr[1]}/mindspace-relay/", root
    finally:
        server.stop()
        thread.join(timeout=10)
