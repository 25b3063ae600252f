"""The therapist's overview of every patient in the clinician inbox, and one patient's
questionnaire history (measurement-based care). Pure data, no Qt.

`patient_overview(inbox)` gives one `PatientRow` per contact who sent bundles: when the last
bundle arrived, the latest PHQ-9, GAD-7 and WHO-5 with their range and the reliable change since
the first and since the previous received score (`core.reliable_change`, the same rule the
patient's app uses), and whether the latest PHQ-9 has an item-9 answer of 1 or more. Patients
with such an answer come first; the rest follow by name.

Only the newest and oldest questionnaires of each patient reach Python: SQLite picks, along the
(contact, type, date) index, each questionnaire's two newest and its oldest scored forms and the
newest PHQ-9 (one visit to the DB thread per patient). Records received without a date (before
questionnaires were dated on arrival) are always read and merged in.

`patient_history(inbox, contact_id)` gives every received score per questionnaire, oldest first,
for the charts, with a text alternative. Blocks on the vault's DB executor: call from a worker.
A score range is information, not a diagnosis.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from mindspace.core.questionnaires import ASKED, catalog
from mindspace.core.reliable_change import Change, compare
from mindspace.core.rules import format_day, format_minute
from mindspace.storage.share_inbox import RecordQuery

MEASURE = "measure"
ITEM9_WORDS = "thoughts of being better off dead or of self-harm"


class MeasureReads(Protocol):
    """The clinician inbox's read side (`storage.share_inbox.InboxRepository`)."""

    def senders(self) -> list[dict[str, Any]]: ...

    def records(self, contact_id: str, item_type: str) -> list[dict[str, Any]]: ...

    def dated_records_where(
        self, contact_id: str, item_type: str, queries: Sequence[RecordQuery]
    ) -> list[list[dict[str, Any]]]: ...

    def undated_records(self, contact_id: str, item_type: str) -> list[dict[str, Any]]: ...


@dataclass(frozen=True)
class Result:
    """One received questionnaire: `score` is None when the form was incomplete."""

    instrument: str
    short_name: str
    id: str
    taken_at: str
    score: int | None
    band: str
    item9: int | None
    item9_answer: str
    received_at: str

    @property
    def day(self) -> str:
        return format_day(self.taken_at)

    @property
    def taken_on(self) -> date:
        return datetime.fromisoformat(self.taken_at).date()

    @property
    def item9_alert(self) -> bool:
        return self.item9 is not None and self.item9 >= 1

    def summary(self) -> str:
        """"PHQ-9 8, mild" (or that the form was not scored)."""
        if self.score is None:
            return f"{self.short_name} not scored (incomplete)"
        return f"{self.short_name} {self.score}" + (f", {self.band}" if self.band else "")

    def item9_text(self) -> str:
        answer = self.item9_answer or "answer"
        return f"PHQ-9 item 9 ({ITEM9_WORDS}): {answer} ({self.item9}) on {self.day}"

    def sort_key(self) -> tuple[str, str, str]:
        return (self.taken_at, self.received_at, self.id)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def result_of(rec: Mapping[str, Any]) -> Result | None:
    """A received `measure` record as a `Result`; None for a questionnaire this version does
    not know or a record without a date."""
    instrument = _str(rec.get("instrument"))
    taken_at = _str(rec.get("taken_at"))
    if instrument not in ASKED:
        return None
    try:
        datetime.fromisoformat(taken_at)
    except ValueError:
        return None
    return Result(
        instrument, catalog().get(instrument).short_name, _str(rec.get("id")), taken_at,
        _int(rec.get("score")), _str(rec.get("band")), _int(rec.get("item9")),
        _str(rec.get("item9_answer")), _str(rec.get("received_at")),
    )


