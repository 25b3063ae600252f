"""The clinician's view of one patient: every shared item, flagged items first.

`patient_view(sharing, contact_id)` reads what the vault holds for that contact and returns a
`PatientView`:

* `items`: journal entries, voice check-ins, mood check-ins, analyses that belong to no shared
  item, and items of types this version does not know, each as an `InboxItem` with its full
  text, the analyses that belong to it and a readable key/value list of the record. Items the
  safety screen flagged (level concern or urgent) come first, urgent before concern, then
  newest first. An item is flagged when an analysis record that came with it carries that
  level, or when the pattern screen (`app.screen`) finds it in the shared words now, so an
  entry shared without its analysis is not hidden among the others; the higher level wins and
  the reasons of both are kept.
* `reports`: the PDF and CSV reports with their bytes (kept in memory only; the screen renders
  them from memory), newest first.
* the mood series and emotion trends for the chart.

Blocks on the vault's DB executor: call from a worker. Nothing here is a diagnosis.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mindspace.app.screen import level_rank, screen_text
from mindspace.app.sharing import SharingService, daily_mood, emotion_trends
from mindspace.core.rules import CRISIS_LEVELS, format_minute, opens_support_panel
from mindspace.share.report import insight_lines, measure_text, measures_first_alerts

KNOWN_TYPES = ("journal_entry", "voice_checkin", "mood_checkin", "analysis", "measure",
               "insight")
REPORT_TYPES = {"report_pdf": "PDF report", "report_csv": "CSV table"}
SKIPPED_TYPES = ("voice_audio",)  # recordings are named on their voice check-in
SOURCE_ITEM = {"journal": "journal_entry", "mood": "mood_checkin", "transcript": "voice_checkin"}
KIND_NAMES = {
    "journal_entry": "Journal entry",
    "voice_checkin": "Voice check-in",
    "mood_checkin": "Mood check-in",
    "analysis": "Analysis",
    "measure": "Questionnaire",
    "insight": "Insight",
    "sharing_history": "What they shared before, and when",
}
ITEM9_REASON = "PHQ-9 item 9 (thoughts of being better off dead or of self-harm): {answer}"
MAX_VALUE_CHARS = 2000  # one value of an unknown record, as shown
HIDDEN_KEYS = frozenset({"received_at", "bundle_id", "revision"})


@dataclass(frozen=True)
class Flag:
    """The safety screen's level for an item (concern or urgent) and what it acted on."""

    level: str
    reasons: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"Flagged by the safety screen: {self.level}"

    @property
    def urgent(self) -> bool:
        return self.level == "urgent"


@dataclass(frozen=True)
class AnalysisView:
    """One analysis record as the clinician reads it (automatic estimates)."""

    source_type: str
    source_id: str
    date: str
    emotions: tuple[tuple[str, float], ...]
    labels: tuple[str, ...]
    sentiment: float | None
    crisis_level: str
    crisis_reasons: tuple[str, ...]
    summary: str

    def lines(self) -> list[str]:
        """The safety screen first; the emotion estimate after it, said to be unreliable when
        the screen flagged the words (a model's "joy" beside a crisis text would mislead)."""
        out = [f"Safety screen: {self.crisis_level}"]
        out.extend(f"  Reason: {reason}" for reason in self.crisis_reasons)
        if self.emotions:
            named = ", ".join(f"{name} {score:.0%}" for name, score in self.emotions)
        else:
            named = ", ".join(self.labels) or "no clear emotion"
        caveat = " (not reliable beside a safety flag)" if self.flagged else ""
        out.append(f"Emotions{caveat}: {named}")
        if self.sentiment is not None:
            out.append(f"Sentiment{caveat}: {self.sentiment:+.2f}")
        return out

    @property
    def flagged(self) -> bool:
        return opens_support_panel(self.crisis_level)


