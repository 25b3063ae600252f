"""The sync chain state machine on its own: `SyncEngine` over an in-memory `SyncStore` and a
real folder relay, with no vault at all (the protocol is all share/ needs from storage)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mindspace.share.bundle import BundleError, Item, OpenedBundle, SealedBundle, open_bundle
from mindspace.share.contacts import Contact, check_sender
from mindspace.share.identity import Identity, generate_identity
from mindspace.share.inbox import StagedImport
from mindspace.share.relay_folder import FolderRelay
from mindspace.share.sync import GENESIS, SyncEngine, queue_envelope
from mindspace.share.sync_state import ChainStep


class MemoryStore:
    def __init__(self) -> None:
        self.outbox: dict[tuple[str, int], tuple[str, str, bytes | None]] = {}
        self.seen: dict[str, str] = {}
        self.chains: dict[str, tuple[int, str]] = {}
        self.log: dict[tuple[str, int], str] = {}
        self.alarms: list[str] = []
        self.imported: dict[str, StagedImport] = {}
        self.failures: dict[str, tuple[int, str]] = {}

    def next_envelope(
        self, contact_id: str, name: str, created_at: str, item_count: int,
        seal: Callable[[int, str], SealedBundle],
    ) -> SealedBundle:
        mine = sorted(seq for (cid, seq) in self.outbox if cid == contact_id)
        seq = mine[-1] + 1 if mine else 1
        prev = self.outbox[(contact_id, mine[-1])][1] if mine else GENESIS
        sealed = seal(seq, prev)
        self.outbox[(contact_id, seq)] = (name, sealed.manifest_hash, sealed.ciphertext)
        return sealed

    def pending_uploads(self) -> list[tuple[str, bytes]]:
        return [(n, e) for (n, _, e) in self.outbox.values() if e is not None]

    def mark_uploaded(self, name: str) -> None:
        pass

    def outbox_names(self) -> set[str]:
        return {n for (n, _, _) in self.outbox.values()}

    def outbox_hash(self, contact_id: str, seq: int) -> str | None:
        found = self.outbox.get((contact_id, seq))
        return None if found is None else found[1]

    def undeleted_names(self, contact_id: str, up_to: int) -> list[str]:
        return [n for (c, s), (n, _, e) in self.outbox.items() if c == contact_id and s <= up_to
                and e is not None]

    def mark_acknowledged(self, contact_id: str, up_to: int) -> None:
        for (c, s), (n, h, _) in list(self.outbox.items()):
            if c == contact_id and s <= up_to:
                self.outbox[(c, s)] = (n, h, None)

    def seen_names(self) -> set[str]:
        return set(self.seen)

    def mark_seen(self, name: str, outcome: str) -> None:
        self.seen[name] = outcome

    def deferred_names(self, now: str) -> set[str]:
        return {n for n, (_, when) in self.failures.items() if when > now}

    def record_failure(self, name: str, error: str, next_try: Callable[[int], str]) -> int:
        attempts = self.failures.get(name, (0, ""))[0] + 1
        self.failures[name] = (attempts, next_try(attempts))
        return attempts

    def clear_failure(self, name: str) -> None:
        self.failures.pop(name, None)

    def add_alarm(
        self, device_id: str, contact_id: str | None, seq: int, detail: str,
        kind: str = "fork", name: str | None = None, manifest_hash: str | None = None,
        old_device_id: str | None = None,
    ) -> bool:
        self.alarms.append(detail)
        return True

    def retired(self, device_id: str) -> bool:
        return False

    def chain(self, device_id: str) -> tuple[int, str]:
        return self.chains.get(device_id, (0, GENESIS))

    def logged_hash(self, device_id: str, seq: int) -> str | None:
        return self.log.get((device_id, seq))

    def import_staged(self, staged: StagedImport, step: ChainStep | None) -> str:
        if staged.bundle.bundle_id in self.imported:
            raise BundleError("replayed", "imported before")
        if step is not None:
            if self.chain(step.device_id)[0] != step.expected_last:
                raise BundleError("replayed", "the chain moved on while importing")
            self.chains[step.device_id] = (step.seq, step.manifest_hash)
            self.log[(step.device_id, step.seq)] = step.manifest_hash
            self.seen[step.name] = "imported"
        self.imported[staged.bundle.bundle_id] = staged
        return "2026-01-01T00:00:00+00:00"


def as_contact(other: Identity) -> Contact:
    return Contact(other.device_id, other.display_name, other.role, other.sign_public,
                   other.enc_public, True, None, "ok", "2026-01-01T00:00:00+00:00")


def engine(me: Identity, other: Identity, store: MemoryStore, folder: Path) -> SyncEngine:
    contact = as_contact(other)

    def verify(data: bytes) -> tuple[OpenedBundle, Contact]:
        opened = open_bundle(data, me, lambda party, _device: check_sender(contact, party))
        return opened, contact

    return SyncEngine(me, store, FolderRelay(folder), verify, lambda _id: contact)


NOW = "2026-03-09T00:00:00+00:00"


def bid(n: int) -> str:
    return f"{n:032x}"


def mood_item(mood: int) -> Item:
    record = f'{{"checkin_at":"2026-03-0{mood}T08:00:00","id":"m{mood}","mood":{mood}}}'
    return Item("mood_checkin", f"m{mood}", "1", record.encode(), date=f"2026-03-0{mood}")


def test_chain_delivers_in_order_waits_for_gaps_and_cleans_up(tmp_path: Path) -> None:
    alice = generate_identity("Alice", "patient")
    bob = generate_identity("Bob", "therapist")
    sent, received = MemoryStore(), MemoryStore()
    to_bob = as_contact(bob)
    envelopes = [
        queue_envelope(alice, sent, to_bob, [mood_item(m)], bid(m), "2026-03-09T00:00:00+00:00")
        for m in (1, 2, 3)
    ]
    assert engine(alice, bob, sent, tmp_path).run().uploaded == 3
    held = tmp_path / sent.outbox[(to_bob.id, 2)][0]
    second = held.read_bytes()
    held.unlink()  # envelope 2 is late
    report = engine(bob, alice, received, tmp_path).run()
    assert [r["seq"] for r in report.received] == [1] and report.waiting == 1
    held.write_bytes(second)
    report = engine(bob, alice, received, tmp_path).run()
    assert [r["seq"] for r in report.received] == [2, 3]
    assert received.chain(alice.device_id) == (3, envelopes[-1].manifest_hash)
    cleanup = engine(alice, bob, sent, tmp_path).run()
    assert cleanup.acked == 2 and cleanup.deleted == 3  # one ack per round that advanced
    assert not any(p.suffix == ".msenv" for p in tmp_path.iterdir())


def test_a_second_envelope_with_a_used_number_is_a_fork(tmp_path: Path) -> None:
    alice = generate_identity("Alice", "patient")
    bob = generate_identity("Bob", "therapist")
    received = MemoryStore()
    first = MemoryStore()
    queue_envelope(alice, first, as_contact(bob), [mood_item(1)], bid(1), NOW)
    engine(alice, bob, first, tmp_path).run()
    assert len(engine(bob, alice, received, tmp_path).run().received) == 1
    clone = MemoryStore()  # a restored device signs a different envelope 1
    queue_envelope(alice, clone, as_contact(bob), [mood_item(2)], bid(2), NOW)
    engine(alice, bob, clone, tmp_path).run()
    report = engine(bob, alice, received, tmp_path).run()
    assert report.received == [] and report.alarms and "fork" in report.alarms[0]
    assert list(received.imported) == [bid(1)]