@dataclass(frozen=True)
class Trend:
    """The latest scored result of one questionnaire and its reliable change since the first
    and since the previous received score (None when there is no earlier score)."""

    latest: Result
    first: Result | None
    previous: Result | None
    since_first: Change | None
    since_previous: Change | None

    @property
    def instrument(self) -> str:
        return self.latest.instrument

    def verdict(self) -> str:
        """improved / no reliable change / worse since the first score ("" when none)."""
        change = self.since_first or self.since_previous
        return change.verdict if change is not None else ""

    def cell(self) -> str:
        """Short, for a table cell: "PHQ-9 8, mild; since first: improved (14 → 8, -6)"."""
        parts = [self.latest.summary()]
        for label, change in (("since first", self.since_first),
                              ("since previous", self.since_previous)):
            if change is not None:
                parts.append(f"{label}: {change.verdict} "
                             f"({change.previous} → {change.current}, {change.difference:+d})")
        if len(parts) == 1:
            parts.append("first result")
        return "; ".join(parts)

    def text(self) -> str:
        """In full, with the numbers behind each verdict."""
        out = f"{self.latest.summary()} on {self.latest.day}"
        if self.since_first is not None and self.first is not None:
            out += (f". Since the first score ({self.first.day}): "
                    f"{self.since_first.describe(self.latest.short_name)}")
        if self.since_previous is not None and self.previous is not None:
            out += (f". Since the previous score ({self.previous.day}): "
                    f"{self.since_previous.describe(self.latest.short_name)}")
        if self.since_first is None and self.since_previous is None:
            out += ". No earlier score to compare with"
        return out + "."


def _change(earlier: Result | None, latest: Result) -> Change | None:
    if earlier is None or earlier.score is None or latest.score is None:
        return None
    return compare(catalog().get(latest.instrument), earlier.score, latest.score)


def trend(first: Result | None, previous: Result | None, latest: Result) -> Trend:
    """The trend of `latest` against the first and previous scored results of its
    questionnaire (`first` may be the same form as `previous`)."""
    if first is not None and first.sort_key() == latest.sort_key():
        first = None  # the only score
    if previous is not None and first is not None and previous.sort_key() == first.sort_key():
        previous = None  # two scores: one change, told once (since the first)
    return Trend(latest, first, previous, _change(first, latest), _change(previous, latest))


@dataclass(frozen=True)
class PatientRow:
    contact_id: str
    name: str
    last_received: str  # ISO time the newest bundle arrived
    bundles: int
    trends: tuple[Trend, ...]  # in the order PHQ-9, GAD-7, WHO-5 (those with a score)
    latest_phq9: Result | None  # the newest PHQ-9 form, scored or not (for item 9)

    @property
    def item9_alert(self) -> bool:
        return self.latest_phq9 is not None and self.latest_phq9.item9_alert

    def alert_text(self) -> str:
        if self.latest_phq9 is None or not self.item9_alert:
            return ""
        return f"Item 9 alert: {self.latest_phq9.item9_text()}"

    def alert_cell(self) -> str:
        """Short, for a table cell: "Item 9 alert: Several days (1), 2026-01-19" ("" if none)."""
        if self.latest_phq9 is None or not self.item9_alert:
            return ""
        q = self.latest_phq9
        return f"Item 9 alert: {q.item9_answer or 'answer'} ({q.item9}), {q.day}"

    def trend(self, instrument: str) -> Trend | None:
        return next((t for t in self.trends if t.instrument == instrument), None)

    def cell(self, instrument: str) -> str:
        found = self.trend(instrument)
        return found.cell() if found is not None else "no score"

    def last_text(self) -> str:
        return format_minute(self.last_received)

    def text(self) -> str:
        """The whole row in words (the overview's text alternative)."""
        parts = [f"{self.name}: last bundle {self.last_text()} ({self.bundles} in all)"]
        if self.item9_alert:
            parts.insert(0, self.alert_text())
        parts.extend(t.text() for t in self.trends)
        if not self.trends:
            parts.append("No questionnaire scores shared.")
        return ". ".join(p.rstrip(".") for p in parts) + "."


# ---- reading the newest and oldest results ---------------------------------------------------
def _results(records: Iterable[Mapping[str, Any]]) -> list[Result]:
    return [r for r in (result_of(rec) for rec in records) if r is not None]


def _queries() -> list[RecordQuery]:
    """Per questionnaire its two newest and its oldest scored forms; the newest PHQ-9 form."""
    out = []
    for inst in ASKED:
        which = (("instrument", inst),)
        out.append(RecordQuery(which, ("score",), newest_first=True, limit=2))
        out.append(RecordQuery(which, ("score",), newest_first=False, limit=1,
                               after=len(out) - 1))
    out.append(RecordQuery((("instrument", "phq9"),), (), newest_first=True, limit=1))
    return out


