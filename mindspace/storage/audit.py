"""The audit log table (`audit_log`, schema 9): append a row, read rows, verify the chain.

Rows are chained and hashed by `mindspace.core.audit`; SQL triggers refuse UPDATE and DELETE,
so the only write is `append`, which reads the last row and inserts the next one in one
transaction (the DB executor serialises writers). Every call blocks on the DB executor.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import Any

from mindspace.core.audit import AuditRow, ChainCheck, next_row, verify_chain
from mindspace.core.rules import utc_now
from mindspace.storage.database import Connection, DbExecutor

_COLUMNS = "seq, time, kind, detail, prev_hash, hash"


def _row(values: tuple[Any, ...]) -> AuditRow:
    return AuditRow(int(values[0]), str(values[1]), str(values[2]), str(values[3]),
                    str(values[4]), str(values[5]))


def append_row(conn: Connection, kind: str, detail: str, time: str | None = None) -> AuditRow:
    """Append inside the caller's transaction (so an event and its record commit together)."""
    last = conn.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    row = next_row(None if last is None else _row(last), time or utc_now(), kind, detail)
    conn.execute(
        f"INSERT INTO audit_log({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
        (row.seq, row.time, row.kind, row.detail, row.prev_hash, row.hash),
    )
    return row


class AuditLog:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def append(self, kind: str, detail: str, time: str | None = None) -> AuditRow:
        """Add the next row (ValidationError for an unknown kind; nothing is written then)."""
        return self._db.transaction(lambda c: append_row(c, kind, detail, time))

    def list(
        self,
        kinds: Iterable[str] | None = None,
        newest_first: bool = False,
        limit: int | None = None,
    ) -> builtins.list[AuditRow]:
        """Rows (of `kinds` only, if given) in seq order, or newest first."""
        sql = f"SELECT {_COLUMNS} FROM audit_log"
        params: builtins.list[Any] = []
        wanted = None if kinds is None else sorted({str(k) for k in kinds})
        if wanted is not None:
            if not wanted:
                return []
            sql += f" WHERE kind IN ({', '.join('?' * len(wanted))})"
            params += wanted
        sql += " ORDER BY seq" + (" DESC" if newest_first else "")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        return [_row(r) for r in rows]

    def count(self) -> int:
        found = self._db.run(lambda c: c.execute("SELECT count(*) FROM audit_log").fetchone())
        return int(found[0])

    def kinds(self) -> builtins.list[str]:
        """The kinds that occur in the log, sorted."""
        rows = self._db.run(
            lambda c: c.execute("SELECT DISTINCT kind FROM audit_log ORDER BY kind").fetchall()
        )
        return [str(r[0]) for r in rows]

    def verify(self) -> ChainCheck:
        """Check every row's hash and link, oldest first (reads the whole table)."""

        def work(conn: Connection) -> ChainCheck:
            cursor = conn.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq")
            result = verify_chain(_row(r) for r in cursor)
            if result.ok:
                return result
            total = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
            return ChainCheck(int(total), result.first_broken, result.reason)

        return self._db.run(work)
