"""The receiving side: stage a verified bundle before anything is stored.

`stage` parses and validates every item of an `OpenedBundle` in memory (nothing touches the
database); any malformed item rejects the whole bundle with `BundleError("corrupted" | ...)`.
The staged items are then committed in one transaction by `storage.share_inbox`
(a bundle id seen before is a replay). Pure functions, any thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mindspace.core.rules import on_scale
from mindspace.share.bundle import BundleError, Item, OpenedBundle, canonical_json, strict_json

MAX_TEXT = 1_000_000
JSON_TYPES = (
    "journal_entry", "mood_checkin", "voice_checkin", "analysis", "measure", "sharing_history",
    "insight",
)
MAX_INSIGHT_LINES = 500
MAX_HISTORY = 10_000
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
        if not on_scale(mood):
            raise _bad("a shared mood check-in has an invalid mood")
        energy = rec.get("energy")
        if energy is not None and not on_scale(energy):
            raise _bad("a shared mood check-in has an invalid energy")
        _words(rec, "emotions")
        _words(rec, "activities")
        _text(rec, "note", optional=True)
        when = _when(rec, "checkin_at")
    elif item.type == "voice_checkin":
        when = _when(rec, "recorded_at")
        _text(rec, "summary", 10_000, optional=True)
        _text(rec, "transcript", optional=True)
    elif item.type == "sharing_history":
        rows = rec.get("shared")
        if not isinstance(rows, list) or len(rows) > MAX_HISTORY:
            raise _bad("the sharing history is malformed")
        for row in rows:
            if not isinstance(row, dict):
                raise _bad("the sharing history is malformed")
            _when(row, "time")
            _text(row, "kind", 64)
            _text(row, "detail", 300)
        when = item.date
    elif item.type == "measure":
        _text(rec, "instrument", 40)
        when = _when(rec, "taken_at")
    elif item.type == "insight":
        _text(rec, "kind", 40)
        _text(rec, "title", 200)
        _text(rec, "summary", 10_000)
        lines = rec.get("lines", [])
        if (not isinstance(lines, list) or len(lines) > MAX_INSIGHT_LINES
                or not all(isinstance(v, str) and len(v) <= 2000 for v in lines)):
            raise _bad("a shared insight has invalid lines")
        if not isinstance(rec.get("data", {}), dict):
            raise _bad("a shared insight has invalid data")
        when = _when(rec, "as_of")
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
