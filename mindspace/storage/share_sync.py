"""Relay sync state (schemas 0004, 0005): my outbox of envelopes, names already seen in the store,
each sending device's accepted chain (last seq + hash, and a log of every accepted one) and the
alarms raised for forks. The chain rules themselves live in `mindspace.share.sync`.

`next_envelope` allocates the next sequence number and stores the sealed envelope in one
transaction; `advance_step` returns the step that moves a device's chain forward, run inside the
import's transaction (`InboxRepository.commit(extra=...)`), and raises `ChainMovedError` if the
chain moved meanwhile. All SQL runs on the vault's DB executor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from mindspace.core.errors import UserError
from mindspace.core.rules import utc_now
from mindspace.storage.database import Connection
from mindspace.storage.share_sync_alarms import SyncAlarmsRepository
from mindspace.storage.sharing import record_sent

GENESIS = "0" * 64


class ChainMovedError(UserError):
    def __init__(self) -> None:
        super().__init__("the chain moved on while importing")


class SealedEnvelope(Protocol):
    """What the outbox keeps of a sealed envelope (`mindspace.share.bundle.SealedBundle`)."""

    @property
    def bundle_id(self) -> str: ...
    @property
    def manifest_hash(self) -> str: ...
    @property
    def ciphertext(self) -> bytes: ...


S = TypeVar("S", bound=SealedEnvelope)


class SyncRepository(SyncAlarmsRepository):
    """The chain state; failed reads, alarms and restarts are `SyncAlarmsRepository`."""

    # ---- sending ----------------------------------------------------------------------------
    def next_envelope(
        self,
        contact_id: str,
        name: str,
        created_at: str,
        item_count: int,
        seal: Callable[[int, str], S],
    ) -> S:
        """Seal `seal(seq, prev_hash)` as the next envelope to a contact and keep it."""

        def work(conn: Connection) -> S:
            row = conn.execute(
                "SELECT seq, manifest_hash FROM share_sync_outbox WHERE contact_id = ?"
                " ORDER BY seq DESC LIMIT 1",
                (contact_id,),
            ).fetchone()
            seq, prev = (1, GENESIS) if row is None else (int(row[0]) + 1, str(row[1]))
            sealed = seal(seq, prev)
            conn.execute(
                "INSERT INTO share_sync_outbox(contact_id, seq, name, manifest_hash, envelope,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (contact_id, seq, name, sealed.manifest_hash, sealed.ciphertext, utc_now()),
            )
            record_sent(
                conn,
                sealed.bundle_id,
                contact_id,
                created_at,
                item_count,
                len(sealed.ciphertext),
                "relay",
            )
            return sealed

        return self._db.transaction(work)

    def pending_uploads(self) -> list[tuple[str, bytes]]:
        """(name, envelope) of every envelope not yet acknowledged, in chain order."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT name, envelope FROM share_sync_outbox WHERE acked_at IS NULL"
                " AND envelope IS NOT NULL ORDER BY contact_id, seq"
            ).fetchall()
        )
        return [(str(name), bytes(envelope)) for name, envelope in rows]

    def mark_uploaded(self, name: str) -> None:
        self._db.transaction(
            lambda c: c.execute(
                "UPDATE share_sync_outbox SET uploaded_at = ? WHERE name = ?", (utc_now(), name)
            )
        )

    def outbox_names(self) -> set[str]:
        rows = self._db.run(lambda c: c.execute("SELECT name FROM share_sync_outbox").fetchall())
        return {str(r[0]) for r in rows}

    def outbox_hash(self, contact_id: str, seq: int) -> str | None:
        row = self._db.run(
            lambda c: c.execute(
                "SELECT manifest_hash FROM share_sync_outbox WHERE contact_id = ? AND seq = ?",
                (contact_id, seq),
            ).fetchone()
        )
        return None if row is None else str(row[0])

    def undeleted_names(self, contact_id: str, up_to: int) -> list[str]:
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT name FROM share_sync_outbox WHERE contact_id = ? AND seq <= ?"
                " AND deleted_at IS NULL",
                (contact_id, up_to),
            ).fetchall()
        )
        return [str(r[0]) for r in rows]

    def mark_acknowledged(self, contact_id: str, up_to: int) -> None:
        """Envelopes up to `up_to` were delivered: drop their bytes, keep the chain record."""
        now = utc_now()
        self._db.transaction(
            lambda c: c.execute(
                "UPDATE share_sync_outbox SET acked_at = coalesce(acked_at, ?), deleted_at = ?,"
                " envelope = NULL WHERE contact_id = ? AND seq <= ? AND deleted_at IS NULL",
                (now, now, contact_id, up_to),
            )
        )

    # ---- receiving --------------------------------------------------------------------------
    def seen_names(self) -> set[str]:
        rows = self._db.run(lambda c: c.execute("SELECT name FROM share_sync_seen").fetchall())
        return {str(r[0]) for r in rows}

    def mark_seen(self, name: str, outcome: str) -> None:
        self._db.transaction(lambda c: _seen(c, name, outcome, utc_now()))

    def chain(self, device_id: str) -> tuple[int, str]:
        """(last accepted seq, its manifest hash) of a sending device; (0, GENESIS) at first."""
        row = self._db.run(
            lambda c: c.execute(
                "SELECT last_seq, last_hash FROM share_sync_chains WHERE device_id = ?",
                (device_id,),
            ).fetchone()
        )
        return (0, GENESIS) if row is None else (int(row[0]), str(row[1]))

    def logged_hash(self, device_id: str, seq: int) -> str | None:
        row = self._db.run(
            lambda c: c.execute(
                "SELECT manifest_hash FROM share_sync_log WHERE device_id = ? AND seq = ?",
                (device_id, seq),
            ).fetchone()
        )
        return None if row is None else str(row[0])

    @staticmethod
    def advance_step(
        device_id: str,
        contact_id: str,
        seq: int,
        manifest_hash: str,
        expected_last: int,
        name: str,
    ) -> Callable[[Connection], None]:
        """The chain move for an accepted envelope, to run inside the import transaction."""
        now = utc_now()

        def advance(conn: Connection) -> None:
            row = conn.execute(
                "SELECT last_seq FROM share_sync_chains WHERE device_id = ?", (device_id,)
            ).fetchone()
            if (0 if row is None else int(row[0])) != expected_last:
                raise ChainMovedError()
            conn.execute(
                "INSERT OR REPLACE INTO share_sync_chains(device_id, contact_id, last_seq,"
                " last_hash, updated_at) VALUES (?, ?, ?, ?, ?)",
                (device_id, contact_id, seq, manifest_hash, now),
            )
            conn.execute(
                "INSERT INTO share_sync_log(device_id, seq, manifest_hash, accepted_at)"
                " VALUES (?, ?, ?, ?)",
                (device_id, seq, manifest_hash, now),
            )
            _seen(conn, name, "imported", now)

        return advance


def _seen(conn: Connection, name: str, outcome: str, when: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO share_sync_seen(name, outcome, seen_at) VALUES (?, ?, ?)",
        (name, outcome, when),
    )
