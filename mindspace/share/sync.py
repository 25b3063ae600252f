"""Relay sync: immutable envelopes with a per-device hash chain, and acknowledgements.

Sending: `queue` turns an export preview into an *envelope* - a bundle (kind `envelope`) whose
signed manifest carries `sync: {seq, prev}`: a sequence number per (my device, recipient) and
the SHA-256 of the previous envelope's manifest. It is stored in my vault until acknowledged and
uploaded under a random name on each `run` (re-uploaded if the store lost it).

Receiving (`run`): every unseen file is opened with the usual bundle checks. Per sending device
the receiver keeps (last_seq, last_hash) in its vault:
* seq <= last_seq with the recorded hash -> a replay: ignored, nothing imported;
* seq <= last_seq with another hash, or seq == last_seq + 1 whose `prev` is not last_hash, or
  two different envelopes with one seq -> a fork: an alarm is raised and nothing is imported;
* seq > last_seq + 1 -> a gap: the envelope waits in the store for the missing ones;
* seq == last_seq + 1 linking to last_hash -> imported, and the chain advances in the same
  transaction as the import. The chain never moves backwards, whatever the store shows.
After advancing, the receiver writes a signed, encrypted *ack* (kind `ack`) for the sender, who
then deletes every envelope up to the acknowledged one and the ack itself.

Blocking (network and crypto); call from a worker. Errors: `RelayError`, `SharingError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mindspace.share.bundle import (
    MAX_CIPHERTEXT,
    BundleError,
    OpenedBundle,
    Party,
    SealedBundle,
    make_manifest,
    seal,
)
from mindspace.share.identity import utc_now
from mindspace.share.inbox import stage
from mindspace.share.relay_base import Relay, RelayError, RelayNotFoundError, new_name

if TYPE_CHECKING:
    from mindspace.share.service import ExportPreview, SharingService
    from mindspace.storage.settings import VaultSettings

GENESIS = "0" * 64
SETTING = "share.relay"


def load_relay_config(settings: VaultSettings) -> dict[str, Any] | None:
    """The relay configuration without its password (None if not configured)."""
    config = settings.get(SETTING)
    if not config:
        return None
    return {k: v for k, v in config.items() if k != "password"}


def save_relay_config(
    settings: VaultSettings,
    folder: str | None,
    url: str | None,
    user: str | None,
    password: str | None,
) -> dict[str, Any]:
    """Store the relay choice inside the vault (the WebDAV password included)."""
    if bool(folder) == bool(url):
        raise RelayError("choose exactly one relay: a folder or a WebDAV address")
    if folder:
        config: dict[str, Any] = {
            "type": "folder",
            "folder": str(Path(folder).expanduser().absolute()),
        }
    else:
        from mindspace.share.relay_webdav import WebDavRelay

        WebDavRelay(str(url), user, password)  # validates the address
        config = {"type": "webdav", "url": url, "user": user, "password": password}
    settings.set(SETTING, config)
    return {k: v for k, v in config.items() if k != "password"}


def relay_from_config(settings: VaultSettings) -> Relay:
    config = settings.get(SETTING)
    if not config:
        raise RelayError("no sync relay is configured (share relay set --folder or --webdav)")
    if config.get("type") == "folder":
        from mindspace.share.relay_folder import FolderRelay

        return FolderRelay(Path(config["folder"]))
    from mindspace.share.relay_webdav import WebDavRelay

    return WebDavRelay(config["url"], config.get("user"), config.get("password"))


def list_alarms(db: Any) -> list[dict[str, Any]]:
    rows = db.run(
        lambda c: c.execute(
            "SELECT a.id, a.device_id, c.display_name, a.seq, a.detail, a.raised_at"
            " FROM share_sync_alarms a LEFT JOIN share_contacts c ON c.id = a.contact_id"
            " WHERE a.dismissed_at IS NULL ORDER BY a.raised_at DESC"
        ).fetchall()
    )
    keys = ("id", "device_id", "contact", "seq", "detail", "raised_at")
    return [dict(zip(keys, r, strict=True)) for r in rows]


@dataclass
class SyncReport:
    uploaded: int = 0
    received: list[dict[str, Any]] = field(default_factory=list)
    replayed: int = 0
    waiting: int = 0
    acked: int = 0
    deleted: int = 0
    rejected: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "uploaded": self.uploaded,
            "received": self.received,
            "replayed": self.replayed,
            "waiting": self.waiting,
            "acknowledged": self.acked,
            "deleted": self.deleted,
            "rejected": self.rejected,
            "alarms": self.alarms,
        }

    def summary(self) -> str:
        lines = [
            f"Sent {self.uploaded}, received {len(self.received)}, waiting {self.waiting},"
            f" replays ignored {self.replayed}, delivered and removed {self.deleted}."
        ]
        lines += [f"Rejected: {r}" for r in self.rejected]
        lines += [f"ALARM: {a}" for a in self.alarms]
        return "\n".join(lines)


@dataclass
class _Candidate:
    name: str
    opened: OpenedBundle
    contact_id: str
    seq: int
    prev: str


class SyncEngine:
    def __init__(self, sharing: SharingService, relay: Relay | None = None) -> None:
        self.sharing = sharing
        self.db = sharing.db
        self._relay = relay

    @property
    def relay(self) -> Relay:
        if self._relay is None:
            self._relay = relay_from_config(self.sharing._services.settings)
        return self._relay

    # ---- sending ----------------------------------------------------------------------------
    def queue(self, preview: ExportPreview) -> SealedBundle:
        """Seal the preview as the next envelope of my chain to that contact (stored, not sent)."""
        me = self.sharing.require_identity()
        contact = self.sharing.contacts.get(preview.contact.id)
        self.sharing._send_checks(
            contact, allow_unverified=bool(preview.warnings) or contact.verified
        )
        recipients = [Party(contact.display_name, contact.sign_public, contact.enc_public)]

        def work(conn: Any) -> SealedBundle:
            row = conn.execute(
                "SELECT seq, manifest_hash FROM share_sync_outbox WHERE contact_id = ?"
                " ORDER BY seq DESC LIMIT 1",
                (contact.id,),
            ).fetchone()
            seq, prev = (1, GENESIS) if row is None else (int(row[0]) + 1, str(row[1]))
            manifest = make_manifest(
                me,
                recipients,
                preview.items,
                "envelope",
                {"sync": {"seq": seq, "prev": prev}},
                bundle_id=preview.bundle_id,
                created_at=preview.created_at,
            )
            sealed = seal(me, recipients, preview.items, manifest)
            conn.execute(
                "INSERT INTO share_sync_outbox(contact_id, seq, name, manifest_hash, envelope,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (contact.id, seq, new_name(), sealed.manifest_hash, sealed.ciphertext, utc_now()),
            )
            conn.execute(
                "INSERT OR IGNORE INTO share_sent_bundles(bundle_id, contact_id, created_at,"
                " item_count, size, via) VALUES (?, ?, ?, ?, ?, 'relay')",
                (
                    sealed.bundle_id,
                    contact.id,
                    preview.created_at,
                    len(preview.items),
                    len(sealed.ciphertext),
                ),
            )
            return sealed

        sealed: SealedBundle = self.db.transaction(work)
        return sealed

    def _push(self, listing: set[str], report: SyncReport) -> None:
        rows = self.db.run(
            lambda c: c.execute(
                "SELECT name, envelope FROM share_sync_outbox WHERE acked_at IS NULL"
                " AND envelope IS NOT NULL ORDER BY contact_id, seq"
            ).fetchall()
        )
        for name, envelope in rows:
            if name in listing:
                continue  # already there (or still there)
            try:
                self.relay.put(name, bytes(envelope))
            except RelayError:
                if name not in set(self.relay.list()):
                    raise
            report.uploaded += 1
            self.db.transaction(
                lambda c, n=name: c.execute(
                    "UPDATE share_sync_outbox SET uploaded_at = ? WHERE name = ?", (utc_now(), n)
                )
            )

    # ---- one round --------------------------------------------------------------------------
    def run(self) -> SyncReport:
        report = SyncReport()
        self.sharing.require_identity()
        listing = set(self.relay.list())
        self._push(listing, report)
        mine = {
            r[0]
            for r in self.db.run(
                lambda c: c.execute("SELECT name FROM share_sync_outbox").fetchall()
            )
        }
        seen = {
            r[0]
            for r in self.db.run(lambda c: c.execute("SELECT name FROM share_sync_seen").fetchall())
        }
        candidates: list[_Candidate] = []
        for name in sorted(listing - mine - seen):
            try:
                data = self.relay.get(name, MAX_CIPHERTEXT)
            except RelayNotFoundError:
                continue
            try:
                opened, contact = self.sharing.verify(data)
            except BundleError as exc:
                if exc.reason == "unknown_sender":
                    report.rejected.append(f"{name}: {exc}")  # retried once they are verified
                    continue
                if exc.reason != "not_for_me":
                    report.rejected.append(f"{name}: {exc}")
                self._mark_seen(name, exc.reason)
                continue
            if opened.kind == "ack":
                self._handle_ack(name, opened, contact.id, report)
            elif opened.kind == "share":
                self._import_plain(name, opened, contact.id, report)
            else:
                sync = opened.manifest.get("sync")
                if not (
                    isinstance(sync, dict)
                    and isinstance(sync.get("seq"), int)
                    and not isinstance(sync.get("seq"), bool)
                    and sync["seq"] >= 1
                    and isinstance(sync.get("prev"), str)
                    and len(sync["prev"]) == 64
                ):
                    report.rejected.append(f"{name}: corrupted: the envelope has no valid sequence")
                    self._mark_seen(name, "corrupted")
                    continue
                candidates.append(_Candidate(name, opened, contact.id, sync["seq"], sync["prev"]))
        by_device: dict[str, list[_Candidate]] = {}
        for cand in candidates:
            by_device.setdefault(cand.opened.sender_device, []).append(cand)
        for device, group in by_device.items():
            self._process_chain(device, sorted(group, key=lambda c: c.seq), report)
        return report

    def _mark_seen(self, name: str, outcome: str) -> None:
        self.db.transaction(
            lambda c: c.execute(
                "INSERT OR REPLACE INTO share_sync_seen(name, outcome, seen_at) VALUES (?, ?, ?)",
                (name, outcome, utc_now()),
            )
        )

    def _alarm(
        self, device: str, contact_id: str, seq: int, detail: str, report: SyncReport
    ) -> None:
        self.db.transaction(
            lambda c: c.execute(
                "INSERT INTO share_sync_alarms(device_id, contact_id, seq, detail, raised_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (device, contact_id, seq, detail, utc_now()),
            )
        )
        report.alarms.append(detail)

    def _import_plain(
        self, name: str, opened: OpenedBundle, contact_id: str, report: SyncReport
    ) -> None:
        try:
            staged = stage(opened, contact_id)
            self.sharing.inbox.commit(staged, "relay")
        except BundleError as exc:
            if exc.reason == "replayed":
                report.replayed += 1
            else:
                report.rejected.append(f"{name}: {exc}")
            self._mark_seen(name, exc.reason)
            return
        report.received.append(
            {"bundle_id": opened.bundle_id, "from": opened.sender.name, "items": staged.counts()}
        )
        self._mark_seen(name, "imported")

    def _chain(self, device: str) -> tuple[int, str]:
        row = self.db.run(
            lambda c: c.execute(
                "SELECT last_seq, last_hash FROM share_sync_chains WHERE device_id = ?", (device,)
            ).fetchone()
        )
        return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))

    def _logged_hash(self, device: str, seq: int) -> str | None:
        row = self.db.run(
            lambda c: c.execute(
                "SELECT manifest_hash FROM share_sync_log WHERE device_id = ? AND seq = ?",
                (device, seq),
            ).fetchone()
        )
        return None if row is None else str(row[0])

    def _process_chain(self, device: str, group: list[_Candidate], report: SyncReport) -> None:
        last_seq, last_hash = self._chain(device)
        advanced = None
        hashes_by_seq: dict[int, set[str]] = {}
        for cand in group:
            hashes_by_seq.setdefault(cand.seq, set()).add(cand.opened.manifest_hash)
        for cand in group:
            who = cand.opened.sender.name
            if len(hashes_by_seq[cand.seq]) > 1:
                self._alarm(
                    device,
                    cand.contact_id,
                    cand.seq,
                    f"fork: {who} has two different envelopes numbered {cand.seq}",
                    report,
                )
                self._mark_seen(cand.name, "fork")
                continue
            if cand.seq <= last_seq:
                if self._logged_hash(device, cand.seq) == cand.opened.manifest_hash:
                    report.replayed += 1
                    self._mark_seen(cand.name, "replayed")
                    advanced = advanced or (cand.contact_id, cand.opened.sender)
                else:
                    self._alarm(
                        device,
                        cand.contact_id,
                        cand.seq,
                        f"fork: envelope {cand.seq} from {who} differs from the one"
                        " already accepted",
                        report,
                    )
                    self._mark_seen(cand.name, "fork")
                continue
            if cand.seq > last_seq + 1:
                report.waiting += 1  # a gap: stays in the store until the missing ones arrive
                continue
            if cand.prev != last_hash:
                self._alarm(
                    device,
                    cand.contact_id,
                    cand.seq,
                    f"fork: envelope {cand.seq} from {who} does not continue the chain",
                    report,
                )
                self._mark_seen(cand.name, "fork")
                continue
            if self._accept(device, cand, last_seq, report):
                last_seq, last_hash = cand.seq, cand.opened.manifest_hash
                advanced = (cand.contact_id, cand.opened.sender)
        if advanced is not None and last_seq > 0:
            self._send_ack(device, advanced[0], last_seq, last_hash)

    def _accept(
        self, device: str, cand: _Candidate, expected_last: int, report: SyncReport
    ) -> bool:
        try:
            staged = stage(cand.opened, cand.contact_id)
        except BundleError as exc:
            report.rejected.append(f"{cand.name}: {exc}")
            self._mark_seen(cand.name, exc.reason)
            return False
        now = utc_now()

        def advance(conn: Any) -> None:
            row = conn.execute(
                "SELECT last_seq FROM share_sync_chains WHERE device_id = ?", (device,)
            ).fetchone()
            if (0 if row is None else int(row[0])) != expected_last:
                raise BundleError("replayed", "the chain moved on while importing")
            conn.execute(
                "INSERT OR REPLACE INTO share_sync_chains(device_id, contact_id, last_seq,"
                " last_hash, updated_at) VALUES (?, ?, ?, ?, ?)",
                (device, cand.contact_id, cand.seq, cand.opened.manifest_hash, now),
            )
            conn.execute(
                "INSERT INTO share_sync_log(device_id, seq, manifest_hash, accepted_at)"
                " VALUES (?, ?, ?, ?)",
                (device, cand.seq, cand.opened.manifest_hash, now),
            )
            conn.execute(
                "INSERT OR REPLACE INTO share_sync_seen(name, outcome, seen_at) VALUES (?, ?, ?)",
                (cand.name, "imported", now),
            )

        try:
            self.sharing.inbox.commit(staged, "relay", advance)
        except BundleError as exc:
            report.rejected.append(f"{cand.name}: {exc}")
            self._mark_seen(cand.name, exc.reason)
            return False
        report.received.append(
            {
                "bundle_id": cand.opened.bundle_id,
                "from": cand.opened.sender.name,
                "seq": cand.seq,
                "items": staged.counts(),
            }
        )
        return True

    def _send_ack(self, device: str, contact_id: str, seq: int, digest: str) -> None:
        me = self.sharing.require_identity()
        contact = self.sharing.contacts.get(contact_id)
        recipients = [Party(contact.display_name, contact.sign_public, contact.enc_public)]
        manifest = make_manifest(
            me, recipients, [], "ack", {"ack": {"device_id": device, "seq": seq, "hash": digest}}
        )
        self.relay.put(new_name(), seal(me, recipients, [], manifest).ciphertext)

    def _handle_ack(
        self, name: str, opened: OpenedBundle, contact_id: str, report: SyncReport
    ) -> None:
        me = self.sharing.require_identity()
        ack = opened.manifest.get("ack")
        ok = (
            isinstance(ack, dict)
            and ack.get("device_id") == me.device_id
            and isinstance(ack.get("seq"), int)
            and isinstance(ack.get("hash"), str)
        )
        if not ok:
            report.rejected.append(f"{name}: corrupted: malformed acknowledgement")
            self._mark_seen(name, "corrupted")
            return
        assert isinstance(ack, dict)
        row = self.db.run(
            lambda c: c.execute(
                "SELECT manifest_hash FROM share_sync_outbox WHERE contact_id = ? AND seq = ?",
                (contact_id, ack["seq"]),
            ).fetchone()
        )
        if row is None or row[0] != ack["hash"]:
            report.rejected.append(f"{name}: the acknowledgement does not match anything I sent")
            self._mark_seen(name, "bad-ack")
            return
        now = utc_now()
        done = self.db.run(
            lambda c: c.execute(
                "SELECT name FROM share_sync_outbox WHERE contact_id = ? AND seq <= ?"
                " AND deleted_at IS NULL",
                (contact_id, ack["seq"]),
            ).fetchall()
        )
        for (envelope_name,) in done:
            self.relay.delete(envelope_name)
            report.deleted += 1
        self.db.transaction(
            lambda c: c.execute(
                "UPDATE share_sync_outbox SET acked_at = coalesce(acked_at, ?), deleted_at = ?,"
                " envelope = NULL WHERE contact_id = ? AND seq <= ? AND deleted_at IS NULL",
                (now, now, contact_id, ack["seq"]),
            )
        )
        report.acked += 1
        self.relay.delete(name)
        self._mark_seen(name, "ack")
