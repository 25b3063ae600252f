"""What relay sync keeps between rounds, as a protocol (`SyncStore`), and what a round reports.

`SyncStore` is implemented over the vault in `app.sync` (SQL in
`storage.share_sync`). `import_staged` stores a staged bundle and, for an envelope,
advances the sender's chain in the same transaction; it raises `BundleError("replayed")` when
the bundle was imported before or the chain moved meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from mindspace.share.bundle import SealedBundle
from mindspace.share.inbox import StagedImport

GENESIS = "0" * 64

RETRY_AT_ONCE = 3  # failed reads retried on every sync; then an alarm and back-off
RETRY_BASE = timedelta(minutes=5)
RETRY_CAP = timedelta(hours=12)


def utc_text(when: datetime) -> str:
    return when.astimezone(UTC).replace(microsecond=0).isoformat()


def next_try_after(attempts: int, now: datetime | None = None) -> str:
    """When to read a failed relay file again: at once for the first `RETRY_AT_ONCE`
    attempts, then 5 min, 10 min, 20 min ... at most 12 h apart (never given up)."""
    now = now or datetime.now(UTC)
    if attempts < RETRY_AT_ONCE:
        return utc_text(now)
    delay = min(RETRY_BASE * 2 ** min(attempts - RETRY_AT_ONCE, 16), RETRY_CAP)
    return utc_text(now + delay)


@dataclass(frozen=True)
class ChainStep:
    """Accepting envelope `seq` of a device moves its chain from `expected_last` to `seq`."""

    device_id: str
    contact_id: str
    seq: int
    manifest_hash: str
    expected_last: int
    name: str  # the envelope's name in the store (marked seen with the import)


class SyncStore(Protocol):
    # sending
    def next_envelope(
        self,
        contact_id: str,
        name: str,
        created_at: str,
        item_count: int,
        seal: Callable[[int, str], SealedBundle],
    ) -> SealedBundle:
        """Seal `seal(seq, prev_hash)` as the next envelope to a contact and keep it (one
        transaction, so two envelopes never share a number)."""
        ...

    def pending_uploads(self) -> list[tuple[str, bytes]]: ...
    def mark_uploaded(self, name: str) -> None: ...
    def outbox_names(self) -> set[str]: ...
    def outbox_hash(self, contact_id: str, seq: int) -> str | None: ...
    def undeleted_names(self, contact_id: str, up_to: int) -> list[str]: ...
    def mark_acknowledged(self, contact_id: str, up_to: int) -> None: ...

    # receiving
    def seen_names(self) -> set[str]: ...
    def mark_seen(self, name: str, outcome: str) -> None: ...
    def deferred_names(self, now: str) -> set[str]:
        """Names whose read failed and whose next try (`record_failure`) is after `now`."""
        ...

    def record_failure(self, name: str, error: str, next_try: Callable[[int], str]) -> int:
        """One more failed read; `next_try(attempts)` is when to try again. Returns attempts."""
        ...

    def clear_failure(self, name: str) -> None: ...
    def add_alarm(
        self,
        device_id: str,
        contact_id: str | None,
        seq: int,
        detail: str,
        kind: str = "fork",
        name: str | None = None,
        manifest_hash: str | None = None,
        old_device_id: str | None = None,
    ) -> bool:
        """Record an alarm unless the same one is still open; True if it is new."""
        ...

    def retired(self, device_id: str) -> bool: ...
    def chain(self, device_id: str) -> tuple[int, str]: ...
    def logged_hash(self, device_id: str, seq: int) -> str | None: ...
    def import_staged(self, staged: StagedImport, step: ChainStep | None) -> str: ...


@dataclass
class SyncReport:
    uploaded: int = 0
    received: list[dict[str, Any]] = field(default_factory=list)
    replayed: int = 0
    waiting: int = 0
    acked: int = 0
    deleted: int = 0
    rejected: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)  # raised in this round
    stuck: list[str] = field(default_factory=list)  # delivery that cannot go on yet, and why
    open_alarms: list[dict[str, Any]] = field(default_factory=list)  # every unresolved alarm

    @property
    def needs_attention(self) -> bool:
        return bool(self.alarms or self.open_alarms)

    @property
    def incomplete(self) -> bool:
        return bool(self.stuck)

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
            "stuck": self.stuck,
            "open_alarms": self.open_alarms,
        }

    def summary(self) -> str:
        lines = [
            f"Sent {self.uploaded}, received {len(self.received)}, waiting {self.waiting},"
            f" replays ignored {self.replayed}, delivered and removed {self.deleted}."
        ]
        lines += [f"Rejected: {r}" for r in self.rejected]
        lines += [f"Not delivered yet: {s}" for s in self.stuck]
        shown = {str(a.get("detail")) for a in self.open_alarms}
        lines += [f"ALARM: {a}" for a in self.alarms if a not in shown]
        lines += [
            f"ALARM {a['id']}: {a['detail']} (see: mindspace share alarms)"
            for a in self.open_alarms
        ]
        return "\n".join(lines)