def patient_row(inbox: MeasureReads, contact_id: str, name: str, last_received: str,
                bundles: int) -> PatientRow:
    found = inbox.dated_records_where(contact_id, MEASURE, _queries())
    pool = _results(inbox.undated_records(contact_id, MEASURE))
    pool += _results(rec for records in found for rec in records)
    pool = sorted({(r.instrument, r.id): r for r in pool}.values(), key=Result.sort_key)
    scored = [r for r in pool if r.score is not None]
    trends = []
    for inst in ASKED:
        mine = [r for r in scored if r.instrument == inst]
        if mine:
            trends.append(trend(mine[0], mine[-2] if len(mine) > 1 else None, mine[-1]))
    phq9 = next((r for r in reversed(pool) if r.instrument == "phq9"), None)
    return PatientRow(contact_id, name, last_received, bundles, tuple(trends), phq9)


def overview_order(rows: Iterable[PatientRow]) -> list[PatientRow]:
    """Item-9 alerts first (the newest alert first), then everyone else by name."""
    by_name = sorted(rows, key=lambda r: (r.name.casefold(), r.contact_id))
    alerts = [r for r in by_name if r.item9_alert]
    alerts.sort(key=lambda r: r.latest_phq9.taken_at if r.latest_phq9 else "", reverse=True)
    return alerts + [r for r in by_name if not r.item9_alert]


def patient_overview(inbox: MeasureReads) -> list[PatientRow]:
    """One row per patient who sent bundles, item-9 alerts first (runs on a worker)."""
    rows = [
        patient_row(inbox, str(s["contact_id"]), str(s["sender"]), str(s["last_received"]),
                    int(s["bundles"]))
        for s in inbox.senders()
    ]
    return overview_order(rows)


# ---- one patient's history -------------------------------------------------------------------
@dataclass(frozen=True)
class Series:
    instrument: str
    short_name: str
    low: int
    high: int
    cuts: tuple[int, ...]  # where each range after the first begins
    higher_is_better: bool
    results: tuple[Result, ...]  # scored, oldest first

    def text(self) -> str:
        """The chart in words: how many, the span, first and latest, the change."""
        direction = "higher is better" if self.higher_is_better else "lower is better"
        if not self.results:
            return f"{self.short_name}: no scores shared."
        first, last = self.results[0], self.results[-1]
        out = (f"{self.short_name}: {len(self.results)} score(s) from {first.day} to {last.day}, "
               f"{direction}. Lowest {min(r.score or 0 for r in self.results)}, highest "
               f"{max(r.score or 0 for r in self.results)}. ")
        previous = self.results[-2] if len(self.results) > 1 else None
        return out + trend(first, previous, last).text()


@dataclass(frozen=True)
class PatientHistory:
    contact_id: str
    series: tuple[Series, ...]  # PHQ-9, GAD-7, WHO-5
    alerts: tuple[Result, ...]  # PHQ-9 forms with item 9 at 1 or more, newest first

    def lines(self) -> list[str]:
        """The text alternative of the charts: item-9 alerts first, then each questionnaire."""
        out = [f"Item 9 alert: {r.item9_text()}" for r in self.alerts]
        out.extend(s.text() for s in self.series)
        return out

    def get(self, instrument: str) -> Series:
        return next(s for s in self.series if s.instrument == instrument)


def patient_history(inbox: MeasureReads, contact_id: str) -> PatientHistory:
    """Every received questionnaire score of one patient, per questionnaire, oldest first."""
    results = sorted(_results(inbox.records(contact_id, MEASURE)), key=Result.sort_key)
    series = []
    for inst_id in ASKED:
        inst = catalog().get(inst_id)
        series.append(Series(
            inst_id, inst.short_name, inst.min, inst.max, tuple(b.min for b in inst.bands[1:]),
            inst.higher_is_better,
            tuple(r for r in results if r.instrument == inst_id and r.score is not None),
        ))
    alerts = tuple(sorted((r for r in results if r.item9_alert), key=Result.sort_key,
                          reverse=True))
    return PatientHistory(contact_id, tuple(series), alerts)
