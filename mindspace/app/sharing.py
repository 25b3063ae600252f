"""Sharing use cases: my identity, contacts, export preview and writing, import and verify.

`AppServices.sharing()` hands out one `SharingService` while the vault is open (dropped on
lock). Methods block on the DB executor and on cryptography (an export of a few MB takes well
under a second); the GUI calls them from a worker. User-caused failures raise `SharingError`,
`BundleError` (with a per-reason `exit_code`), `CardError`, `SelectionError` or `RelayError`,
all `UserError`s whose messages are one line (`mindspace.app.errors` shows them); nothing is
written or imported unless the whole operation succeeds. Relay sync is `mindspace.app.sync`,
reachable through the same object. The GUI and the CLI import sharing types from here only.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mindspace.app.audit import AuditKind, AuditTrail
from mindspace.app.share_records import (
    ContactBook,
    IdentityKeeper,
    InsightReader,
    VaultExportSource,
)
from mindspace.app.sync import SyncService, VaultSyncStore, commit_staged
from mindspace.core.errors import NotFoundError
from mindspace.core.rules import utc_now
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
    open_bundle,
    seal,
)
from mindspace.share.contact_card import CardError, ContactCard, parse_card_bytes, read_card_file
from mindspace.share.contacts import Contact, check_sender, send_checks
from mindspace.share.errors import SharingError
from mindspace.share.export import (
    INSIGHT_KINDS,
    ExportSelection,
    ExportSource,
    SelectionError,
    collect,
    describe,
)
from mindspace.share.identity import Identity
from mindspace.share.inbox import StagedImport, stage
from mindspace.share.relay_base import RelayError
from mindspace.share.report import daily_mood, emotion_trends
from mindspace.share.sync_state import SyncReport
from mindspace.storage.analysis import AnalysisStore
from mindspace.storage.blobs import BlobStore
from mindspace.storage.database import DbExecutor

if TYPE_CHECKING:
    from mindspace.app.measures import MeasureService
from mindspace.storage.journal import JournalRepository
from mindspace.storage.mood import MoodRepository
from mindspace.storage.settings import VaultSettings
from mindspace.storage.share_inbox import InboxRepository
from mindspace.storage.share_sources import ShareSources
from mindspace.storage.sharing import ContactRepository, SentBundles, ShareIdentityRepository

IDENTITY_KEY_PURPOSE = "share-identity"  # the vault subkey that seals my private keys

__all__ = [
    "BundleError",
    "CardError",
    "Contact",
    "ContactCard",
    "ExportPreview",
    "ExportSelection",
    "INSIGHT_KINDS",
    "IDENTITY_KEY_PURPOSE",
    "ImportResult",
    "RelayError",
    "SelectionError",
    "SharingError",
    "SharingService",
    "SyncReport",
    "daily_mood",
    "emotion_trends",
    "parse_card_bytes",
    "read_card_file",
    "read_limited",
    "write_new_file",
]


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
    def __init__(
        self,
        identities: IdentityKeeper,
        contacts: ContactBook,
        inbox: InboxRepository,
        sent: SentBundles,
        source: ExportSource,
        sync_store: VaultSyncStore,
        settings: VaultSettings,
        audit: AuditTrail | None = None,
    ) -> None:
        self.identities = identities
        self.contacts = contacts
        self.inbox = inbox
        self._sent = sent
        self._source = source
        self.audit = audit
        self.sync_service = SyncService(self, sync_store, settings)

    @classmethod
    def for_vault(
        cls,
        db: DbExecutor,
        seal_key: bytes,
        settings: VaultSettings,
        journal: JournalRepository,
        mood: MoodRepository,
        analyses: AnalysisStore,
        blobs: BlobStore,
        measures: MeasureService | None = None,
        audit: AuditTrail | None = None,
        insights: InsightReader | None = None,
    ) -> SharingService:
        """Everything over one open vault; `seal_key` is `derive_key(IDENTITY_KEY_PURPOSE)`."""
        source = VaultExportSource(journal, mood, ShareSources(db), blobs, analyses, measures,
                                   insights)
        inbox = InboxRepository(db)
        return cls(
            IdentityKeeper(ShareIdentityRepository(db), seal_key),
            ContactBook(ContactRepository(db)),
            inbox,
            SentBundles(db),
            source,
            VaultSyncStore(db, inbox),
            settings,
            audit,
        )

    # ---- identity ---------------------------------------------------------------------------
    def identity(self) -> Identity | None:
        return self.identities.get()

    def ensure_identity(self, name: str | None = None, role: str | None = None) -> Identity:
        """Create my identity on first use; later calls may rename it or change the role."""
        current = self.identities.get()
        if current is None:
            created = self.identities.get_or_create(name or "MindSpace user", role or "patient")
            self.record(AuditKind.IDENTITY_CREATE,
                        f"signing and encryption keys created ({created.role})")
            return created
        if (name and name != current.display_name) or (role and role != current.role):
            updated = self.identities.update(name, role)
            self.record(AuditKind.IDENTITY_UPDATE,
                        f"card now {updated.display_name} ({updated.role}); same keys")
            return updated
        return current

    def record(self, kind: AuditKind, detail: str) -> None:
        """Note a sharing event in the audit log (when this service has one)."""
        if self.audit is not None:
            self.audit.record(kind, detail)

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
        contact, outcome = self.contacts.add(card, verified)
        kind = CONTACT_OUTCOMES.get(outcome)
        if kind is not None:
            self.record(kind, f"{contact.display_name} ({contact.role}, {contact.state_word()})")
        return contact, outcome

    def find_contact(self, ref: str) -> Contact:
        try:
            return self.contacts.find(ref)
        except NotFoundError as exc:
            raise SharingError(str(exc)) from None

    def safety_number(self, contact: Contact) -> str:
        me = self.require_identity()
        return contact.safety_number(me.sign_public, me.enc_public)

    def verify_contact(self, contact_id: str) -> Contact:
        contact = self.contacts.mark_verified(contact_id, True)
        self.record(AuditKind.CONTACT_VERIFY, f"{contact.display_name} ({contact.role})")
        return contact

    def unverify_contact(self, contact_id: str) -> Contact:
        contact = self.contacts.mark_verified(contact_id, False)
        self.record(AuditKind.CONTACT_UNVERIFY, f"{contact.display_name} ({contact.role})")
        return contact

    def remove_contact(self, contact_id: str) -> None:
        """Forget a contact and what they sent me (NotFoundError if there is none)."""
        contact = self.contacts.get(contact_id)
        self.contacts.remove(contact_id)
        self.record(AuditKind.CONTACT_REMOVE, f"{contact.display_name} ({contact.role})")

    # ---- export -----------------------------------------------------------------------------
    def preview_export(
        self, contact: Contact | str, selection: ExportSelection, allow_unverified: bool = False
    ) -> ExportPreview:
        """Build the exact items and manifest. Raises SharingError if sending is blocked."""
        me = self.require_identity()
        target = self.find_contact(contact) if isinstance(contact, str) else contact
        warnings = send_checks(target, allow_unverified)
        created = utc_now()
        history = (
            self.audit.shared_history() if selection.sharing_history and self.audit else []
        )
        collected = collect(
            self._source, selection, me.display_name, target.display_name, created, history
        )
        manifest = make_manifest(me, [target.party()], collected.items, "share", created_at=created)
        bundle_id = json.loads(manifest)["bundle_id"]
        return ExportPreview(
            target, selection, collected.items, manifest, bundle_id, created, warnings
        )

    def checked_recipient(self, preview: ExportPreview) -> Contact:
        """The preview's contact as stored now; SharingError if its keys or trust changed."""
        fresh = self.contacts.get(preview.contact.id)
        if (fresh.sign_public, fresh.enc_public) != (
            preview.contact.sign_public,
            preview.contact.enc_public,
        ):
            raise SharingError(f"the keys of {fresh.display_name} changed since the preview")
        send_checks(fresh, allow_unverified=bool(preview.warnings) or fresh.verified)
        return fresh

    def seal_preview(self, preview: ExportPreview) -> SealedBundle:
        me = self.require_identity()
        fresh = self.checked_recipient(preview)
        return seal(me, [fresh.party()], preview.items, preview.manifest_bytes)

    def write_export(self, preview: ExportPreview, path: Path) -> SealedBundle:
        """Seal and write the bundle file (refuses to overwrite an existing file)."""
        path = Path(path)
        if path.exists():
            raise SharingError(f"{path} already exists: choose another file name")
        if not path.parent.is_dir():
            raise SharingError(f"the folder {path.parent} does not exist")
        sealed = self.seal_preview(preview)
        write_new_file(path, sealed.ciphertext)
        self._sent.record(
            sealed.bundle_id,
            preview.contact.id,
            str(sealed.manifest["created_at"]),
            len(sealed.manifest["items"]),
            len(sealed.ciphertext),
            "file",
        )
        self.record(AuditKind.SHARE_EXPORT, shared_detail(preview, sealed, "file"))
        return sealed

    # ---- import -----------------------------------------------------------------------------
    def _check_sender(self, party: Party, device_id: str) -> None:
        check_sender(self.contacts.by_sign_key(party.sign_public), party)

    def verify(self, data: bytes) -> tuple[OpenedBundle, Contact]:
        """All checks of `open_bundle` (no database writes)."""
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
        if opened.kind == "research":
            raise BundleError(
                "unsupported", "this is a research export: a study opens it with research"
                " aggregate"
            )
        if opened.kind != "share":
            raise BundleError(
                "unsupported", f"this is a relay {opened.kind}, not a bundle: use share sync"
            )
        return stage(opened, contact.id)

    def open_bytes(self, data: bytes, source: str = "file") -> ImportResult:
        """Verify, stage and commit a bundle; nothing is stored unless all checks pass."""
        staged = self.stage(data)
        received = commit_staged(self.inbox, staged, source)
        self.record(
            AuditKind.SHARE_IMPORT,
            f"from {staged.bundle.sender.name}: {count_words(staged.counts())}"
            f" (bundle {staged.bundle.bundle_id[:8]}, {source})",
        )
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

    # ---- relay sync (mindspace.app.sync) ------------------------------------------------------
    def relay_config(self) -> dict[str, Any] | None:
        return self.sync_service.config()

    def set_relay(
        self,
        folder: str | None = None,
        url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        allow_insecure_http: bool = False,
    ) -> dict[str, Any]:
        shown = self.sync_service.configure(folder, url, user, password, allow_insecure_http)
        self.record(AuditKind.RELAY_CHANGE, f"relay set ({'folder' if folder else 'WebDAV'})")
        return shown

    def clear_relay(self) -> None:
        self.sync_service.clear()
        self.record(AuditKind.RELAY_CHANGE, "relay removed")

    def queue_for_relay(self, preview: ExportPreview) -> SealedBundle:
        sealed = self.sync_service.queue(preview)
        self.record(AuditKind.SHARE_QUEUE, shared_detail(preview, sealed, "relay"))
        return sealed

    def sync(self) -> SyncReport:
        return self.sync_service.run()

    def alarms(self) -> list[dict[str, Any]]:
        return self.sync_service.alarms()


