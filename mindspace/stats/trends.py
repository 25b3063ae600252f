"""Emotion and wellbeing trends by week or month over every analysed source.

A `Sample` is one analysed piece of the person's own words or voice: a journal entry, a mood
note, a voice check-in's transcript (and later a chat turn), with its emotion probabilities,
sentiment and, for voice, arousal. Sources are just names, so a new one (e.g. "chat") needs no
change here. Periods are ISO weeks (starting Monday) or calendar months.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

NEGATIVE = frozenset({"sadness", "fear", "anger", "disgust"})
PERIODS = ("week", "month")
RISE = 0.10  # a change in an emotion's share worth putting into words


@dataclass(frozen=True)
class Sample:
    day: date
    source: str  # "journal", "mood", "transcript", "voice", later "chat"
    emotions: dict[str, float] = field(default_factory=dict)
    compound: float | None = None  # sentiment -1..1
    arousal: float | None = None  # voice arousal 0..1
    count: int = 1  # how many analysed pieces this sample stands for (their mean)


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    label: str  # "Week of 4 May 2026", "May 2026"
    samples: int
    by_source: dict[str, int]
    shares: dict[str, float]  # mean emotion share over the period's samples (sums to ~1)
    compound: float | None
    arousal: float | None
    mood: float | None  # mean of the period's daily moods (check-ins)
    mood_days: int

    @property
    def negative(self) -> float:
        return sum(v for k, v in self.shares.items() if k in NEGATIVE)

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "label": self.label, "samples": self.samples, "by_source": self.by_source,
                "shares": self.shares, "negative_share": self.negative,
                "compound": self.compound, "arousal": self.arousal, "mood": self.mood,
                "mood_days": self.mood_days}


def period_start(day: date, period: str) -> date:
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown period {period!r}")


def period_end(start: date, period: str) -> date:
    if period == "week":
        return start + timedelta(days=6)
    nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return nxt - timedelta(days=1)


def period_label(start: date, period: str) -> str:
    if period == "week":
        return f"Week of {start.day} {start:%B %Y}"
    return f"{start:%B %Y}"


def _share(emotions: dict[str, float]) -> dict[str, float]:
    total = sum(max(0.0, v) for v in emotions.values())
    return {k: max(0.0, v) / total for k, v in emotions.items()} if total > 0 else {}


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def trends(samples: Iterable[Sample], moods: dict[date, float], period: str,
           start: date, end: date) -> list[Period]:
    """One `Period` per week or month from `start` to `end` (periods with nothing are kept,
    with zero samples, so gaps show as gaps)."""
    buckets: dict[date, list[Sample]] = defaultdict(list)
    for s in samples:
        if start <= s.day <= end:
            buckets[period_start(s.day, period)].append(s)
    out: list[Period] = []
    cursor = period_start(start, period)
    while cursor <= end:
        group = buckets.get(cursor, [])
        last = period_end(cursor, period)
        weighted = [(_share(s.emotions), s.count) for s in group if s.emotions]
        weight = sum(n for _, n in weighted)
        labels = sorted({k for sh, _ in weighted for k in sh})
        shares = {k: sum(sh.get(k, 0.0) * n for sh, n in weighted) / weight
                  for k in labels} if weight else {}
        sources: dict[str, int] = defaultdict(int)
        for s in group:
            sources[s.source] += s.count
        day_moods = [m for d, m in moods.items() if cursor <= d <= last]
        out.append(Period(
            cursor, last, period_label(cursor, period), sum(s.count for s in group),
            dict(sources), shares,
            _mean([s.compound for s in group if s.compound is not None]),
            _mean([s.arousal for s in group if s.arousal is not None]),
            _mean(day_moods), len(day_moods)))
        cursor = last + timedelta(days=1)
    return out


def describe(periods: Sequence[Period], period: str) -> str:
    """Words for a screen reader and for the page: what changed between the last two periods
    that have data, and the overall mood."""
    filled = [p for p in periods if p.samples or p.mood_days]
    unit = "weeks" if period == "week" else "months"
    if not filled:
        return f"Nothing analysed in these {unit} yet."
    last = filled[-1]
    parts = [f"{len(filled)} of {len(periods)} {unit} have entries or check-ins."]
    if last.shares:
        top = max(last.shares, key=lambda k: last.shares[k])
        parts.append(f"In {_lower_week(last.label)}, {top} was the strongest emotion "
                     f"({round(last.shares[top] * 100)} %).")
    if len(filled) >= 2:
        prev = filled[-2]
        labels = set(prev.shares) | set(last.shares)
        change = {k: last.shares.get(k, 0.0) - prev.shares.get(k, 0.0) for k in labels}
        rises = [k for k in labels if change[k] >= RISE]
        falls = [k for k in labels if change[k] <= -RISE]
        if rises:
            k = max(rises, key=lambda k: change[k])
            parts.append(f"{k.capitalize()} rose by {round(change[k] * 100)} points since "
                         f"{_lower_week(prev.label)}.")
        if falls:
            k = min(falls, key=lambda k: change[k])
            parts.append(f"{k.capitalize()} fell by {round(-change[k] * 100)} points since "
                         f"{_lower_week(prev.label)}.")
        if last.mood is not None and prev.mood is not None:
            parts.append(f"Average mood {prev.mood:.1f} then {last.mood:.1f}.")
    return " ".join(parts)


def _lower_week(label: str) -> str:
    return "the w" + label[1:] if label.startswith("Week") else label
