"""Received bundles and their items (schema 0004), for the import and the clinician view.

`commit` writes a bundle record and all its items in one transaction, plus an optional extra
step in the same transaction (relay sync advances its hash chain there). A bundle id stored
before raises `AlreadyImportedError` and nothing is written. An older revision never replaces
a newer one. All SQL runs on the vault's DB executor.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from mindspace.core.errors import UserError
from mindspace.core.rules import utc_now
from mindspace.storage.database import Connection, DbExecutor


class AlreadyImportedError(UserError):
    """This bundle id was stored before (a replay)."""

    def __init__(self, bundle_id: str, received_at: str) -> None:
        super().__init__(f"bundle {bundle_id} was imported on {received_at}")
        self.bundle_id = bundle_id
        self.received_at = received_at


class StorableItem(Protocol):
    """One validated item of a received bundle (`mindspace.share.inbox.StagedItem`)."""

    @property
    def type(self) -> str: ...
    @property
    def item_id(self) -> str: ...
    @property
    def revision(self) -> str: ...
    @property
    def item_date(self) -> str | None: ...
    @property
    def data(self) -> bytes: ...


@dataclass(frozen=True)
class RecordQuery:
    """Records whose JSON field `key` equals each `equals` value and whose `present` fields
    are not null, newest or oldest first, at most `limit`; skipped (no records) when the
    earlier query `after` found none."""

    equals: tuple[tuple[str, str], ...] = ()
    present: tuple[str, ...] = ()
    newest_first: bool = True
    limit: int = 1
    after: int | None = None  # run only when the query at this index found something


class InboxRepository:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def already_imported(self, bundle_id: str) -> str | None:
        """When this bundle was imported, or None."""
        row = self._db.run(
            lambda c: c.execute(
                "SELECT received_at FROM share_received_bundles WHERE bundle_id = ?", (bundle_id,)
            ).fetchone()
        )
        return None if row is None else str(row[0])

    def commit(
        self,
        bundle_id: str,
        contact_id: str,
        created_at: str,
        manifest: str,
        items: Sequence[StorableItem],
        source: str,
        extra: Callable[[Connection], None] | None = None,
    ) -> str:
        """Store everything in one transaction; returns the received-at time."""
        now = utc_now()

        def work(conn: Connection) -> None:
            seen = conn.execute(
                "SELECT received_at FROM share_received_bundles WHERE bundle_id = ?",
                (bundle_id,),
            ).fetchone()
            if seen is not None:
                raise AlreadyImportedError(bundle_id, str(seen[0]))
            if extra is not None:
                extra(conn)
            conn.execute(
                "INSERT INTO share_received_bundles(bundle_id, contact_id, created_at,"
                " received_at, source, item_count, manifest) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (bundle_id, contact_id, created_at, now, source, len(items), manifest),
            )
            for item in items:
                row = conn.execute(
                    "SELECT revision FROM share_received_items WHERE contact_id = ? AND"
                    " item_type = ? AND item_id = ?",
                    (contact_id, item.type, item.item_id),
                ).fetchone()
                if row is not None and str(row[0]) > item.revision:
                    continue  # never replace a newer revision with an older one
                conn.execute(
                    "INSERT OR REPLACE INTO share_received_items(contact_id, item_type, item_id,"
                    " revision, bundle_id, received_at, item_date, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        contact_id,
                        item.type,
                        item.item_id,
                        item.revision,
                        bundle_id,
                        now,
                        item.item_date,
                        item.data,
                    ),
                )

        self._db.transaction(work)
        return now

    # ---- clinician read side ----------------------------------------------------------------
    def bundles(
        self, contact_id: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Received bundles, newest first (all, or from one contact; at most `limit`)."""
        sql = (
            "SELECT b.bundle_id, b.contact_id, c.display_name, b.created_at, b.received_at,"
            " b.source, b.item_count FROM share_received_bundles b"
            " JOIN share_contacts c ON c.id = b.contact_id"
        )
        params: tuple[str, ...] = ()
        if contact_id:
            sql += " WHERE b.contact_id = ?"
            params = (contact_id,)
        sql += " ORDER BY b.received_at DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        keys = ("bundle_id", "contact_id", "sender", "created_at", "received_at", "source", "items")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def records(self, contact_id: str, item_type: str) -> list[dict[str, Any]]:
        """Stored JSON records of one type, oldest first, each with `received_at`."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT data, received_at, bundle_id FROM share_received_items"
                " WHERE contact_id = ? AND item_type = ? ORDER BY item_date, item_id",
                (contact_id, item_type),
            ).fetchall()
        )
        return _decoded(rows)

    def senders(self) -> list[dict[str, Any]]:
        """One row per contact who sent bundles: `{contact_id, sender, last_received,
        bundles}`, from the (contact_id, received_at) index alone."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT b.contact_id, c.display_name, b.last_received, b.n FROM"
                " (SELECT contact_id, MAX(received_at) AS last_received, COUNT(*) AS n"
                "  FROM share_received_bundles GROUP BY contact_id) b"
                " JOIN share_contacts c ON c.id = b.contact_id"
            ).fetchall()
        )
        keys = ("contact_id", "sender", "last_received", "bundles")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def dated_records_where(
        self, contact_id: str, item_type: str, queries: Sequence[RecordQuery]
    ) -> list[list[dict[str, Any]]]:
        """For each query, the dated JSON records of one type that match it, in date order along
        the (contact_id, item_type, item_date) index; all queries in one visit to the DB thread.
        The JSON fields are read by SQLite, so only the matching records reach Python."""

        def work(conn: Connection) -> list[list[tuple[Any, ...]]]:
            out: list[list[tuple[Any, ...]]] = []
            for query in queries:
                if query.after is not None and not out[query.after]:
                    out.append([])
                    continue
                sql = [
                    "SELECT data, received_at, bundle_id FROM share_received_items"
                    " WHERE contact_id = ? AND item_type = ? AND item_date IS NOT NULL"
                ]
                params: list[Any] = [contact_id, item_type]
                for key, value in query.equals:
                    # the bytes `"key":"value"` first (cheap, and the stored items are canonical
                    # JSON), then the JSON itself decides
                    sql.append(" AND instr(data, ?) > 0"
                               " AND json_extract(CAST(data AS TEXT), ?) = ?")
                    params += [_canonical_pair(key, value), f"$.{key}", value]
                for key in query.present:
                    sql.append(" AND json_extract(CAST(data AS TEXT), ?) IS NOT NULL")
                    params.append(f"$.{key}")
                sql.append(f" ORDER BY item_date {'DESC' if query.newest_first else 'ASC'}"
                           " LIMIT ?")
                params.append(query.limit)
                out.append(conn.execute("".join(sql), params).fetchall())
            return out

        return [_decoded(rows) for rows in self._db.run(work)]

    def undated_records(self, contact_id: str, item_type: str) -> list[dict[str, Any]]:
        """The JSON records of one type stored without a date (in any order)."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT data, received_at, bundle_id FROM share_received_items"
                " WHERE contact_id = ? AND item_type = ? AND item_date IS NULL",
                (contact_id, item_type),
            ).fetchall()
        )
        return _decoded(rows)

    def blob(self, contact_id: str, item_type: str, item_id: str) -> bytes | None:
        row = self._db.run(
            lambda c: c.execute(
                "SELECT data FROM share_received_items WHERE contact_id = ? AND item_type = ?"
                " AND item_id = ?",
                (contact_id, item_type, item_id),
            ).fetchone()
        )
        return None if row is None else bytes(row[0])

    def item_types(self, contact_id: str) -> list[str]:
        """Every item type stored for this contact (known to this version or not)."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT DISTINCT item_type FROM share_received_items WHERE contact_id = ?"
                " ORDER BY item_type",
                (contact_id,),
            ).fetchall()
        )
        return [str(r[0]) for r in rows]

    def raw_items(self, contact_id: str, item_type: str) -> list[dict[str, Any]]:
        """Items of one type as stored bytes: `{item_id, bundle_id, received_at, item_date,
        data}`, newest first (reports and item types this version cannot parse)."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT item_id, bundle_id, received_at, item_date, data"
                " FROM share_received_items WHERE contact_id = ? AND item_type = ?"
                " ORDER BY received_at DESC, item_id",
                (contact_id, item_type),
            ).fetchall()
        )
        keys = ("item_id", "bundle_id", "received_at", "item_date", "data")
        return [
            dict(zip(keys, (*r[:4], bytes(r[4])), strict=True)) for r in rows
        ]


def _decoded(rows: Sequence[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """(data, received_at, bundle_id) rows as records carrying `received_at` and `bundle_id`."""
    out = []
    for data, received_at, bundle_id in rows:
        rec = json.loads(bytes(data))
        rec["received_at"] = received_at
        rec["bundle_id"] = bundle_id
        out.append(rec)
    return out


def _canonical_pair(key: str, value: str) -> bytes:
    """`"key":"value"` as it appears in canonical JSON (sorted keys, no spaces, UTF-8)."""
    return json.dumps({key: value}, separators=(",", ":"), ensure_ascii=False)[1:-1].encode()
