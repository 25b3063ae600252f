"""A person's days: one record per calendar day, kind streaks, a month calendar and a year in
pixels.

A day "counts" when anything was noted on it (a mood check-in, a journal entry, a voice
check-in). Streaks are told without guilt: the current run still counts when today has nothing
yet (the day is not over), a gap simply starts a new run, and the longest run is kept.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass
class DayRecord:
    """Everything noted on one day. Moods and energies are the day's check-in values (1-5);
    activities and emotions are the union of that day's check-ins; sleep is the longest night
    reported that day (hours)."""

    day: date
    moods: list[int] = field(default_factory=list)
    energies: list[int] = field(default_factory=list)
    activities: set[str] = field(default_factory=set)
    emotions: set[str] = field(default_factory=set)
    sleep: float | None = None
    entries: int = 0  # journal entries (voice check-ins keep one too)
    words: int = 0
    voice: int = 0
    arousal: float | None = None  # mean voice arousal (0..1) that day
    text_negative: float | None = None  # mean share of negative emotions in that day's texts
    compound: float | None = None  # mean text sentiment (-1..1)

    @property
    def mood(self) -> float | None:
        return sum(self.moods) / len(self.moods) if self.moods else None

    @property
    def energy(self) -> float | None:
        return sum(self.energies) / len(self.energies) if self.energies else None

    @property
    def noted(self) -> bool:
        return bool(self.moods or self.entries or self.voice)


@dataclass(frozen=True)
class Streaks:
    current: int  # the run of noted days ending today (or yesterday, while today is open)
    longest: int
    longest_end: date | None
    noted_last_30: int
    total_days: int

    def text(self) -> str:
        """Said kindly: never "broken", never a count of missed days."""
        if self.total_days == 0:
            return "Nothing noted yet. Whenever you are ready, one tap on a mood is enough."
        parts = [f"You have noted {self.noted_last_30} of the last 30 days"]
        if self.current >= 2:
            parts.append(f"and the last {self.current} days in a row")
        text = " ".join(parts) + "."
        if self.longest >= 2:
            text += f" Your longest run so far is {self.longest} days."
        if self.current == 0:
            text += " A missed day is fine: any day is a good day to pick it up again."
        return text


def noted_days(records: Iterable[DayRecord]) -> set[date]:
    return {r.day for r in records if r.noted}


def streaks(days: Iterable[date], today: date) -> Streaks:
    noted = {d for d in days if d <= today}
    if not noted:
        return Streaks(0, 0, None, 0, 0)
    start = today if today in noted else today - timedelta(days=1)
    current = 0
    while start - timedelta(days=current) in noted:
        current += 1
    longest, longest_end, run = 0, None, 0
    ordered = sorted(noted)
    for i, d in enumerate(ordered):
        run = run + 1 if i and ordered[i - 1] == d - timedelta(days=1) else 1
        if run >= longest:
            longest, longest_end = run, d
    last_30 = sum(1 for d in noted if today - timedelta(days=29) <= d)
    return Streaks(current, longest, longest_end, last_30, len(noted))


def month_grid(year: int, month: int) -> list[list[date | None]]:
    """Weeks (Monday first) of a month; None pads the days of other months."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [[d if d.month == month else None for d in week] for week in weeks]


def year_pixels(year: int, moods: dict[date, float]) -> list[list[float | None]]:
    """12 rows (months) of 31 cells: the day's mean mood, None for no check-in or no such day
    (see `year_cell_exists`)."""
    rows: list[list[float | None]] = []
    for month in range(1, 13):
        days = calendar.monthrange(year, month)[1]
        rows.append([moods.get(date(year, month, d)) if d <= days else None
                     for d in range(1, 32)])
    return rows


def year_cell_exists(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def day_moods(records: Sequence[DayRecord]) -> dict[date, float]:
    return {r.day: m for r in records if (m := r.mood) is not None}
