"""Relay sync use cases: configure the relay (kept inside the vault, password included), queue
an export preview as the next envelope, run one sync round, list fork alarms.

The chain rules are `share.sync.SyncEngine`; `VaultSyncStore` is its `SyncStore` over
the vault (`storage.share_sync` + `storage.share_inbox`). Blocking (network, crypto, DB): call
from a worker. Errors: `RelayError`, `SharingError`, `BundleError` (one line each).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mindspace.share.bundle import BundleError, SealedBundle
from mindspace.share.contacts import send_checks
from mindspace.share.inbox import StagedImport
from mindspace.share.relay_base import Relay
from mindspace.share.relay_config import SETTING, make_config, public, relay_from_config
from mindspace.share.sync import SyncEngine, queue_envelope
from mindspace.share.sync_state import ChainStep, SyncReport
from mindspace.storage.database import Connection, DbExecutor
from mindspace.storage.settings import VaultSettings
from mindspace.storage.share_inbox import AlreadyImportedError, InboxRepository
from mindspace.storage.share_sync import ChainMovedError, SyncRepository

if TYPE_CHECKING:
    from mindspace.app.sharing import ExportPreview, SharingService


class VaultSyncStore(SyncRepository):
    """`share.sync_state.SyncStore` over the open vault."""

    def __init__(self, db: DbExecutor, inbox: InboxRepository) -> None:
        super().__init__(db)
        self._inbox = inbox

    def import_staged(self, staged: StagedImport, step: ChainStep | None) -> str:
        extra = None
        if step is not None:
            extra = self.advance_step(
                step.device_id,
                step.contact_id,
                step.seq,
                step.manifest_hash,
                step.expected_last,
                step.name,
            )
        return commit_staged(self._inbox, staged, "relay", extra)


def commit_staged(
    inbox: InboxRepository,
    staged: StagedImport,
    source: str,
    extra: Callable[[Connection], None] | None = None,
) -> str:
    """Store a staged bundle in one transaction (plus `extra`); returns the received-at time.
    BundleError "replayed" if it was imported before or the sender's chain moved meanwhile."""
    bundle = staged.bundle
    try:
        return inbox.commit(
            bundle.bundle_id,
            staged.contact_id,
            bundle.created_at,
            bundle.manifest_bytes.decode("utf-8"),
            staged.items,
            source,
            extra,
        )
    except (AlreadyImportedError, ChainMovedError) as exc:
        raise BundleError("replayed", str(exc)) from None


class SyncService:
    def __init__(
        self,
        sharing: SharingService,
        store: VaultSyncStore,
        settings: VaultSettings,
        relay: Relay | None = None,
    ) -> None:
        """`relay` replaces the configured one (tests, or a relay chosen for one session)."""
        self._sharing = sharing
        self._store = store
        self._settings = settings
        self._relay = relay

    # ---- configuration ----------------------------------------------------------------------
    def config(self) -> dict[str, Any] | None:
        """The relay configuration without its password (None if not configured)."""
        return public(self._settings.get(SETTING))

    def configure(
        self,
        folder: str | None = None,
        url: str | None = None,
        user: str | None = None,
        password: str | None = None,
    ) -> dict[str, Any]:
        """Store the relay choice inside the vault (the WebDAV password included)."""
        config = make_config(folder, url, user, password)
        self._settings.set(SETTING, config)
        shown = public(config)
        assert shown is not None
        return shown

    def clear(self) -> None:
        self._settings.set(SETTING, None)

    def _relay_now(self) -> Relay:
        return self._relay or relay_from_config(self._settings.get(SETTING))

    # ---- sending and receiving --------------------------------------------------------------
    def queue(self, preview: ExportPreview) -> SealedBundle:
        """Seal the preview as the next envelope of my chain to that contact (stored, not sent)."""
        me = self._sharing.require_identity()
        contact = self._sharing.contacts.get(preview.contact.id)
        send_checks(contact, allow_unverified=bool(preview.warnings) or contact.verified)
        return queue_envelope(
            me, self._store, contact, preview.items, preview.bundle_id, preview.created_at
        )

    def run(self) -> SyncReport:
        """One round: upload my envelopes, import what arrived, acknowledge, clean up."""
        me = self._sharing.require_identity()
        engine = SyncEngine(
            me,
            self._store,
            self._relay_now(),
            self._sharing.verify,
            self._sharing.contacts.get,
        )
        return engine.run()

    def alarms(self) -> list[dict[str, Any]]:
        return self._store.alarms()
