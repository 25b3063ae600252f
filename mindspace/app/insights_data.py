"""Read what the insights are computed from, out of the open vault (blocking: a worker's job).

`day_records` folds mood check-ins, journal entries, voice check-ins and text analyses into one
`DayRecord` per day. `samples` gathers analysed words and voice from every registered trend
source; a new source registers a provider with `register_trend_source` and the trends pick
it up with no other change; the companion's chat is registered that way (`app.insights_chat`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from mindspace.app.container import AppServices
from mindspace.stats.days import DayRecord
from mindspace.stats.trends import NEGATIVE, Sample

TrendSource = Callable[[AppServices, date, date], list[Sample]]


def _text_samples(source_type: str, name: str) -> TrendSource:
    def read(services: AppServices, start: date, end: date) -> list[Sample]:
        days = services.analyses.daily_emotions(start, end, source_types=(source_type,))
        return [Sample(d.day, name, dict(d.means), d.compound, None, d.count) for d in days]

    return read


def _voice_samples(services: AppServices, start: date, end: date) -> list[Sample]:
    out = []
    for c in services.voice.list():
        day = c.recorded_at.date()
        if not start <= day <= end:
            continue
        analysis = c.text_analysis or {}
        emotions = analysis.get("emotions") if isinstance(analysis.get("emotions"), dict) else {}
        sentiment = analysis.get("sentiment") if isinstance(analysis.get("sentiment"), dict) \
            else {}
        compound = sentiment.get("compound") if sentiment else None
        out.append(Sample(day, "voice", {str(k): float(v) for k, v in (emotions or {}).items()},
                          None if compound is None else float(compound), c.arousal))
    return out


def _chat_samples(services: AppServices, start: date, end: date) -> list[Sample]:
    """The person's messages to the companion, read by the text models (`app.insights_chat`)."""
    return services.chat_readings().samples(start, end)


TREND_SOURCES: dict[str, TrendSource] = {
    "journal": _text_samples("journal", "journal"),
    "mood": _text_samples("mood", "mood note"),
    "voice": _voice_samples,
}


def register_trend_source(name: str, provider: TrendSource) -> None:
    """Add (or replace) a source of analysed samples for the trends."""
    TREND_SOURCES[name] = provider


register_trend_source("chat", _chat_samples)


def samples(services: AppServices, start: date, end: date) -> list[Sample]:
    out: list[Sample] = []
    for provider in TREND_SOURCES.values():
        out.extend(provider(services, start, end))
    return sorted(out, key=lambda s: s.day)


def _record(by_day: dict[date, DayRecord], day: date) -> DayRecord:
    rec = by_day.get(day)
    if rec is None:
        rec = by_day[day] = DayRecord(day)
    return rec


def day_records(services: AppServices, start: date | None = None,
                end: date | None = None) -> list[DayRecord]:
    """One record per day with anything noted, oldest first (all days when no range)."""
    lo = datetime.combine(start, datetime.min.time()) if start else None
    hi = datetime.combine(end + timedelta(days=1), datetime.min.time()) if end else None
    by_day: dict[date, DayRecord] = {}
    for c in services.mood.list(start=lo, end=hi):
        rec = _record(by_day, c.checkin_at.date())
        rec.moods.append(c.mood)
        if c.energy is not None:
            rec.energies.append(c.energy)
        rec.activities.update(c.activities)
        rec.emotions.update(c.emotions)
        if c.sleep_hours is not None:
            rec.sleep = max(rec.sleep or 0.0, float(c.sleep_hours))
    for e in services.journal.list(start=lo, end=hi):
        rec = _record(by_day, e.entry_at.date())
        rec.entries += 1
        rec.words += len(e.body.split())
    arousal: dict[date, list[float]] = {}
    for v in services.voice.list(before=hi):
        day = v.recorded_at.date()
        if start is not None and day < start:
            continue
        rec = _record(by_day, day)
        rec.voice += 1
        if v.arousal is not None:
            arousal.setdefault(day, []).append(float(v.arousal))
    for day, values in arousal.items():
        by_day[day].arousal = sum(values) / len(values)
    if by_day:
        first, last = min(by_day), max(by_day)
        for d in services.analyses.daily_emotions(start or first, end or last):
            rec = _record(by_day, d.day)
            total = sum(max(0.0, v) for v in d.means.values())
            if total > 0:
                rec.text_negative = sum(max(0.0, v) for k, v in d.means.items()
                                        if k in NEGATIVE) / total
            rec.compound = d.compound
    return [by_day[d] for d in sorted(by_day)]