@dataclass(frozen=True)
class InboxItem:
    kind: str  # the bundle item type
    item_id: str
    date: str  # when it happened (ISO), "" when unknown
    received_at: str
    title: str  # one line naming the item
    text: str  # the full text, never shortened
    flag: Flag | None = None
    analyses: tuple[AnalysisView, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()  # readable key/value list of the record

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, self.kind.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Report:
    kind: str  # report_pdf | report_csv
    item_id: str
    bundle_id: str
    received_at: str
    data: bytes = field(repr=False)

    @property
    def title(self) -> str:
        return f"{REPORT_TYPES[self.kind]}, arrived {format_minute(self.received_at)}"


@dataclass
class PatientView:
    contact_id: str
    name: str
    items: list[InboxItem]
    reports: list[Report]
    mood: list[dict[str, Any]]
    days: list[tuple[str, float]]
    emotions: list[tuple[str, int]]
    bundles: list[dict[str, Any]]
    measures: list[dict[str, Any]] = field(default_factory=list)  # oldest first
    insights: list[dict[str, Any]] = field(default_factory=list)  # the newest of each kind

    def insight_lines(self) -> list[str]:
        """The insights the patient chose to share, each kind as last received, in words."""
        out: list[str] = []
        for rec in self.insights:
            if out:
                out.append("")
            out += insight_lines(rec)
        return out

    def measure_lines(self) -> list[str]:
        """Questionnaire results in words: item-9 alerts first, then each instrument's latest
        result with its reliable change."""
        return measure_lines(self.measures)

    @property
    def flagged(self) -> list[InboxItem]:
        return [i for i in self.items if i.flag is not None]

    def count(self, kind: str) -> int:
        return sum(1 for i in self.items if i.kind == kind)


# ---- reading the records ---------------------------------------------------------------------
def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v for v in value if isinstance(v, str))


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _level(value: Any) -> str:
    return value if isinstance(value, str) and value in CRISIS_LEVELS else "none"


def analysis_view(rec: Mapping[str, Any]) -> AnalysisView:
    emotions = []
    for pair in rec.get("top_emotions") or []:
        if isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str):
            score = _number(pair[1])
            if score is not None:
                emotions.append((pair[0], score))
    return AnalysisView(
        _text(rec.get("source_type")),
        _text(rec.get("source_id")),
        _text(rec.get("date")),
        tuple(emotions),
        _strings(rec.get("labels")),
        _number(rec.get("sentiment")),
        _level(rec.get("crisis_level")),
        _strings(rec.get("crisis_reasons")),
        _text(rec.get("summary")),
    )


def _shown(value: Any) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = ", ".join(value)
    else:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if len(text) > MAX_VALUE_CHARS:
        return text[:MAX_VALUE_CHARS] + f"… ({len(text)} characters in all)"
    return text


