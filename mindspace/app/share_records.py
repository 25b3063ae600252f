"""The vault behind sharing, as the objects the use cases need: my identity (unsealed and
cached), contacts as `Contact`s, and the read-only `ExportSource` over journal, mood, voice
check-ins, audio blobs and stored analyses. No Qt; every call blocks on the DB executor.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from mindspace.core.entities import JournalEntry, MoodCheckin
from mindspace.core.errors import NotFoundError
from mindspace.core.sharing import IdentityRow
from mindspace.share.contact_card import ContactCard, clean_name
from mindspace.share.contacts import Contact, find_contact
from mindspace.share.export import AnalysisFields, VoiceFields
from mindspace.share.identity import (
    Identity,
    IdentityError,
    check_role,
    generate_identity,
    open_identity,
    seal_private,
)
from mindspace.storage.analysis import AnalysisStore
from mindspace.storage.blobs import BlobStore
from mindspace.storage.journal import JournalRepository
from mindspace.storage.mood import MoodRepository
from mindspace.storage.share_sources import ShareSources
from mindspace.storage.sharing import ContactRepository, ShareIdentityRepository

if TYPE_CHECKING:
    from mindspace.app.measures import MeasureService

# (kinds, start, end) -> the chosen insights as shared records (`app.insights_share`)
InsightReader = Callable[[Sequence[str], date | None, date | None], list[dict[str, Any]]]


class IdentityKeeper:
    """Create, load and rename the single identity of this vault (cached once unsealed)."""

    def __init__(self, rows: ShareIdentityRepository, seal_key: bytes) -> None:
        self._rows = rows
        self._seal_key = seal_key
        self._cache: Identity | None = None

    def get(self) -> Identity | None:
        if self._cache is None:
            row = self._rows.get()
            if row is not None:
                self._cache = open_identity(row, self._seal_key)
        return self._cache

    def get_or_create(
        self, display_name: str = "MindSpace user", role: str = "patient"
    ) -> Identity:
        existing = self.get()
        if existing is not None:
            return existing
        new = generate_identity(display_name, role)
        self._rows.insert(
            IdentityRow(
                new.display_name,
                new.role,
                new.sign_public,
                new.enc_public,
                seal_private(new, self._seal_key),
                new.device_id,
                new.created_at,
            )
        )
        created = self.get()  # the stored one wins if another thread created it first
        assert created is not None
        return created

    def update(self, display_name: str | None = None, role: str | None = None) -> Identity:
        """Change the name or role shown on my card (keys stay the same)."""
        current = self.get()
        if current is None:
            raise IdentityError("no sharing identity yet")
        name = clean_name(display_name) if display_name is not None else current.display_name
        self._rows.rename(name, check_role(role or current.role))
        self._cache = None
        updated = self.get()
        assert updated is not None
        return updated


    def new_device(self) -> Identity:
        """Give this vault a new device id (same keys): a restored vault restarting its chains."""
        if self.get() is None:
            raise IdentityError("no sharing identity yet")
        self._rows.set_device_id(secrets.token_hex(16))
        self._cache = None
        renewed = self.get()
        assert renewed is not None
        return renewed


class ContactBook:
    """Contacts of this vault as `Contact`s (rows in `storage.sharing`)."""

    def __init__(self, rows: ContactRepository) -> None:
        self._rows = rows

    def list(self) -> list[Contact]:
        return [Contact.from_row(r) for r in self._rows.list()]

    def get(self, contact_id: str) -> Contact:
        return Contact.from_row(self._rows.get(contact_id))

    def by_sign_key(self, sign_public: bytes) -> Contact | None:
        row = self._rows.by_sign_key(sign_public)
        return None if row is None else Contact.from_row(row)

    def find(self, name_or_id: str) -> Contact:
        """By exact id, then by name (case-insensitive), then by a unique id prefix."""
        return find_contact(self.list(), name_or_id)

    def add(self, card: ContactCard, verified: bool = False) -> tuple[Contact, str]:
        """Add or update from a card; the outcome is added, unchanged, updated, verified or
        changed (see `storage.sharing.ContactRepository.add`)."""
        row, outcome = self._rows.add(
            card.name, card.role, card.sign_public, card.enc_public, verified
        )
        return Contact.from_row(row), outcome

    def mark_verified(self, contact_id: str, verified: bool = True) -> Contact:
        return Contact.from_row(self._rows.mark_verified(contact_id, verified))

    def remove(self, contact_id: str) -> None:
        self._rows.delete(contact_id)


class VaultExportSource:
    """`mindspace.share.export.ExportSource` over the open vault."""

    def __init__(
        self,
        journal: JournalRepository,
        mood: MoodRepository,
        sources: ShareSources,
        blobs: BlobStore,
        analyses: AnalysisStore,
        measures: MeasureService | None = None,
        insights: InsightReader | None = None,
    ) -> None:
        self._measures = measures
        self._insights = insights
        self._journal = journal
        self._mood = mood
        self._sources = sources
        self._blobs = blobs
        self._analyses = analyses

    def journal_entry(self, entry_id: str) -> JournalEntry | None:
        try:
            return self._journal.get(entry_id)
        except NotFoundError:
            return None

    def journal_entries(
        self, start: datetime | None, end: datetime | None, tag: str | None = None
    ) -> list[JournalEntry]:
        return self._journal.list(tag=tag, start=start, end=end)

    def mood_checkins(self, start: datetime | None, end: datetime | None) -> list[MoodCheckin]:
        return self._mood.list(start=start, end=end)

    def voice_available(self) -> bool:
        return self._sources.voice_available()

    def voice_checkins(
        self, start: datetime | None, end: datetime | None
    ) -> Sequence[VoiceFields]:
        return self._sources.voice_checkins(start, end)

    def voice_journal_ids(self) -> set[str]:
        return self._sources.voice_journal_ids()

    def audio(self, blob_id: str) -> tuple[bytes, str]:
        kind = str(self._blobs.info(blob_id)["kind"])
        return self._blobs.get(blob_id), kind

    def analysis(self, source_type: str, source_id: str) -> AnalysisFields | None:
        return self._analyses.get(source_type, source_id)

    def questionnaires(
        self, start: datetime | None, end: datetime | None
    ) -> list[dict[str, Any]]:
        return [] if self._measures is None else self._measures.share_records(start, end)

    def insights(
        self, kinds: Sequence[str], start: date | None, end: date | None
    ) -> list[dict[str, Any]]:
        return [] if self._insights is None else self._insights(kinds, start, end)
