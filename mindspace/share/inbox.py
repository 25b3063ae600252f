"""The receiving side: stage a verified bundle, then commit it in one transaction.

`stage` parses and validates every item of an `OpenedBundle` in memory (nothing touches the
database); any malformed item rejects the whole bundle with `BundleError("corrupted" | ...)`.
`commit` writes the bundle record and all items in a single transaction (plus an optional extra
step, used by relay sync to advance its hash chain atomically). A bundle id seen before is a
replay. The read side serves the clinician view: patients, the inbox and per-patient records,
each with the date it arrived. All SQL runs on the vault's DB executor.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mindspace.share.bundle import BundleError, Item, OpenedBundle, canonical_json, strict_json
from mindspace.share.identity import utc_now
from mindspace.storage.database import DbExecutor

MAX_TEXT = 1_000_000
JSON_TYPES = ("journal_entry", "mood_checkin", "voice_checkin", "analysis")
BINARY_TYPES = {"voice_audio": "audio/", "report_csv": "text/csv", "report_pdf": "application/pdf"}


@dataclass
class StagedItem:
    type: str
    item_id: str
    revision: str
    item_date: str | None
    data: bytes


@dataclass
class StagedImport:
    bundle: OpenedBundle
    contact_id: str
    items: list[StagedItem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for item in self.items:
            out[item.type] = out.get(item.type, 0) + 1
        return out


def _bad(detail: str) -> BundleError:
    return BundleError("corrupted", detail)


def _text(rec: dict[str, Any], key: str, limit: int = MAX_TEXT, optional: bool = False) -> str:
    value = rec.get(key)
    if value is None and optional:
        return ""
    if not isinstance(value, str) or len(value) > limit:
        raise _bad(f"a shared record has an invalid {key}")
    return value


def _when(rec: dict[str, Any], key: str) -> str:
    value = _text(rec, key, 40)
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise _bad(f"a shared record has an invalid {key}") from None
    return value


def _words(rec: dict[str, Any], key: str) -> list[str]:
    value = rec.get(key, [])
    if (
        not isinstance(value, list)
        or len(value) > 100
        or not all(isinstance(v, str) and len(v) <= 200 for v in value)
    ):
        raise _bad(f"a shared record has an invalid {key} list")
    return value


def _stage_json(item: Item) -> StagedItem:
    try:
        rec = strict_json(item.data)
    except ValueError:
        raise _bad(f"item {item.type} {item.id} is not valid JSON") from None
    if not isinstance(rec, dict) or rec.get("id") != item.id:
        raise _bad(f"item {item.type} {item.id} does not match its manifest entry")
    if item.type == "journal_entry":
        _text(rec, "title", 1000)
        _text(rec, "body")
        _words(rec, "tags")
        when: str | None = _when(rec, "entry_at")
    elif item.type == "mood_checkin":
        mood = rec.get("mood")
        if not isinstance(mood, int) or isinstance(mood, bool) or not 1 <= mood <= 5:
            raise _bad("a shared mood check-in has an invalid mood")
        energy = rec.get("energy")
        if energy is not None and (not isinstance(energy, int) or not 1 <= energy <= 5):
            raise _bad("a shared mood check-in has an invalid energy")
        _words(rec, "emotions")
        _words(rec, "activities")
        _text(rec, "note", optional=True)
        when = _when(rec, "checkin_at")
    elif item.type == "voice_checkin":
        when = _when(rec, "recorded_at")
        _text(rec, "summary", 10_000, optional=True)
        _text(rec, "transcript", optional=True)
    else:  # analysis
        when = _when(rec, "date") if rec.get("date") is not None else None
    return StagedItem(item.type, item.id, item.revision, when, canonical_json(rec))


def stage(bundle: OpenedBundle, contact_id: str) -> StagedImport:
    """Validate every item in memory; raises BundleError and stages nothing on any problem."""
    staged = StagedImport(bundle, contact_id)
    for item in bundle.items:
        if item.type in JSON_TYPES:
            if item.media_type != "application/json":
                raise _bad(f"item {item.type} {item.id} has the wrong media type")
            staged.items.append(_stage_json(item))
        elif item.type in BINARY_TYPES:
            if not item.media_type.startswith(BINARY_TYPES[item.type]):
                raise _bad(f"item {item.type} {item.id} has the wrong media type")
            item_id = item.id if item.type == "voice_audio" else f"{bundle.bundle_id}:{item.id}"
            staged.items.append(StagedItem(item.type, item_id, item.revision, item.date, item.data))
        else:
            raise BundleError(
                "unsupported", f"item type {item.type!r} is not known to this version"
            )
    return staged


class InboxRepository:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def already_imported(self, bundle_id: str) -> str | None:
        row = self._db.run(
            lambda c: c.execute(
                "SELECT received_at FROM share_received_bundles WHERE bundle_id = ?", (bundle_id,)
            ).fetchone()
        )
        return None if row is None else str(row[0])

    def commit(
        self, staged: StagedImport, source: str, extra: Callable[[Any], None] | None = None
    ) -> str:
        """Store everything in one transaction; returns the received-at time."""
        now = utc_now()
        bundle = staged.bundle

        def work(conn: Any) -> None:
            seen = conn.execute(
                "SELECT received_at FROM share_received_bundles WHERE bundle_id = ?",
                (bundle.bundle_id,),
            ).fetchone()
            if seen is not None:
                raise BundleError(
                    "replayed", f"bundle {bundle.bundle_id} was imported on {seen[0]}"
                )
            if extra is not None:
                extra(conn)
            conn.execute(
                "INSERT INTO share_received_bundles(bundle_id, contact_id, created_at,"
                " received_at, source, item_count, manifest) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    bundle.bundle_id,
                    staged.contact_id,
                    bundle.created_at,
                    now,
                    source,
                    len(staged.items),
                    bundle.manifest_bytes.decode("utf-8"),
                ),
            )
            for item in staged.items:
                row = conn.execute(
                    "SELECT revision FROM share_received_items WHERE contact_id = ? AND"
                    " item_type = ? AND item_id = ?",
                    (staged.contact_id, item.type, item.item_id),
                ).fetchone()
                if row is not None and str(row[0]) > item.revision:
                    continue  # never replace a newer revision with an older one
                conn.execute(
                    "INSERT OR REPLACE INTO share_received_items(contact_id, item_type, item_id,"
                    " revision, bundle_id, received_at, item_date, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        staged.contact_id,
                        item.type,
                        item.item_id,
                        item.revision,
                        bundle.bundle_id,
                        now,
                        item.item_date,
                        item.data,
                    ),
                )

        self._db.transaction(work)
        return now

    # ---- clinician read side ----------------------------------------------------------------
    def bundles(self, contact_id: str | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT b.bundle_id, b.contact_id, c.display_name, b.created_at, b.received_at,"
            " b.source, b.item_count FROM share_received_bundles b"
            " JOIN share_contacts c ON c.id = b.contact_id"
        )
        params: tuple[Any, ...] = ()
        if contact_id:
            sql += " WHERE b.contact_id = ?"
            params = (contact_id,)
        rows = self._db.run(
            lambda c: c.execute(sql + " ORDER BY b.received_at DESC", params).fetchall()
        )
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
        out = []
        for data, received_at, bundle_id in rows:
            rec = json.loads(bytes(data))
            rec["received_at"] = received_at
            rec["bundle_id"] = bundle_id
            out.append(rec)
        return out

    def blob(self, contact_id: str, item_type: str, item_id: str) -> bytes | None:
        row = self._db.run(
            lambda c: c.execute(
                "SELECT data FROM share_received_items WHERE contact_id = ? AND item_type = ?"
                " AND item_id = ?",
                (contact_id, item_type, item_id),
            ).fetchone()
        )
        return None if row is None else bytes(row[0])

    def reports(self, contact_id: str) -> list[dict[str, Any]]:
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT item_type, item_id, received_at, length(data) FROM share_received_items"
                " WHERE contact_id = ? AND item_type IN ('report_csv', 'report_pdf')"
                " ORDER BY received_at DESC",
                (contact_id,),
            ).fetchall()
        )
        keys = ("type", "id", "received_at", "size")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def count_items(self) -> int:
        return int(
            self._db.run(
                lambda c: c.execute("SELECT count(*) FROM share_received_items").fetchone()[0]
            )
        )