def key_values(rec: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """A record as a readable list of (key, value), in the record's order."""
    return tuple(
        (str(key).replace("_", " "), _shown(value))
        for key, value in rec.items()
        if key not in HIDDEN_KEYS and value not in (None, "", [])
    )


def combined_flag(
    words: str, analyses: Iterable[AnalysisView], extra_level: str = "none"
) -> Flag | None:
    """The highest of the analyses' levels, `extra_level` and the pattern screen on `words`."""
    level = _level(extra_level)
    reasons: list[str] = []
    for found in analyses:
        if level_rank(found.crisis_level) > level_rank(level):
            level = found.crisis_level
        reasons.extend(r for r in found.crisis_reasons if r not in reasons)
    if words.strip():
        screened = screen_text(words)
        if level_rank(screened.level) > level_rank(level):
            level = screened.level
        if screened.opens_support_panel:
            reasons.extend(r for r in screened.reasons if r not in reasons)
    return Flag(level, tuple(reasons)) if opens_support_panel(level) else None


def _journal(rec: dict[str, Any], analyses: tuple[AnalysisView, ...]) -> InboxItem:
    title, body = _text(rec.get("title")), _text(rec.get("body"))
    words = f"{title}\n{body}" if title else body
    return InboxItem(
        "journal_entry", _text(rec.get("id")), _text(rec.get("entry_at")),
        _text(rec.get("received_at")), title or "(untitled entry)", body,
        combined_flag(words, analyses), analyses, key_values({"tags": rec.get("tags")}),
    )


def _voice(rec: dict[str, Any], analyses: tuple[AnalysisView, ...]) -> InboxItem:
    duration = _number(rec.get("duration_s"))
    parts = [f"Duration: {duration:.0f} s" if duration is not None else "Duration: unknown"]
    risk = _text(rec.get("risk_level"))
    parts.append(f"Indication: {risk or 'none'} (automatic estimate)")
    explanation = _text(rec.get("explanation"))
    if explanation:
        parts.append(f"Explanation: {explanation}")
    parts.append(f"Summary: {_text(rec.get('summary'))}")
    transcript = _text(rec.get("transcript"))
    if transcript:
        parts.append(f"Transcript: {transcript}")
    shown = {"id", "recorded_at", "duration_s", "risk_level", "explanation", "summary",
             "transcript", "crisis_level"}
    return InboxItem(
        "voice_checkin", _text(rec.get("id")), _text(rec.get("recorded_at")),
        _text(rec.get("received_at")), f"Voice check-in, indication {risk or 'none'}",
        "\n".join(parts), combined_flag(transcript, analyses, _text(rec.get("crisis_level"))),
        analyses, key_values({k: v for k, v in rec.items() if k not in shown}),
    )


def _mood(rec: dict[str, Any], analyses: tuple[AnalysisView, ...]) -> InboxItem:
    note = _text(rec.get("note"))
    word = _text(rec.get("mood_word"))
    mood = f"{rec.get('mood')}" + (f" ({word})" if word else "")
    fields = {
        "mood": mood, "energy": rec.get("energy"), "emotions": rec.get("emotions"),
        "activities": rec.get("activities"), "sleep hours": rec.get("sleep_hours"),
    }
    return InboxItem(
        "mood_checkin", _text(rec.get("id")), _text(rec.get("checkin_at")),
        _text(rec.get("received_at")), f"Mood {mood}", note, combined_flag(note, analyses),
        analyses, key_values(fields),
    )


def _measure(rec: dict[str, Any], _analyses: tuple[AnalysisView, ...] = ()) -> InboxItem:
    """A shared questionnaire: an item-9 answer of 1 or more is an urgent flag with the answer
    itself as the reason (whatever the total)."""
    text = measure_text(rec)
    flag = None
    if rec.get("safety_followup"):
        answer = f"{_text(rec.get('item9_answer')) or rec.get('item9')} ({rec.get('item9')})"
        flag = Flag("urgent", (ITEM9_REASON.format(answer=answer),))
    verdict = _text(rec.get("reliable_change"))
    title = _text(rec.get("summary")) + (f", {verdict}" if verdict else "")
    fields = {"answers": rec.get("answers"), "difficulty": rec.get("functional"),
              "questionnaire data version": rec.get("data_version")}
    return InboxItem(
        "measure", _text(rec.get("id")), _text(rec.get("taken_at")),
        _text(rec.get("received_at")), title, text, flag, (), key_values(fields),
    )


def _insight(rec: dict[str, Any], _analyses: tuple[AnalysisView, ...] = ()) -> InboxItem:
    """A shared insight (streaks, what goes with mood, questionnaire trends) in words."""
    lines = insight_lines(rec)
    fields = {"data": rec.get("data")}
    return InboxItem(
        "insight", _text(rec.get("id")), _text(rec.get("as_of")), _text(rec.get("received_at")),
        f"{lines[0]}: {_text(rec.get('summary'))}", "\n".join(lines[1:]), None, (),
        key_values(fields),
    )


def measure_lines(measures: Iterable[dict[str, Any]]) -> list[str]:
    records = list(measures)
    lines = [f"Item 9 alert {format_minute(_text(q.get('taken_at')))}: {measure_text(q)}"
             for q in measures_first_alerts(records) if q.get("safety_followup")]
    latest: dict[str, dict[str, Any]] = {}
    for q in sorted(records, key=lambda r: _text(r.get("taken_at"))):
        if q.get("score") is not None:
            latest[_text(q.get("instrument"))] = q
    for q in latest.values():
        change = _text(q.get("change_text")) if q.get("change") else "no earlier result"
        lines.append(f"{q.get('summary')} on {format_minute(_text(q.get('taken_at')))}; {change}")
    return lines


def _unknown(kind: str, raw: dict[str, Any]) -> InboxItem:
    """An item type this version does not know, shown as its key/value list."""
    data: bytes = raw["data"]
    try:
        rec: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        rec = None
    fields = key_values(rec) if isinstance(rec, dict) else (("content", f"{len(data)} bytes"),)
    words = "\n".join(value for _, value in fields)
    return InboxItem(
        kind, str(raw["item_id"]), str(raw.get("item_date") or ""), str(raw["received_at"]),
        kind.replace("_", " ").capitalize(), "", combined_flag(words, ()), (), fields,
    )


def _order(item: InboxItem) -> tuple[int, int, str, str]:
    rank = level_rank(item.flag.level) if item.flag else 0
    item9 = 1 if item.kind == "measure" and item.flag is not None else 0  # item-9 alerts first
    return (rank, item9, item.date or item.received_at, item.received_at)


def sort_flagged_first(items: Iterable[InboxItem]) -> list[InboxItem]:
    """Urgent, then concern, then the rest; newest first within each."""
    return sorted(items, key=_order, reverse=True)


def csv_rows(data: bytes) -> list[list[str]]:
    """A shared CSV report as rows of cells (the first row is the header)."""
    return [list(row) for row in csv.reader(io.StringIO(data.decode("utf-8-sig", "replace")))]


# ---- the view ----------------------------------------------------------------------------------
def patient_view(sharing: SharingService, contact_id: str) -> PatientView:
    """Everything the clinician screen shows for one patient (runs on a worker)."""
    inbox = sharing.inbox
    analyses: dict[tuple[str, str], list[AnalysisView]] = {}
    for rec in inbox.records(contact_id, "analysis"):
        found = analysis_view(rec)
        item_type = SOURCE_ITEM.get(found.source_type, "")
        analyses.setdefault((item_type, found.source_id), []).append(found)
    builders: dict[str, Callable[[dict[str, Any], tuple[AnalysisView, ...]], InboxItem]] = {
        "journal_entry": _journal, "voice_checkin": _voice, "mood_checkin": _mood,
        "measure": _measure, "insight": _insight,
    }
    items: list[InboxItem] = []
    attached: set[tuple[str, str]] = set()
    mood: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    insights: list[dict[str, Any]] = []
    for kind, build in builders.items():
        for rec in inbox.records(contact_id, kind):
            key = (kind, _text(rec.get("id")))
            attached.add(key)
            items.append(build(rec, tuple(analyses.get(key, ()))))
            if kind == "mood_checkin":
                mood.append(rec)
            elif kind == "measure":
                measures.append(rec)
            elif kind == "insight":
                insights.append(rec)
    for key, alone in analyses.items():
        if key not in attached:
            for found in alone:
                items.append(InboxItem(
                    "analysis", f"{found.source_type}:{found.source_id}", found.date, "",
                    found.summary or "Analysis", "", combined_flag("", (found,)), (found,),
                ))
    reports: list[Report] = []
    for kind in inbox.item_types(contact_id):
        if kind in REPORT_TYPES:
            reports.extend(
                Report(kind, str(r["item_id"]), str(r["bundle_id"]), str(r["received_at"]),
                       r["data"])
                for r in inbox.raw_items(contact_id, kind)
            )
        elif kind not in KNOWN_TYPES and kind not in SKIPPED_TYPES:
            items.extend(_unknown(kind, raw) for raw in inbox.raw_items(contact_id, kind))
    reports.sort(key=lambda r: (r.received_at, r.kind), reverse=True)
    bundles = inbox.bundles(contact_id)
    name = str(bundles[0]["sender"]) if bundles else "this patient"
    return PatientView(
        contact_id, name, sort_flagged_first(items), reports, mood, daily_mood(mood),
        emotion_trends(mood, 12), bundles,
        sorted(measures, key=lambda q: _text(q.get("taken_at"))),
        _insight_order(insights),
    )


def _insight_order(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    order = {"streaks": 0, "mood_links": 1, "questionnaire_trends": 2}
    return sorted(records, key=lambda r: (order.get(_text(r.get("kind")), 9),
                                          _text(r.get("kind"))))
