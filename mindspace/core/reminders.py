"""When the daily check-in reminder fires next (pure; no clock, no Qt).

The user picks a wall-clock time and the weekdays to skip ("quiet days", 0 = Monday ... 6 =
Sunday). `next_reminder` gives the first moment strictly after `now` that is that time on a day
that is not quiet, in `now`'s time zone. Daylight-saving changes follow the wall clock: on the
night the clocks go forward a time that does not exist (02:30) fires when the clock reaches the
same distance past the change (03:30); on the night they go back, a time that happens twice
fires the first time only. The text shown never holds anything the user wrote.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, time, timedelta

REMINDER_TITLE = "MindSpace"
REMINDER_TEXT = "Time for your check-in"
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def parse_clock(text: str) -> time:
    """``"20:00"`` -> time(20, 0); ValueError for anything else."""
    hours, sep, minutes = text.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(f"not a time like 20:00: {text!r}")
    return time(int(hours), int(minutes))


def _wall_clock(day: datetime, at: time) -> datetime:
    """`at` on `day`'s date in `day`'s zone, moved past a gap if the clocks skipped it."""
    local = day.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0, fold=0)
    if local.tzinfo is None:
        return local
    normalised = local.astimezone(UTC).astimezone(local.tzinfo)
    return normalised if normalised.replace(tzinfo=None) != local.replace(tzinfo=None) else local


def next_reminder(
    now: datetime, at: time, quiet_days: frozenset[int] | set[int]
) -> datetime | None:
    """The next reminder strictly after `now` (aware or naive, in its own zone), or None when
    every day of the week is quiet."""
    quiet = {d for d in quiet_days if 0 <= d <= 6}
    if len(quiet) == 7:
        return None
    for offset in range(8):
        day = now + timedelta(days=offset) if now.tzinfo is None else (
            datetime.combine(now.date() + timedelta(days=offset), time(12), tzinfo=now.tzinfo)
        )
        if day.weekday() in quiet:
            continue
        fire = _wall_clock(day, at)
        if fire > now:
            return fire
    return None  # pragma: no cover - eight days always hold a day that is not quiet


def milliseconds_until(now: datetime, fire: datetime) -> int:
    """Whole milliseconds from `now` to `fire`, rounded up (at least 0), for a timer."""
    if now.tzinfo is not None and fire.tzinfo is not None:
        delta = fire.astimezone(UTC) - now.astimezone(UTC)
    else:
        delta = fire - now
    return max(0, math.ceil(delta / timedelta(milliseconds=1)))
