"""The week in review: the week in numbers, entries worth re-reading and one suggestion.

Weeks start on Monday. Numbers are compared with the week before only as plain figures (never
"better" or "worse" than you should be). Entries worth re-reading: the one written on the day
with the best mood, one from the hardest day, and the longest entry. The suggestion builds on a
finding of `stats.associations` when there is one, else it is the day's gentle suggestion.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from mindspace.app.container import AppServices
from mindspace.app.today import suggestion_for
from mindspace.core.entities import JournalEntry
from mindspace.stats.associations import Associations
from mindspace.stats.days import DayRecord
from mindspace.stats.trends import period_start

UNTITLED = "Untitled entry"


@dataclass(frozen=True)
class Reread:
    entry_id: str
    title: str
    day: date
    reason: str  # "your best day this week (mood 4.5)"


@dataclass
class WeeklyReview:
    start: date
    end: date
    days_noted: int
    checkins: int
    mood: float | None
    mood_before: float | None  # the week before
    energy: float | None
    sleep: float | None
    entries: int
    words: int
    voice: int
    top_activities: list[tuple[str, int]] = field(default_factory=list)
    top_emotions: list[tuple[str, int]] = field(default_factory=list)
    reread: list[Reread] = field(default_factory=list)
    suggestion: str = ""

    def numbers_text(self) -> str:
        label = f"Week of {self.start.day} {self.start:%B %Y}"
        if not self.days_noted:
            return f"{label}: nothing noted this week, and that is fine."
        parts = [f"{label}: you noted {self.days_noted} of 7 days",
                 f"{self.checkins} mood check-in{'s' if self.checkins != 1 else ''}",
                 f"{self.entries} journal entr{'ies' if self.entries != 1 else 'y'} "
                 f"({self.words} words)"]
        if self.voice:
            parts.append(f"{self.voice} voice check-in{'s' if self.voice != 1 else ''}")
        text = ", ".join(parts) + "."
        if self.mood is not None:
            text += f" Average mood {self.mood:.1f}"
            if self.mood_before is not None:
                text += f" (the week before: {self.mood_before:.1f})"
            text += "."
        if self.sleep is not None:
            text += f" Average sleep {self.sleep:.1f} h."
        if self.top_activities:
            text += " Most often: " + ", ".join(a for a, _ in self.top_activities) + "."
        return text

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        data["reread"] = [{**asdict(r), "day": r.day.isoformat()} for r in self.reread]
        data["text"] = self.numbers_text()
        return data


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _title(entry: JournalEntry) -> str:
    text = entry.title.strip()
    if not text:
        first = next((ln.strip() for ln in entry.body.splitlines() if ln.strip()), "")
        text = first.lstrip("#>*- ").strip()
        text = text[:59].rstrip() + "…" if len(text) > 60 else text
    return text or UNTITLED


def _suggestion(found: Associations | None, day: date) -> str:
    if found is not None:
        good = [a for a in found.findings if a.diff > 0 and a.factor.kind in ("activity",
                                                                             "sleep")]
        if good:
            best = good[0]
            if best.factor.kind == "sleep":
                return ("Nights of 7 hours or more went with better days for you; maybe aim "
                        "for an earlier night once or twice this week.")
            return (f"Days with {best.factor.label} went with a better mood for you; maybe make "
                    f"room for {best.factor.label} once or twice this week.")
    return suggestion_for(day)


def weekly_review(services: AppServices, records: Sequence[DayRecord], day: date,
                  found: Associations | None = None) -> WeeklyReview:
    """The review of the week (Monday to Sunday) that contains `day` (blocking)."""
    start = period_start(day, "week")
    end = start + timedelta(days=6)
    week = [r for r in records if start <= r.day <= end]
    before = [r for r in records if start - timedelta(days=7) <= r.day < start]
    moods = {r.day: m for r in week if (m := r.mood) is not None}
    entries = services.journal.list(start=datetime.combine(start, datetime.min.time()),
                                    end=datetime.combine(end + timedelta(days=1),
                                                         datetime.min.time()))
    reread: list[Reread] = []
    by_day: dict[date, list[JournalEntry]] = {}
    for e in entries:
        by_day.setdefault(e.entry_at.date(), []).append(e)
    written = [d for d in moods if d in by_day]
    if written:
        best = max(written, key=lambda d: (moods[d], d))
        top = max(by_day[best], key=lambda e: len(e.body))
        reread.append(Reread(top.id, _title(top), best,
                             f"your best day this week (mood {moods[best]:.1f})"))
        hardest = min(written, key=lambda d: (moods[d], d))
        if moods[hardest] < moods[best]:
            low = max(by_day[hardest], key=lambda e: len(e.body))
            reread.append(Reread(low.id, _title(low), hardest,
                                 f"a harder day (mood {moods[hardest]:.1f}): how you got "
                                 "through it"))
    if entries:
        longest = max(entries, key=lambda e: len(e.body.split()))
        if all(r.entry_id != longest.id for r in reread):
            reread.append(Reread(longest.id, _title(longest), longest.entry_at.date(),
                                 f"your longest entry ({len(longest.body.split())} words)"))
    activities = Counter(a for r in week for a in r.activities)
    emotions = Counter(e for r in week for e in r.emotions)
    sleeps = [r.sleep for r in week if r.sleep is not None]
    return WeeklyReview(
        start, end, sum(1 for r in week if r.noted), sum(len(r.moods) for r in week),
        _mean(list(moods.values())),
        _mean([m for r in before if (m := r.mood) is not None]),
        _mean([en for r in week if (en := r.energy) is not None]), _mean(sleeps),
        len(entries), sum(len(e.body.split()) for e in entries), sum(r.voice for r in week),
        activities.most_common(3), emotions.most_common(3), reread,
        _suggestion(found, day))
