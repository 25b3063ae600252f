"""Relay sync: immutable envelopes with a per-device hash chain, and acknowledgements.

Sending: `queue_envelope` turns export items into an *envelope* - a bundle (kind `envelope`)
whose signed manifest carries `sync: {seq, prev}`: a sequence number per (my device, recipient)
and the SHA-256 of the previous envelope's manifest. It is stored in my vault until
acknowledged and uploaded under a random name on each `SyncEngine.run` (re-uploaded if the store
lost it).

Receiving (`run`): every unseen file is opened with the usual bundle checks. A file that does
not open (corrupted, truncated, replaced) is *not* given up: it is read again on later syncs
(back-off and an `unreadable` alarm after `RETRY_AT_ONCE` attempts), so delivery resumes once
the file is whole again. Per sending device
the receiver keeps (last_seq, last_hash) in its vault:
* seq <= last_seq with the recorded hash -> a replay: ignored, nothing imported;
* seq <= last_seq with another hash, or seq == last_seq + 1 whose `prev` is not last_hash, or
  two different envelopes with one seq -> a fork: an alarm is raised and nothing is imported;
* seq > last_seq + 1 -> a gap: the envelope waits in the store for the missing ones;
* seq == last_seq + 1 linking to last_hash -> imported, and the chain advances in the same
  transaction as the import. The chain never moves backwards, whatever the store shows.
* a new device whose first envelope is a signed restart (`sync_restart`) waits for the person
  to accept it; envelopes of a device retired by an accepted restart are forks.
Alarms stay until the person acts. After a fork the receiver acks where its chain stands, so
the sender (a vault restored from a backup) sees a `mismatch` alarm and can re-join.
After advancing, the receiver writes a signed, encrypted *ack* (kind `ack`) for the sender, who
then deletes every envelope up to the acknowledged one and the ack itself.

The engine is written against `SyncStore` (`sync_state.py`), so it holds no SQL. Blocking
(network and crypto); call from a worker. Errors: `RelayError`, `SharingError`, `BundleError`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from mindspace.share.bundle import (
    MAX_CIPHERTEXT,
    BundleError,
    Item,
    OpenedBundle,
    SealedBundle,
    make_manifest,
    seal,
)
from mindspace.share.contacts import Contact
from mindspace.share.identity import Identity
from mindspace.share.inbox import stage
from mindspace.share.relay_base import Relay, RelayError, RelayNotFoundError, new_name
from mindspace.share.sync_restart import restart_detail, restart_of
from mindspace.share.sync_state import (
    GENESIS,
    RETRY_AT_ONCE,
    ChainStep,
    SyncReport,
    SyncStore,
    next_try_after,
    utc_text,
)

__all__ = ["GENESIS", "SyncEngine", "SyncReport", "SyncStore", "queue_envelope"]


def queue_envelope(
    me: Identity,
    store: SyncStore,
    contact: Contact,
    items: Sequence[Item],
    bundle_id: str,
    created_at: str,
) -> SealedBundle:
    """Seal the items as the next envelope of my chain to `contact` (stored, not sent)."""
    recipients = [contact.party()]

    def build(seq: int, prev: str) -> SealedBundle:
        manifest = make_manifest(
            me,
            recipients,
            items,
            "envelope",
            {"sync": {"seq": seq, "prev": prev}},
            bundle_id=bundle_id,
            created_at=created_at,
        )
        return seal(me, recipients, items, manifest)

    return store.next_envelope(contact.id, new_name(), created_at, len(items), build)


@dataclass
class _Candidate:
    name: str
    opened: OpenedBundle
    contact_id: str
    seq: int
    prev: str
    restart: str | None  # the old device a restart envelope replaces


def _sync_field(opened: OpenedBundle) -> tuple[int, str, str | None] | None:
    sync = opened.manifest.get("sync")
    restart = restart_of(opened)
    if not (
        isinstance(sync, dict)
        and isinstance(sync.get("seq"), int)
        and not isinstance(sync.get("seq"), bool)
        and sync["seq"] >= 1
        and isinstance(sync.get("prev"), str)
        and len(sync["prev"]) == 64
        and restart is not False
    ):
        return None
    return sync["seq"], sync["prev"], restart if isinstance(restart, str) else None


class SyncEngine:
    """One sync round for `me` against `relay`; `verify` opens and checks a bundle (all the
    checks of a file import), `contact` looks a contact up by id."""

    def __init__(
        self,
        me: Identity,
        store: SyncStore,
        relay: Relay,
        verify: Callable[[bytes], tuple[OpenedBundle, Contact]],
        contact: Callable[[str], Contact],
    ) -> None:
        self.me = me
        self.store = store
        self.relay = relay
        self._verify = verify
        self._contact = contact

    # ---- sending ----------------------------------------------------------------------------
    def _push(self, listing: set[str], report: SyncReport) -> None:
        for name, envelope in self.store.pending_uploads():
            if name in listing:
                continue  # already there (or still there)
            try:
                self.relay.put(name, envelope)
            except RelayError:
                if name not in set(self.relay.list()):
                    raise
            report.uploaded += 1
            self.store.mark_uploaded(name)

    # ---- one round --------------------------------------------------------------------------
    def run(self) -> SyncReport:
        report = SyncReport()
        listing = set(self.relay.list())
        self._push(listing, report)
        now = utc_text(datetime.now(UTC))
        skip = self.store.outbox_names() | self.store.seen_names()
        skip |= self.store.deferred_names(now)
        candidates: list[_Candidate] = []
        for name in sorted(listing - skip):
            try:
                data = self.relay.get(name, MAX_CIPHERTEXT)
            except RelayNotFoundError:
                continue
            try:
                opened, contact = self._verify(data)
            except BundleError as exc:
                if exc.reason == "unknown_sender":
                    report.rejected.append(f"{name}: {exc}")  # retried once they are verified
                elif exc.reason == "not_for_me":
                    self.store.mark_seen(name, exc.reason)
                else:  # corrupted, truncated, replaced...: read it again later
                    self._failed_read(name, str(exc), report)
                continue
            self.store.clear_failure(name)
            if opened.kind == "ack":
                self._handle_ack(name, opened, contact.id, report)
            elif opened.kind == "share":
                self._import_plain(name, opened, contact.id, report)
            else:
                sync = _sync_field(opened)
                if sync is None:
                    self._failed_read(name, "corrupted: the envelope has no valid sequence", report)
                    continue
                candidates.append(_Candidate(name, opened, contact.id, *sync))
        by_device: dict[str, list[_Candidate]] = {}
        for cand in candidates:
            by_device.setdefault(cand.opened.sender_device, []).append(cand)
        for device, group in by_device.items():
            self._process_chain(device, sorted(group, key=lambda c: c.seq), report)
        return report

    def _failed_read(self, name: str, error: str, report: SyncReport) -> None:
        """A relay file that did not open is tried again on later syncs (at once a few times,
        then with back-off); past the limit an `unreadable` alarm is raised, retries go on."""
        attempts = self.store.record_failure(name, error, next_try_after)
        report.rejected.append(f"{name}: {error}")
        report.stuck.append(
            f"relay file {name} could not be read ({error}); attempt {attempts},"
            " it is read again on later syncs"
        )
        if attempts >= RETRY_AT_ONCE:
            detail = (
                f"unreadable: relay file {name} could not be read {attempts} times ({error});"
                " delivery through the relay may be stuck. MindSpace keeps trying and"
                " delivery resumes once the file is whole again"
            )
            self._alarm("", None, 0, detail, report, kind="unreadable", name=name)

    def _alarm(
        self,
        device: str,
        contact_id: str | None,
        seq: int,
        detail: str,
        report: SyncReport,
        kind: str = "fork",
        **extra: str | None,
    ) -> None:
        if self.store.add_alarm(device, contact_id, seq, detail, kind, **extra):
            report.alarms.append(detail)

    def _import_plain(
        self, name: str, opened: OpenedBundle, contact_id: str, report: SyncReport
    ) -> None:
        try:
            staged = stage(opened, contact_id)
            self.store.import_staged(staged, None)
        except BundleError as exc:
            if exc.reason == "replayed":
                report.replayed += 1
            else:
                report.rejected.append(f"{name}: {exc}")
            self.store.mark_seen(name, exc.reason)
            return
        report.received.append(
            {"bundle_id": opened.bundle_id, "from": opened.sender.name, "items": staged.counts()}
        )
        self.store.mark_seen(name, "imported")

    def _fork(self, cand: _Candidate, device: str, detail: str, report: SyncReport) -> None:
        self._alarm(device, cand.contact_id, cand.seq, detail, report, name=cand.name)
        self.store.mark_seen(cand.name, "fork")

    def _restart_pending(self, device: str, group: list[_Candidate], report: SyncReport) -> bool:
        """A new device whose first envelope is a restart waits for the person to accept it."""
        first = group[0]
        if first.restart is None:
            return False
        who = first.opened.sender.name
        old_last = self.store.chain(first.restart)[0]
        self._alarm(
            device,
            first.contact_id,
            first.seq,
            restart_detail(who, first.seq, old_last),
            report,
            kind="restart",
            name=first.name,
            manifest_hash=first.opened.manifest_hash,
            old_device_id=first.restart,
        )
        report.waiting += len(group)
        report.stuck.append(f"{who}'s restored device waits until you accept its restart")
        return True

    def _process_chain(self, device: str, group: list[_Candidate], report: SyncReport) -> None:
        last_seq, last_hash = self.store.chain(device)
        if last_seq == 0 and self._restart_pending(device, group, report):
            return
        retired = self.store.retired(device)
        advanced: str | None = None  # the contact to acknowledge
        forked: str | None = None  # the contact to tell where my chain of theirs stands
        hashes_by_seq: dict[int, set[str]] = {}
        for cand in group:
            hashes_by_seq.setdefault(cand.seq, set()).add(cand.opened.manifest_hash)
        for cand in group:
            who = cand.opened.sender.name
            replay = (
                cand.seq <= last_seq
                and self.store.logged_hash(device, cand.seq) == cand.opened.manifest_hash
            )
            if replay:
                report.replayed += 1
                self.store.mark_seen(cand.name, "replayed")
                advanced = advanced or cand.contact_id
                continue
            detail: str | None = None
            if retired:
                detail = (
                    f"fork: envelope {cand.seq} from {who} comes from a device that was"
                    " replaced by an accepted restart"
                )
            elif len(hashes_by_seq[cand.seq]) > 1:
                detail = f"fork: {who} has two different envelopes numbered {cand.seq}"
            elif cand.seq <= last_seq:
                detail = (
                    f"fork: envelope {cand.seq} from {who} differs from the one already"
                    " accepted (a device restored from a backup or a copied vault?)"
                )
            elif cand.seq > last_seq + 1:
                report.waiting += 1  # a gap: stays in the store until the missing ones arrive
                report.stuck.append(
                    f"envelope {cand.seq} from {who} waits for envelope {last_seq + 1}"
                )
                continue
            elif cand.prev != last_hash or cand.restart is not None:
                detail = f"fork: envelope {cand.seq} from {who} does not continue the chain"
            if detail is not None:
                self._fork(cand, device, detail, report)
                forked = cand.contact_id
            elif self._accept(device, cand, last_seq, report):
                last_seq, last_hash = cand.seq, cand.opened.manifest_hash
                advanced = cand.contact_id
        tell = advanced or forked
        if tell is not None and last_seq > 0 and not retired:
            self._send_ack(device, tell, last_seq, last_hash)

    def _accept(
        self, device: str, cand: _Candidate, expected_last: int, report: SyncReport
    ) -> bool:
        step = ChainStep(
            device, cand.contact_id, cand.seq, cand.opened.manifest_hash, expected_last, cand.name
        )
        try:
            staged = stage(cand.opened, cand.contact_id)
            self.store.import_staged(staged, step)
        except BundleError as exc:
            report.rejected.append(f"{cand.name}: {exc}")
            self.store.mark_seen(cand.name, exc.reason)
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
        recipients = [self._contact(contact_id).party()]
        manifest = make_manifest(
            self.me,
            recipients,
            [],
            "ack",
            {"ack": {"device_id": device, "seq": seq, "hash": digest}},
        )
        self.relay.put(new_name(), seal(self.me, recipients, [], manifest).ciphertext)

    def _handle_ack(
        self, name: str, opened: OpenedBundle, contact_id: str, report: SyncReport
    ) -> None:
        ack = opened.manifest.get("ack")
        if not (
            isinstance(ack, dict)
            and isinstance(ack.get("device_id"), str)
            and isinstance(ack.get("seq"), int)
            and isinstance(ack.get("hash"), str)
        ):
            report.rejected.append(f"{name}: corrupted: malformed acknowledgement")
            self.store.mark_seen(name, "corrupted")
            return
        if ack["device_id"] != self.me.device_id:  # for my device before a restart
            self.store.mark_seen(name, "old-ack")
            self.relay.delete(name)
            return
        seq = int(ack["seq"])
        if self.store.outbox_hash(contact_id, seq) != ack["hash"]:
            report.rejected.append(f"{name}: the acknowledgement does not match anything I sent")
            who = opened.sender.name
            detail = (
                f"mismatch: {who} has accepted envelope {seq} from this device, but this vault"
                " does not know it (was it restored from a backup?). Run `mindspace share"
                " rejoin` to continue with a new, signed chain they will be asked to accept"
            )
            self._alarm(self.me.device_id, contact_id, seq, detail, report, kind="mismatch")
            self.store.mark_seen(name, "bad-ack")
            return
        for envelope_name in self.store.undeleted_names(contact_id, seq):
            self.relay.delete(envelope_name)
            report.deleted += 1
        self.store.mark_acknowledged(contact_id, seq)
        report.acked += 1
        self.relay.delete(name)
        self.store.mark_seen(name, "ack")
