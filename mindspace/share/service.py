"""`SharingService`: identity, contacts, export, import and relay sync for one open vault.

Obtained from `AppServices.sharing()` while the vault is open (dropped on lock). Methods block
on the DB executor and on cryptography (an export of a few MB takes well under a second); the
GUI calls them from a worker. User-caused failures raise `SharingError` or `BundleError`, whose
messages are one line; nothing is written or imported unless the whole operation succeeds.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mindspace.core.errors import UserError
from mindspace.share import age_format as age
from mindspace.share.bundle import (
    MAX_CIPHERTEXT,
    BundleError,
    Item,
    OpenedBundle,
    Party,
    SealedBundle,
    bucket_size,
    container_size,
    make_manifest,
    seal,
)
from mindspace.share.contact_card import ContactCard
from mindspace.share.contacts import Contact, ContactRepository
from mindspace.share.export import ExportSelection, collect, describe
from mindspace.share.identity import Identity, IdentityRepository, utc_now
from mindspace.share.inbox import InboxRepository, StagedImport, stage
from mindspace.storage.errors import NotFoundError

if TYPE_CHECKING:
    from mindspace.app import AppServices
    from mindspace.share.sync import SyncReport


class SharingError(UserError):
    """A sharing step the user must fix first (one-line message)."""


@dataclass
class ExportPreview:
    """Exactly what will be written: the items, their bytes and the final file size."""

    contact: Contact
    selection: ExportSelection
    items: list[Item]
    manifest_bytes: bytes
    bundle_id: str
    created_at: str
    warnings: list[str] = field(default_factory=list)

    @property
    def container_size(self) -> int:
        return container_size(self.manifest_bytes, self.items)

    @property
    def padded_size(self) -> int:
        return bucket_size(self.container_size)

    @property
    def file_size(self) -> int:
        return age.encrypted_size(self.padded_size, 1)

    @property
    def needs_confirmation(self) -> bool:
        return not self.contact.verified

    def lines(self) -> list[dict[str, Any]]:
        return [{**item.entry(), "label": describe(item)} for item in self.items]

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle_id": self.bundle_id,
            "to": self.contact.display_name,
            "contact_id": self.contact.id,
            "verified": self.contact.verified,
            "created_at": self.created_at,
            "items": self.lines(),
            "item_bytes": sum(len(i.data) for i in self.items),
            "padded_size": self.padded_size,
            "file_size": self.file_size,
            "warnings": self.warnings,
        }


@dataclass
class ImportResult:
    bundle_id: str
    sender: str
    contact_id: str
    kind: str
    counts: dict[str, int]
    received_at: str
    source: str

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": True,
            "bundle_id": self.bundle_id,
            "from": self.sender,
            "contact_id": self.contact_id,
            "kind": self.kind,
            "items": self.counts,
            "received_at": self.received_at,
            "source": self.source,
        }


class SharingService:
    def __init__(self, services: AppServices) -> None:
        self._services = services
        db = services.vault.db
        self.identities = IdentityRepository(db, services.vault.derive_key("share-identity"))
        self.contacts = ContactRepository(db)
        self.inbox = InboxRepository(db)

    @property
    def db(self) -> Any:
        return self._services.vault.db

    # ---- identity ---------------------------------------------------------------------------
    def identity(self) -> Identity | None:
        return self.identities.get()

    def ensure_identity(self, name: str | None = None, role: str | None = None) -> Identity:
        """Create my identity on first use; later calls may rename it or change the role."""
        current = self.identities.get()
        if current is None:
            return self.identities.get_or_create(name or "MindSpace user", role or "patient")
        if (name and name != current.display_name) or (role and role != current.role):
            return self.identities.update(name, role)
        return current

    def require_identity(self) -> Identity:
        me = self.identities.get()
        if me is None:
            raise SharingError("you have no sharing identity yet: create it first (share identity)")
        return me

    # ---- contacts ---------------------------------------------------------------------------
    def add_contact(self, card: ContactCard, verified: bool = False) -> tuple[Contact, str]:
        me = self.require_identity()
        if card.sign_public == me.sign_public or card.enc_public == me.enc_public:
            raise SharingError("this is your own contact card")
        return self.contacts.add(card, verified)

    def find_contact(self, ref: str) -> Contact:
        try:
            return self.contacts.find(ref)
        except NotFoundError as exc:
            raise SharingError(str(exc)) from None

    def safety_number(self, contact: Contact) -> str:
        me = self.require_identity()
        return contact.safety_number(me.sign_public, me.enc_public)

    def verify_contact(self, contact_id: str) -> Contact:
        return self.contacts.mark_verified(contact_id, True)

    # ---- export -----------------------------------------------------------------------------
    def preview_export(
        self, contact: Contact | str, selection: ExportSelection, allow_unverified: bool = False
    ) -> ExportPreview:
        """Build the exact items and manifest. Raises SharingError if sending is blocked."""
        me = self.require_identity()
        target = self.find_contact(contact) if isinstance(contact, str) else contact
        warnings = self._send_checks(target, allow_unverified)
        created = utc_now()
        collected = collect(
            self._services, selection, me.display_name, target.display_name, created
        )
        recipients = [Party(target.display_name, target.sign_public, target.enc_public)]
        manifest = make_manifest(me, recipients, collected.items, "share", created_at=created)
        bundle_id = json.loads(manifest)["bundle_id"]
        return ExportPreview(
            target, selection, collected.items, manifest, bundle_id, created, warnings
        )

    @staticmethod
    def _send_checks(contact: Contact, allow_unverified: bool) -> list[str]:
        if contact.key_changed:
            raise SharingError(
                f"the keys of {contact.display_name} changed: compare the safety number again"
                " and mark the contact verified before sending"
            )
        if not contact.verified:
            if not allow_unverified:
                raise SharingError(
                    f"{contact.display_name} is not verified: compare the safety number first,"
                    " or confirm sending to an unverified contact"
                )
            return [f"{contact.display_name} is not verified; their identity was not checked"]
        return []

    def seal_preview(self, preview: ExportPreview) -> SealedBundle:
        me = self.require_identity()
        fresh = self.contacts.get(preview.contact.id)
        if (fresh.sign_public, fresh.enc_public) != (
            preview.contact.sign_public,
            preview.contact.enc_public,
        ):
            raise SharingError(f"the keys of {fresh.display_name} changed since the preview")
        self._send_checks(fresh, allow_unverified=bool(preview.warnings) or fresh.verified)
        recipients = [Party(fresh.display_name, fresh.sign_public, fresh.enc_public)]
        return seal(me, recipients, preview.items, preview.manifest_bytes)

    def write_export(self, preview: ExportPreview, path: Path) -> SealedBundle:
        """Seal and write the bundle file (refuses to overwrite an existing file)."""
        path = Path(path)
        if path.exists():
            raise SharingError(f"{path} already exists: choose another file name")
        if not path.parent.is_dir():
            raise SharingError(f"the folder {path.parent} does not exist")
        sealed = self.seal_preview(preview)
        write_new_file(path, sealed.ciphertext)
        self._record_sent(sealed, preview.contact.id, "file")
        return sealed

    def _record_sent(self, sealed: SealedBundle, contact_id: str, via: str) -> None:
        self.db.transaction(
            lambda c: c.execute(
                "INSERT OR IGNORE INTO share_sent_bundles(bundle_id, contact_id, created_at,"
                " item_count, size, via) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    sealed.bundle_id,
                    contact_id,
                    sealed.manifest["created_at"],
                    len(sealed.manifest["items"]),
                    len(sealed.ciphertext),
                    via,
                ),
            )
        )

    def sent_bundles(self) -> list[dict[str, Any]]:
        rows = self.db.run(
            lambda c: c.execute(
                "SELECT s.bundle_id, c.display_name, s.created_at, s.item_count, s.size, s.via"
                " FROM share_sent_bundles s LEFT JOIN share_contacts c ON c.id = s.contact_id"
                " ORDER BY s.created_at DESC"
            ).fetchall()
        )
        keys = ("bundle_id", "to", "created_at", "items", "size", "via")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    # ---- import -----------------------------------------------------------------------------
    def _check_sender(self, party: Party, device_id: str) -> None:
        contact = self.contacts.by_sign_key(party.sign_public)
        if contact is None:
            raise BundleError(
                "unknown_sender",
                f"{party.name!r} is not one of your contacts (add and verify their card)",
            )
        if contact.enc_public != party.enc_public:
            raise BundleError(
                "unknown_sender",
                f"the keys of {contact.display_name} do not match their verified card",
            )
        if contact.key_changed:
            raise BundleError(
                "unknown_sender",
                f"the keys of {contact.display_name} changed and were not re-verified",
            )
        if not contact.verified:
            raise BundleError(
                "unknown_sender",
                f"{contact.display_name} is not verified: compare the safety number first",
            )

    def verify(self, data: bytes) -> tuple[OpenedBundle, Contact]:
        """All checks of `open_bundle` (no database writes)."""
        from mindspace.share.bundle import open_bundle

        me = self.require_identity()
        opened = open_bundle(data, me, self._check_sender)
        contact = self.contacts.by_sign_key(opened.sender.sign_public)
        assert contact is not None
        return opened, contact

    def stage(self, data: bytes) -> StagedImport:
        opened, contact = self.verify(data)
        when = self.inbox.already_imported(opened.bundle_id)
        if when is not None:
            raise BundleError(
                "replayed", f"bundle {opened.bundle_id} was already imported on {when}"
            )
        if opened.kind != "share":
            raise BundleError(
                "unsupported", f"this is a relay {opened.kind}, not a bundle: use share sync"
            )
        return stage(opened, contact.id)

    def open_bytes(self, data: bytes, source: str = "file") -> ImportResult:
        """Verify, stage and commit a bundle; nothing is stored unless all checks pass."""
        staged = self.stage(data)
        received = self.inbox.commit(staged, source)
        return self._result(staged, received, source)

    @staticmethod
    def _result(staged: StagedImport, received: str, source: str) -> ImportResult:
        return ImportResult(
            staged.bundle.bundle_id,
            staged.bundle.sender.name,
            staged.contact_id,
            staged.bundle.kind,
            staged.counts(),
            received,
            source,
        )

    def open_file(self, path: Path) -> ImportResult:
        return self.open_bytes(read_limited(Path(path)), "file")

    # ---- relay sync -------------------------------------------------------------------------
    def relay_config(self) -> dict[str, Any] | None:
        from mindspace.share.sync import load_relay_config

        return load_relay_config(self._services.settings)

    def set_relay(
        self,
        folder: str | None = None,
        url: str | None = None,
        user: str | None = None,
        password: str | None = None,
    ) -> dict[str, Any]:
        from mindspace.share.sync import save_relay_config

        return save_relay_config(self._services.settings, folder, url, user, password)

    def queue_for_relay(self, preview: ExportPreview) -> SealedBundle:
        from mindspace.share.sync import SyncEngine

        return SyncEngine(self).queue(preview)

    def sync(self) -> SyncReport:
        from mindspace.share.sync import SyncEngine

        return SyncEngine(self).run()

    def alarms(self) -> list[dict[str, Any]]:
        from mindspace.share.sync import list_alarms

        return list_alarms(self.db)


def write_new_file(path: Path, data: bytes) -> None:
    """Create `path` exclusively and write `data` (a partial file is removed on failure)."""
    try:
        handle = path.open("xb")
    except FileExistsError:
        raise SharingError(f"{path} already exists: choose another file name") from None
    except OSError as exc:
        raise SharingError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise SharingError(f"cannot write {path}: {exc.strerror or exc}") from None


def read_limited(path: Path) -> bytes:
    """Read a bundle file, refusing anything over the parser limit (SharingError)."""
    try:
        size = path.stat().st_size
        if size > MAX_CIPHERTEXT:
            raise BundleError("too_large", f"{path.name} is larger than any valid bundle")
        with path.open("rb") as handle:
            return handle.read(MAX_CIPHERTEXT + 1)
    except FileNotFoundError:
        raise SharingError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise SharingError(f"{path} is a folder, not a bundle file") from None
    except OSError as exc:
        raise SharingError(f"cannot read {path}: {exc.strerror or exc}") from None
