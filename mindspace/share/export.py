"""Choosing what to share and turning it into bundle items.

`ExportSelection` says what the person picked (date range; journal entries individually or by
tag; mood history; voice check-in summaries with or without transcripts and audio; analysis
results; questionnaires; the insights chosen). `collect` reads exactly those records through
an `ExportSource` (implemented over the vault's repositories in `app.sharing`) and returns the
`Item`s whose bytes will travel, plus the JSON-shaped records used for the CSV and PDF
reports. Derived data follows the selection of its source: the journal entry a voice
check-in writes (its transcript) is voice data, never a journal item; analyses and reports
only cover records that travel. When voice check-ins are not present, asking for them is an
error with a clear message, never a silent omission.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

from mindspace.core.entities import JournalEntry, MoodCheckin
from mindspace.core.errors import ValidationError
from mindspace.core.rules import format_day, format_minute
from mindspace.share.bundle import Item, canonical_json
from mindspace.share.report import build_csv, build_pdf

JOURNAL_FIELDS = ("id", "title", "body", "body_format", "entry_at", "tags", "updated_at")
# The insights a person can choose to share (item type `insight`, id = the kind).
INSIGHT_KINDS = {
    "streaks": "Streaks",
    "mood_links": "What goes with mood",
    "questionnaire_trends": "Questionnaire trends",
}


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
    questionnaires: bool = False
    insights: list[str] = field(default_factory=list)  # kinds from INSIGHT_KINDS
    reports: bool = True
    sharing_history: bool = False  # add "what I shared and when" (from the audit log)

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
        unknown = [k for k in self.insights if k not in INSIGHT_KINDS]
        if unknown:
            raise SelectionError(
                f"unknown insight {unknown[0]!r}: choose from {', '.join(INSIGHT_KINDS)}")
        if not (self.journal or self.mood or self.voice or self.analysis or self.questionnaires
                or self.insights):
            raise SelectionError(
                "nothing is selected: choose journal, mood, voice, analysis, questionnaires "
                "or insights"
            )
        if (self.voice_transcripts or self.voice_audio) and not self.voice:
            raise SelectionError("transcripts and audio can only be shared with voice check-ins")


class VoiceFields(Protocol):
    """A stored voice check-in as export reads it (`storage.share_sources.ShareableVoice`)."""

    @property
    def id(self) -> str: ...
    @property
    def recorded_at(self) -> str: ...
    @property
    def duration_s(self) -> float: ...
    @property
    def transcript(self) -> str | None: ...
    @property
    def risk_level(self) -> str | None: ...
    @property
    def fusion(self) -> str | None: ...
    @property
    def arousal(self) -> float | None: ...
    @property
    def updated_at(self) -> str: ...
    @property
    def audio_blob_id(self) -> str | None: ...


class AnalysisFields(Protocol):
    """A stored text analysis (`storage.analysis.StoredAnalysis`)."""

    @property
    def model_id(self) -> str: ...
    @property
    def source_at(self) -> datetime: ...
    @property
    def analyzed_at(self) -> datetime: ...
    @property
    def emotions(self) -> dict[str, float] | None: ...
    @property
    def labels(self) -> list[str]: ...
    @property
    def sentiment(self) -> dict[str, float]: ...
    @property
    def crisis_level(self) -> str: ...
    @property
    def crisis_reasons(self) -> list[str]: ...


class ExportSource(Protocol):
    """Read access to the records a person can share (all reads, no writes)."""

    def journal_entry(self, entry_id: str) -> JournalEntry | None: ...
    def journal_entries(
        self, start: datetime | None, end: datetime | None, tag: str | None = None
    ) -> list[JournalEntry]: ...
    def mood_checkins(self, start: datetime | None, end: datetime | None) -> list[MoodCheckin]: ...
    def voice_available(self) -> bool: ...
    def voice_journal_ids(self) -> set[str]:
        """Journal entries that hold a voice check-in's transcript: voice data, not journal."""
        ...

    def voice_checkins(
        self, start: datetime | None, end: datetime | None
    ) -> Sequence[VoiceFields]: ...
    def audio(self, blob_id: str) -> tuple[bytes, str]:
        """The decrypted recording and its media type."""
        ...
    def analysis(self, source_type: str, source_id: str) -> AnalysisFields | None: ...
    def questionnaires(
        self, start: datetime | None, end: datetime | None
    ) -> list[dict[str, Any]]:
        """Completed questionnaires as shared records (score, band, reliable change, item 9)."""
        ...

    def insights(
        self, kinds: Sequence[str], start: date | None, end: date | None
    ) -> list[dict[str, Any]]:
        """The chosen insights over [start, end] as shared records (`app.insights_share`)."""
        ...


