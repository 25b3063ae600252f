"""Choosing what to share and turning it into bundle items.

`ExportSelection` says what the person picked (date range; journal entries individually or by
tag; mood history; voice check-in summaries with or without transcripts and audio; analysis
results). `collect` reads exactly those records from the open vault and returns the `Item`s whose
bytes will travel, plus the JSON-shaped records used for the CSV and PDF reports. Voice and
analysis records come through `sources.py`; when those features are not present, asking for
them is an error with a clear message, never a silent omission. Runs on the caller's thread;
reads go through the DB executor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from mindspace.core.errors import ValidationError
from mindspace.share import sources
from mindspace.share.bundle import Item, canonical_json
from mindspace.share.report import build_csv, build_pdf

if TYPE_CHECKING:
    from mindspace.app import AppServices


class SelectionError(ValidationError):
    """The selection cannot be exported (one-line message)."""


@dataclass
class ExportSelection:
    start: date | None = None
    end: date | None = None  # inclusive
    journal: bool = True
    entry_ids: list[str] | None = None  # chosen one by one; None means "all that match"
    tags: list[str] = field(default_factory=list)
    mood: bool = True
    voice: bool = False
    voice_transcripts: bool = False
    voice_audio: bool = False
    analysis: bool = False
    reports: bool = True

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        start = datetime.combine(self.start, time.min) if self.start else None
        end = datetime.combine(self.end + timedelta(days=1), time.min) if self.end else None
        return start, end

    def period_text(self) -> str:
        first = self.start.isoformat() if self.start else "the beginning"
        last = self.end.isoformat() if self.end else "today"
        return f"{first} to {last}"

    def validate(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise SelectionError("the start date is after the end date")
        if not (self.journal or self.mood or self.voice or self.analysis):
            raise SelectionError("nothing is selected: choose journal, mood, voice or analysis")
        if (self.voice_transcripts or self.voice_audio) and not self.voice:
            raise SelectionError("transcripts and audio can only be shared with voice check-ins")


@dataclass
class Collected:
    items: list[Item]
    mood: list[dict[str, Any]]
    entries: list[dict[str, Any]]
    voice: list[dict[str, Any]]
    analysis: list[dict[str, Any]]


def _json_item(kind: str, record: dict[str, Any], revision: str, when: str | None) -> Item:
    return Item(kind, str(record["id"]), revision, canonical_json(record), date=when)


def _journal_records(services: AppServices, sel: ExportSelection) -> list[dict[str, Any]]:
    from mindspace.storage.errors import NotFoundError

    start, end = sel.bounds()
    if sel.entry_ids is not None:
        found = []
        for entry_id in sel.entry_ids:
            try:
                found.append(services.journal.get(entry_id))
            except NotFoundError:
                raise SelectionError(f"no journal entry with id {entry_id}") from None
        entries = found
    elif sel.tags:
        by_id = {}
        for tag in sel.tags:
            for entry in services.journal.list(tag=tag, start=start, end=end):
                by_id[entry.id] = entry
        entries = list(by_id.values())
    else:
        entries = services.journal.list(start=start, end=end)
    records = []
    for entry in sorted(entries, key=lambda e: (e.entry_at, e.id)):
        data = entry.to_json()
        records.append(
            {
                k: data[k]
                for k in ("id", "title", "body", "body_format", "entry_at", "tags", "updated_at")
            }
        )
    return records


def collect(
    services: AppServices, sel: ExportSelection, patient: str, therapist: str, created_at: str
) -> Collected:
    """Read the selected records and build every item (JSON records + CSV + PDF)."""
    sel.validate()
    start, end = sel.bounds()
    items: list[Item] = []
    entries = _journal_records(services, sel) if sel.journal else []
    for rec in entries:
        items.append(_json_item("journal_entry", rec, str(rec["updated_at"]), rec["entry_at"]))
    mood: list[dict[str, Any]] = []
    if sel.mood:
        for checkin in sorted(
            services.mood.list(start=start, end=end), key=lambda c: (c.checkin_at, c.id)
        ):
            rec = checkin.to_json()
            mood.append(rec)
            items.append(_json_item("mood_checkin", rec, str(rec["updated_at"]), rec["checkin_at"]))
    voice: list[dict[str, Any]] = []
    if sel.voice:
        for summary, audio in sources.voice_records(
            services, start, end, sel.voice_transcripts, sel.voice_audio
        ):
            voice.append(summary)
            when = summary.get("recorded_at")
            items.append(
                _json_item("voice_checkin", summary, str(summary.get("revision", "1")), when)
            )
            if audio is not None:
                data, media_type = audio
                items.append(
                    Item("voice_audio", str(summary["id"]), "1", data, media_type, date=when)
                )
    analysis: list[dict[str, Any]] = []
    if sel.analysis:
        wanted = [("journal", str(e["id"])) for e in entries]
        wanted += [("mood", str(m["id"])) for m in mood if m.get("note")]
        for rec in sources.analysis_records(services, wanted):
            analysis.append(rec)
            items.append(
                _json_item("analysis", rec, str(rec.get("revision", "1")), rec.get("date"))
            )
    if not items:
        raise SelectionError("nothing matches this selection: no records to share")
    if sel.reports:
        csv_bytes = build_csv(mood, entries, voice)
        pdf_bytes = build_pdf(
            patient, therapist, created_at, sel.period_text(), mood, entries, voice, analysis
        )
        items.append(Item("report_csv", "summary.csv", created_at, csv_bytes, "text/csv"))
        items.append(Item("report_pdf", "summary.pdf", created_at, pdf_bytes, "application/pdf"))
    return Collected(items, mood, entries, voice, analysis)


def describe(item: Item) -> str:
    """One line naming an item for the preview."""
    if item.media_type == "application/json":
        try:
            rec = json.loads(item.data)
        except ValueError:
            rec = {}
        if item.type == "journal_entry":
            return f"Journal entry “{rec.get('title', '')}” ({str(rec.get('entry_at', ''))[:10]})"
        if item.type == "mood_checkin":
            when = str(rec.get("checkin_at", ""))[:16].replace("T", " ")
            return f"Mood check-in {when}: {rec.get('mood_word', rec.get('mood'))}"
        if item.type == "voice_checkin":
            extra = " with transcript" if rec.get("transcript") else ""
            return f"Voice check-in summary {str(rec.get('recorded_at', ''))[:16]}{extra}"
        if item.type == "analysis":
            return f"Analysis result {str(rec.get('date', ''))[:10]}"
    names = {
        "voice_audio": "Voice recording audio",
        "report_csv": "CSV table",
        "report_pdf": "PDF report",
    }
    return names.get(item.type, item.type)
