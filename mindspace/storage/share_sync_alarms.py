"""Relay sync recovery state (schema 0005): relay files whose read failed and are retried with
back-off, alarms (fork, unreadable, restart, mismatch) that stay until the user acts, and the
receiver's acceptance of a signed chain restart. All SQL runs on the vault's DB executor.

Times are ISO 8601 UTC strings (`storage.sharing.utc_now`), so they compare as text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mindspace.core.errors import NotFoundError, UserError
from mindspace.core.rules import utc_now
from mindspace.storage.database import Connection, DbExecutor

ALARM_KEYS = (
    "id", "kind", "device_id", "contact", "contact_id", "seq", "detail", "raised_at",
    "dismissed_at", "resolution",
)


class AlarmStateError(UserError):
    """The alarm cannot take this action (one line)."""


class SyncAlarmsRepository:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    # ---- failed reads -----------------------------------------------------------------------
    def deferred_names(self, now: str) -> set[str]:
        """Names whose last read failed and whose next try is still in the future."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT name FROM share_sync_retry WHERE next_try_at > ?", (now,)
            ).fetchall()
        )
        return {str(r[0]) for r in rows}

    def record_failure(self, name: str, error: str, next_try: Callable[[int], str]) -> int:
        """Count one more failed read of `name`; `next_try(attempts)` says when to try again.
        Returns the number of failed attempts so far."""

        def work(conn: Connection) -> int:
            row = conn.execute(
                "SELECT attempts FROM share_sync_retry WHERE name = ?", (name,)
            ).fetchone()
            attempts = 1 if row is None else int(row[0]) + 1
            now = utc_now()
            conn.execute(
                "INSERT INTO share_sync_retry(name, attempts, first_failed_at, last_failed_at,"
                " next_try_at, last_error) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE"
                " SET attempts = excluded.attempts, last_failed_at = excluded.last_failed_at,"
                " next_try_at = excluded.next_try_at, last_error = excluded.last_error",
                (name, attempts, now, now, next_try(attempts), error),
            )
            return attempts

        return self._db.transaction(work)

    def clear_failure(self, name: str) -> None:
        """`name` was read whole: forget its failures and resolve its unreadable alarm."""

        def work(conn: Connection) -> None:
            conn.execute("DELETE FROM share_sync_retry WHERE name = ?", (name,))
            conn.execute(
                "UPDATE share_sync_alarms SET dismissed_at = ?, resolution = 'read later'"
                " WHERE kind = 'unreadable' AND name = ? AND dismissed_at IS NULL",
                (utc_now(), name),
            )

        self._db.transaction(work)

    def retrying(self) -> list[dict[str, Any]]:
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT name, attempts, first_failed_at, next_try_at, last_error"
                " FROM share_sync_retry ORDER BY first_failed_at"
            ).fetchall()
        )
        keys = ("name", "attempts", "first_failed_at", "next_try_at", "error")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    # ---- alarms -----------------------------------------------------------------------------
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
        """Record an alarm unless the same one (kind, device, seq, name) is still open.
        Returns True when a new alarm was recorded."""

        def work(conn: Connection) -> bool:
            open_ = conn.execute(
                "SELECT 1 FROM share_sync_alarms WHERE kind = ? AND device_id = ? AND seq = ?"
                " AND coalesce(name, '') = ? AND dismissed_at IS NULL",
                (kind, device_id, seq, name or ""),
            ).fetchone()
            if open_ is not None:
                return False
            conn.execute(
                "INSERT INTO share_sync_alarms(device_id, contact_id, seq, detail, raised_at,"
                " kind, name, manifest_hash, old_device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (device_id, contact_id, seq, detail, utc_now(), kind, name, manifest_hash,
                 old_device_id),
            )
            return True

        return self._db.transaction(work)

    def alarms(self, include_dismissed: bool = False) -> list[dict[str, Any]]:
        """Alarms (by default only those not dismissed yet), newest first."""
        where = "" if include_dismissed else " WHERE a.dismissed_at IS NULL"
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT a.id, a.kind, a.device_id, c.display_name, a.contact_id, a.seq, a.detail,"
                " a.raised_at, a.dismissed_at, a.resolution FROM share_sync_alarms a"
                " LEFT JOIN share_contacts c ON c.id = a.contact_id"
                + where
                + " ORDER BY a.raised_at DESC, a.id DESC"
            ).fetchall()
        )
        return [dict(zip(ALARM_KEYS, r, strict=True)) for r in rows]

    def dismiss_alarm(self, alarm_id: int, resolution: str = "dismissed") -> None:
        def work(conn: Connection) -> None:
            _open_alarm(conn, alarm_id)
            conn.execute(
                "UPDATE share_sync_alarms SET dismissed_at = ?, resolution = ? WHERE id = ?",
                (utc_now(), resolution, alarm_id),
            )

        self._db.transaction(work)

    def dismiss_kind(self, kind: str, contact_id: str, resolution: str) -> None:
        self._db.transaction(
            lambda c: c.execute(
                "UPDATE share_sync_alarms SET dismissed_at = ?, resolution = ?"
                " WHERE kind = ? AND contact_id = ? AND dismissed_at IS NULL",
                (utc_now(), resolution, kind, contact_id),
            )
        )

    def accept_restart(self, alarm_id: int) -> dict[str, Any]:
        """Accept a signed chain restart: the new device's chain starts at the restart
        envelope, the old device is retired, and its open fork alarms are resolved."""

        def work(conn: Connection) -> dict[str, Any]:
            row = _open_alarm(conn, alarm_id)
            kind, device, contact_id, seq, name, digest, old = row
            if kind != "restart" or not (name and digest and old):
                raise AlarmStateError(f"alarm {alarm_id} is not a chain restart to accept")
            now = utc_now()
            if conn.execute(
                "SELECT 1 FROM share_sync_chains WHERE device_id = ?", (device,)
            ).fetchone():
                raise AlarmStateError(f"alarm {alarm_id}: that device's chain already exists")
            conn.execute(
                "INSERT INTO share_sync_chains(device_id, contact_id, last_seq, last_hash,"
                " updated_at) VALUES (?, ?, ?, ?, ?)",
                (device, contact_id, seq, digest, now),
            )
            conn.execute(
                "INSERT INTO share_sync_log(device_id, seq, manifest_hash, accepted_at)"
                " VALUES (?, ?, ?, ?)",
                (device, seq, digest, now),
            )
            conn.execute(
                "INSERT OR REPLACE INTO share_sync_seen(name, outcome, seen_at) VALUES (?, ?, ?)",
                (name, "restart", now),
            )
            conn.execute(
                "UPDATE share_sync_chains SET retired_at = coalesce(retired_at, ?)"
                " WHERE device_id = ?",
                (now, old),
            )
            conn.execute(
                "UPDATE share_sync_alarms SET dismissed_at = ?, resolution = ? WHERE id = ?",
                (now, "accepted", alarm_id),
            )
            conn.execute(
                "UPDATE share_sync_alarms SET dismissed_at = ?, resolution = ?"
                " WHERE kind = 'fork' AND device_id = ? AND dismissed_at IS NULL",
                (now, "superseded by an accepted restart", old),
            )
            return {"device_id": device, "seq": seq, "old_device_id": old}

        return self._db.transaction(work)

    def retired(self, device_id: str) -> bool:
        row = self._db.run(
            lambda c: c.execute(
                "SELECT retired_at FROM share_sync_chains WHERE device_id = ?", (device_id,)
            ).fetchone()
        )
        return row is not None and row[0] is not None

    # ---- sender side ------------------------------------------------------------------------
    def unacknowledged(self) -> list[dict[str, Any]]:
        """Per contact: envelopes uploaded but not acknowledged, and the oldest upload time."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT o.contact_id, c.display_name, count(*), min(o.uploaded_at),"
                " min(o.seq), max(o.seq) FROM share_sync_outbox o"
                " LEFT JOIN share_contacts c ON c.id = o.contact_id"
                " WHERE o.acked_at IS NULL GROUP BY o.contact_id"
            ).fetchall()
        )
        keys = ("contact_id", "contact", "count", "oldest_upload", "first_seq", "last_seq")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def contacts_sent_to(self) -> set[str]:
        rows = self._db.run(
            lambda c: c.execute("SELECT DISTINCT contact_id FROM share_sync_outbox").fetchall()
        )
        return {str(r[0]) for r in rows}

    def supersede(self, contact_id: str, below_seq: int) -> None:
        """After a restart: earlier unacknowledged envelopes are no longer offered (their
        relay copies are removed with the first acknowledgement of the new chain)."""
        self._db.transaction(
            lambda c: c.execute(
                "UPDATE share_sync_outbox SET acked_at = ?, envelope = NULL"
                " WHERE contact_id = ? AND seq < ? AND acked_at IS NULL",
                (utc_now(), contact_id, below_seq),
            )
        )


def _open_alarm(conn: Connection, alarm_id: int) -> tuple[Any, ...]:
    row = conn.execute(
        "SELECT kind, device_id, contact_id, seq, name, manifest_hash, old_device_id,"
        " dismissed_at FROM share_sync_alarms WHERE id = ?",
        (alarm_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no alarm with id {alarm_id}")
    if row[7] is not None:
        raise AlarmStateError(f"alarm {alarm_id} was already dismissed")
    return tuple(row[:7])
