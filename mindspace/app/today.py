"""The Today page's figures: a greeting, the days with anything noted, the latest entries and
one gentle suggestion. Pure reads through the repositories (blocking: a worker thread's job).

Days are counted kindly: the summary says how many of the last `WINDOW_DAYS` days have a journal
entry or a mood check-in (voice check-ins keep a journal entry, so they count too). It never
counts a run that breaks, and a missed day is never singled out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from mindspace.app.container import AppServices

WINDOW_DAYS = 7
RECENT_COUNT = 3
UNTITLED = "Untitled entry"

SUGGESTIONS = (
    "Take three slow breaths, a little longer out than in.",
    "Drink a glass of water and stretch your shoulders.",
    "Step outside for five minutes, or open a window for some fresh air.",
    "Send a short message to someone you like.",
    "Write down one small thing that went all right today.",
    "Put on a song you enjoy and just listen.",
    "Rest your eyes for a minute away from the screen.",
    "Plan one kind thing to do for yourself tomorrow.",
)

__all__ = [
    "RECENT_COUNT",
    "SUGGESTIONS",
    "WINDOW_DAYS",
    "RecentEntry",
    "TodaySummary",
    "greeting",
    "streak_text",
    "suggestion_for",
    "today_summary",
]


@dataclass(frozen=True)
class RecentEntry:
    entry_id: str
    title: str  # the entry's title, or its first words, or UNTITLED
    day: date


@dataclass(frozen=True)
class TodaySummary:
    today: date
    greeting: str
    active_days: tuple[date, ...]  # days of the window with an entry or a check-in, oldest first
    noted_today: bool
    recent: tuple[RecentEntry, ...]
    suggestion: str
    due_questionnaires: tuple[str, ...] = field(default=())

    @property
    def active_count(self) -> int:
        return len(self.active_days)

    @property
    def streak_text(self) -> str:
        return streak_text(self.active_count, self.noted_today)


def greeting(now: datetime) -> str:
    """"Good morning" (5-11 h), "Good afternoon" (12-17 h) or "Good evening"."""
    if 5 <= now.hour < 12:
        return "Good morning"
    if 12 <= now.hour < 18:
        return "Good afternoon"
    return "Good evening"


def streak_text(active: int, noted_today: bool = False) -> str:
    """How many of the last days have something noted, said without judgement."""
    if active <= 0:
        return (
            f"Nothing noted in the last {WINDOW_DAYS} days, and that is fine. "
            "One tap on a mood is enough to start."
        )
    text = f"You have checked in on {active} of the last {WINDOW_DAYS} days."
    if noted_today:
        text += " Today is already noted."
    return text


def suggestion_for(day: date) -> str:
    """One suggestion per day, the same all day long."""
    return SUGGESTIONS[day.toordinal() % len(SUGGESTIONS)]


def _title(title: str, body: str) -> str:
    text = title.strip()
    if not text:
        first = next((line.strip() for line in body.splitlines() if line.strip()), "")
        text = first.lstrip("#>*- ").strip()
        if len(text) > 60:
            text = text[:59].rstrip() + "…"
    return text or UNTITLED


def today_summary(services: AppServices, now: datetime | None = None) -> TodaySummary:
    """Read what the Today page shows from the open vault (blocking)."""
    now = now or datetime.now()
    today = now.date()
    start = datetime.combine(today - timedelta(days=WINDOW_DAYS - 1), datetime.min.time())
    end = datetime.combine(today + timedelta(days=1), datetime.min.time())
    days = {e.entry_at.date() for e in services.journal.list(start=start, end=end)}
    days |= {c.checkin_at.date() for c in services.mood.list(start=start, end=end)}
    recent = tuple(
        RecentEntry(e.id, _title(e.title, e.body), e.entry_at.date())
        for e in services.journal.list(limit=RECENT_COUNT)
    )
    return TodaySummary(
        today=today,
        greeting=greeting(now),
        active_days=tuple(sorted(days)),
        noted_today=today in days,
        recent=recent,
        suggestion=suggestion_for(today),
        due_questionnaires=tuple(d.short_name for d in services.measures().due(now)),
    )
