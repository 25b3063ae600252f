"""Relay sync use cases: configure the relay (kept inside the vault, password included), queue
an export preview as the next envelope, run one sync round, list / dismiss / accept alarms,
show the sync status, and re-join after a restore (`rejoin`).

The chain rules are `share.sync.SyncEngine`; `VaultSyncStore` is its `SyncStore` over
the vault (`storage.share_sync` + `storage.share_inbox`). Blocking (network, crypto, DB): call
from a worker. Errors: `RelayError`, `SharingError`, `BundleError` (one line each).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mindspace.app.audit import AuditKind
from mindspace.core.rules import utc_now
from mindspace.share.bundle import BundleError, SealedBundle
from mindspace.share.contacts import send_checks
from mindspace.share.errors import SharingError
from mindspace.share.inbox import StagedImport
from mindspace.share.relay_base import Relay
from mindspace.share.relay_config import (
    SETTING,
    check_transport,
    make_config,
    public,
    relay_from_config,
)
from mindspace.share.sync import SyncEngine, queue_envelope
from mindspace.share.sync_restart import queue_restart
from mindspace.share.sync_state import ChainStep, SyncReport
from mindspace.storage.database import Connection, DbExecutor
from mindspace.storage.settings import VaultSettings
from mindspace.storage.share_inbox import AlreadyImportedError, InboxRepository
from mindspace.storage.share_sync import ChainMovedError, SyncRepository

__all__ = ["ALARM_MEANINGS", "SyncService", "VaultSyncStore", "check_transport", "commit_staged"]

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
        allow_insecure_http: bool = False,
    ) -> dict[str, Any]:
        """Store the relay choice inside the vault (the WebDAV password included). A password
        over plain http:// to another computer is refused unless `allow_insecure_http`."""
        config = make_config(folder, url, user, password, allow_insecure_http)
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
        """One round: upload my envelopes, import what arrived, acknowledge, clean up. The
        report also lists every alarm still open (`open_alarms`), not only new ones."""
        me = self._sharing.require_identity()
        engine = SyncEngine(
            me,
            self._store,
            self._relay_now(),
            self._sharing.verify,
            self._sharing.contacts.get,
        )
        report = engine.run()
        report.open_alarms = self.alarms()
        if report.uploaded or report.received or report.rejected or report.alarms:
            self._sharing.record(
                AuditKind.SYNC_RUN,
                f"sent {report.uploaded}, received {len(report.received)},"
                f" refused {len(report.rejected)}, new alarms {len(report.alarms)}",
            )
        return report

    # ---- alarms, status, restart ------------------------------------------------------------
    def alarms(self, include_dismissed: bool = False) -> list[dict[str, Any]]:
        """Alarms with `meaning` (what it is and what to do), newest first."""
        rows = self._store.alarms(include_dismissed)
        return [{**row, "meaning": ALARM_MEANINGS.get(str(row["kind"]), "")} for row in rows]

    def dismiss(self, alarm_id: int) -> None:
        """The person read the alarm and acts on it outside the app (NotFoundError if none)."""
        self._store.dismiss_alarm(alarm_id)

    def accept_restart(self, alarm_id: int) -> dict[str, Any]:
        """Accept a restored device's signed chain restart (a `restart` alarm)."""
        accepted = self._store.accept_restart(alarm_id)
        self._sharing.record(AuditKind.SYNC_ACCEPT_RESTART, f"alarm {alarm_id} accepted")
        return accepted

    def status(self) -> dict[str, Any]:
        return {
            "relay": self.config(),
            "alarms": self.alarms(),
            "retrying": self._store.retrying(),
            "unacknowledged": self._store.unacknowledged(),
        }

    def rejoin(self, contact: str | None = None) -> dict[str, Any]:
        """After restoring this vault from a backup: take a new device id and queue a signed
        restart envelope to each contact this vault sent to (or only `contact`). They are
        asked to accept it; nothing continues silently."""
        me = self._sharing.require_identity()
        if contact is not None:
            targets = [self._sharing.find_contact(contact)]
        else:
            sent_to = {row["contact_id"] for row in self._store.alarms() if row["contact_id"]}
            sent_to |= self._store.contacts_sent_to()
            targets = [c for c in self._sharing.contacts.list() if c.id in sent_to]
        if not targets:
            raise SharingError("this vault has not shared through the relay: nothing to re-join")
        for target in targets:
            send_checks(target, allow_unverified=target.verified)
        renewed = self._sharing.identities.new_device()
        out = []
        for target in targets:
            sealed = queue_restart(renewed, self._store, target, me.device_id, utc_now())
            seq = int(sealed.manifest["sync"]["seq"])
            self._store.supersede(target.id, seq)
            self._store.dismiss_kind("mismatch", target.id, "re-joined with a restart")
            out.append({"contact": target.display_name, "seq": seq})
        self._sharing.record(
            AuditKind.SYNC_REJOIN,
            f"new device id {renewed.device_id[:8]}; restart sent to {len(out)} contacts",
        )
        return {"old_device_id": me.device_id, "device_id": renewed.device_id, "restarts": out}


ALARM_MEANINGS = {
    "fork": "Two different envelopes claim the same place in a sender's chain, or one does not"
    " continue it. Nothing from them was imported. It happens when the sender's vault was"
    " restored from a backup or copied; ask them. They can re-join with `share rejoin`.",
    "unreadable": "A file on the relay could not be read (corrupted or cut short). MindSpace"
    " keeps reading it again; delivery resumes when it is whole. Check the relay or the"
    " sender's connection if this stays.",
    "restart": "The sender's vault was restored from a backup and asks to continue with a new,"
    " signed chain. Accept (`share alarms --accept ID`) only after they confirm it.",
    "mismatch": "The recipient accepted envelopes from this device that this vault does not"
    " know: it was probably restored from a backup. Run `share rejoin` to continue.",
}