@dataclass
class Collected:
    items: list[Item]
    mood: list[dict[str, Any]]
    entries: list[dict[str, Any]]
    voice: list[dict[str, Any]]
    analysis: list[dict[str, Any]]
    measures: list[dict[str, Any]] = field(default_factory=list)
    insights: list[dict[str, Any]] = field(default_factory=list)


def _json_item(kind: str, record: dict[str, Any], revision: str, when: str | None) -> Item:
    return Item(kind, str(record["id"]), revision, canonical_json(record), date=when)


def journal_records(source: ExportSource, sel: ExportSelection) -> list[dict[str, Any]]:
    """The selected journal entries, never those holding a voice transcript: a transcript is
    voice data wherever it is stored and travels only as a voice check-in with transcripts."""
    start, end = sel.bounds()
    from_voice = source.voice_journal_ids()
    if sel.entry_ids is not None:
        entries = []
        for entry_id in sel.entry_ids:
            found = source.journal_entry(entry_id)
            if found is None:
                raise SelectionError(f"no journal entry with id {entry_id}")
            if found.id in from_voice:
                raise SelectionError(
                    f"journal entry {entry_id} is a voice check-in transcript: share it with"
                    " voice check-ins and transcripts"
                )
            entries.append(found)
    elif sel.tags:
        by_id = {}
        for tag in sel.tags:
            for entry in source.journal_entries(start, end, tag):
                by_id[entry.id] = entry
        entries = list(by_id.values())
    else:
        entries = source.journal_entries(start, end)
    records = []
    entries = [e for e in entries if e.id not in from_voice]
    for entry in sorted(entries, key=lambda e: (e.entry_at, e.id)):
        data = entry.to_json()
        records.append({k: data[k] for k in JOURNAL_FIELDS})
    return records


def _fusion(fusion: str | None) -> dict[str, Any]:
    try:
        parsed = json.loads(fusion or "{}")
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def voice_summary(duration: float, risk: str | None, fusion: str | None) -> str:
    parts = [f"{duration:.0f} s voice check-in"]
    explanation = _fusion(fusion).get("explanation")
    if risk:
        parts.append(f"voice and words indication: {risk} (automatic estimate)")
    if isinstance(explanation, str) and explanation:
        parts.append(explanation)
    return "; ".join(parts)


VoiceRecord = tuple[dict[str, Any], tuple[bytes, str] | None]


def voice_records(
    source: ExportSource,
    start: datetime | None,
    end: datetime | None,
    transcripts: bool,
    audio: bool,
) -> list[VoiceRecord]:
    """(summary JSON, optional (audio bytes, media type)) per voice check-in in [start, end);
    transcripts and audio only when asked for."""
    if not source.voice_available():
        raise SelectionError("voice check-ins are not available in this version of MindSpace")
    out: list[VoiceRecord] = []
    for v in source.voice_checkins(start, end):
        summary: dict[str, Any] = {
            "id": v.id,
            "recorded_at": v.recorded_at,
            "duration_s": float(v.duration_s),
            "risk_level": v.risk_level,
            "arousal": v.arousal,
            "summary": voice_summary(float(v.duration_s), v.risk_level, v.fusion),
            "revision": v.updated_at,
        }
        fused = _fusion(v.fusion)
        if isinstance(fused.get("explanation"), str):
            summary["explanation"] = fused["explanation"]
        if isinstance(fused.get("crisis_level"), str):
            summary["crisis_level"] = fused["crisis_level"]
        if transcripts:
            summary["transcript"] = v.transcript
        clip: tuple[bytes, str] | None = None
        if audio and v.audio_blob_id:
            data, kind = source.audio(v.audio_blob_id)
            clip = (data, kind if kind.startswith("audio/") else "audio/wav")
        out.append((summary, clip))
    return out