CONTACT_OUTCOMES = {
    "added": AuditKind.CONTACT_ADD,
    "updated": AuditKind.CONTACT_UPDATE,
    "verified": AuditKind.CONTACT_VERIFY,
    "changed": AuditKind.CONTACT_KEY_CHANGE,
}
ITEM_WORDS = {
    "journal_entry": "journal entries",
    "mood_checkin": "mood check-ins",
    "voice_checkin": "voice check-ins",
    "voice_audio": "recordings",
    "analysis": "analyses",
    "report_csv": "CSV table",
    "report_pdf": "PDF report",
    "sharing_history": "sharing history",
}


def count_words(counts: dict[str, int]) -> str:
    """'3 journal entries, 9 mood check-ins' (item types in a fixed order)."""
    parts = [f"{n} {ITEM_WORDS.get(t, t)}" for t, n in sorted(counts.items()) if n]
    return ", ".join(parts) or "nothing"


def item_counts(items: Sequence[Item]) -> dict[str, int]:
    return dict(Counter(item.type for item in items))


def shared_detail(preview: ExportPreview, sealed: SealedBundle, via: str) -> str:
    """The audit line of a bundle sent: to whom, what (counts only) and how."""
    return (
        f"to {preview.contact.display_name}: {count_words(item_counts(preview.items))}"
        f" ({via}, bundle {sealed.bundle_id[:8]})"
    )


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