def analysis_records(
    source: ExportSource, wanted: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """The latest stored text analysis of each shared (source type, id), as JSON records.

    Only what the person already sees in the app travels: emotion labels, the strongest
    emotions and the sentiment score, marked as automatic estimates, and the safety screen's
    level with the reasons it gave (the words it acted on), so a flagged entry arrives flagged.
    """
    out: list[dict[str, Any]] = []
    for source_type, source_id in wanted:
        found = source.analysis(source_type, source_id)
        if found is None:
            continue
        top = sorted((found.emotions or {}).items(), key=lambda kv: -kv[1])[:3]
        compound = float(found.sentiment.get("compound", 0.0))
        summary = (
            f"{'Journal entry' if source_type == 'journal' else 'Check-in note'}"
            f" {format_day(found.source_at)}: "
            + (", ".join(found.labels) or "no clear emotion")
            + f"; sentiment {compound:+.2f} (automatic estimate)"
        )
        out.append(
            {
                "id": f"{source_type}:{source_id}",
                "source_type": source_type,
                "source_id": source_id,
                "date": found.source_at.isoformat(),
                "revision": found.analyzed_at.isoformat(),
                "model_id": found.model_id,
                "labels": list(found.labels),
                "top_emotions": [[k, round(float(v), 3)] for k, v in top],
                "sentiment": round(compound, 3),
                "crisis_level": found.crisis_level,
                "crisis_reasons": list(found.crisis_reasons),
                "summary": summary,
            }
        )
    return out


def collect(
    source: ExportSource,
    sel: ExportSelection,
    patient: str,
    therapist: str,
    created_at: str,
    history: Sequence[dict[str, Any]] = (),
) -> Collected:
    """Read the selected records and build every item (JSON records + CSV + PDF). With
    `sel.sharing_history`, `history` (the audit log's rows of what was shared before: time,
    kind, detail) travels as one JSON item and a section of the PDF report."""
    sel.validate()
    start, end = sel.bounds()
    items: list[Item] = []
    entries = journal_records(source, sel) if sel.journal else []
    for rec in entries:
        items.append(_json_item("journal_entry", rec, str(rec["updated_at"]), rec["entry_at"]))
    mood: list[dict[str, Any]] = []
    if sel.mood:
        for checkin in sorted(
            source.mood_checkins(start, end), key=lambda c: (c.checkin_at, c.id)
        ):
            rec = checkin.to_json()
            mood.append(rec)
            items.append(_json_item("mood_checkin", rec, str(rec["updated_at"]), rec["checkin_at"]))
    voice: list[dict[str, Any]] = []
    if sel.voice:
        for summary, audio in voice_records(
            source, start, end, sel.voice_transcripts, sel.voice_audio
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
        for rec in analysis_records(source, wanted):
            analysis.append(rec)
            items.append(
                _json_item("analysis", rec, str(rec.get("revision", "1")), rec.get("date"))
            )
    measures: list[dict[str, Any]] = []
    if sel.questionnaires:
        for rec in source.questionnaires(start, end):
            measures.append(rec)
            items.append(_json_item("measure", rec, str(rec.get("revision", "1")),
                                    rec.get("taken_at")))
    insights: list[dict[str, Any]] = []
    if sel.insights:
        for rec in source.insights(sel.insights, sel.start, sel.end):
            insights.append(rec)
            items.append(_json_item("insight", rec, created_at, rec.get("as_of")))
    if not items:
        raise SelectionError("nothing matches this selection: no records to share")
    shared = [
        {"time": str(h["time"]), "kind": str(h["kind"]), "detail": str(h["detail"])}
        for h in (history if sel.sharing_history else ())
    ]
    if sel.sharing_history:
        items.append(
            Item("sharing_history", "sharing-history", created_at,
                 canonical_json({"id": "sharing-history", "shared": shared}), date=created_at)
        )
    if sel.reports:
        csv_bytes = build_csv(mood, entries, voice, measures)
        pdf_bytes = build_pdf(
            patient, therapist, created_at, sel.period_text(), mood, entries, voice, analysis,
            measures,
            shared if sel.sharing_history else None,
            insights,
        )
        items.append(Item("report_csv", "summary.csv", created_at, csv_bytes, "text/csv"))
        items.append(Item("report_pdf", "summary.pdf", created_at, pdf_bytes, "application/pdf"))
    return Collected(items, mood, entries, voice, analysis, measures, insights)


def describe(item: Item) -> str:
    """One line naming an item for the preview."""
    if item.media_type == "application/json":
        try:
            rec = json.loads(item.data)
        except ValueError:
            rec = {}
        if item.type == "journal_entry":
            return f"Journal entry “{rec.get('title', '')}” ({format_day(rec.get('entry_at', ''))})"
        if item.type == "mood_checkin":
            when = format_minute(rec.get("checkin_at", ""))
            return f"Mood check-in {when}: {rec.get('mood_word', rec.get('mood'))}"
        if item.type == "voice_checkin":
            extra = " with transcript" if rec.get("transcript") else ""
            return f"Voice check-in summary {format_minute(rec.get('recorded_at', ''))}{extra}"
        if item.type == "analysis":
            return f"Analysis result {format_day(rec.get('date', ''))}"
        if item.type == "measure":
            alert = "; item 9 answered" if rec.get("safety_followup") else ""
            return (f"Questionnaire {format_day(rec.get('taken_at', ''))}: "
                    f"{rec.get('summary', rec.get('instrument'))}{alert}")
        if item.type == "insight":
            return f"Insight: {rec.get('title', item.id)} ({rec.get('summary', '')})"
    names = {
        "voice_audio": "Voice recording audio",
        "report_csv": "CSV table",
        "report_pdf": "PDF report",
        "sharing_history": "What I shared and when (from the activity log)",
    }
    return names.get(item.type, item.type)
