"""The next reminder: time of day, quiet days, the wall clock across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from mindspace.core.reminders import (
    REMINDER_TEXT,
    milliseconds_until,
    next_reminder,
    parse_clock,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def test_later_today_or_tomorrow() -> None:
    now = datetime(2024, 5, 15, 9, 0, tzinfo=BERLIN)  # a Wednesday
    assert next_reminder(now, time(20, 0), set()) == datetime(2024, 5, 15, 20, 0, tzinfo=BERLIN)
    late = datetime(2024, 5, 15, 20, 0, tzinfo=BERLIN)  # exactly at the time: the next day
    assert next_reminder(late, time(20, 0), set()) == datetime(2024, 5, 16, 20, 0, tzinfo=BERLIN)


def test_quiet_days_are_skipped() -> None:
    friday_night = datetime(2024, 5, 17, 21, 0, tzinfo=BERLIN)
    weekend = {5, 6}
    assert next_reminder(friday_night, time(20, 0), weekend) == datetime(
        2024, 5, 20, 20, 0, tzinfo=BERLIN
    )  # Monday
    only_sunday = set(range(6))
    assert next_reminder(friday_night, time(8, 30), only_sunday) == datetime(
        2024, 5, 19, 8, 30, tzinfo=BERLIN
    )
    assert next_reminder(friday_night, time(8, 30), set(range(7))) is None


def test_spring_forward_gap_fires_after_the_change() -> None:
    # 31 March 2024: Berlin clocks jump from 02:00 to 03:00
    before = datetime(2024, 3, 30, 23, 0, tzinfo=BERLIN)
    fire = next_reminder(before, time(2, 30), set())
    assert fire is not None and (fire.hour, fire.minute, fire.day) == (3, 30, 31)
    assert fire.utcoffset().total_seconds() == 7200  # type: ignore[union-attr]
    assert milliseconds_until(before, fire) == 3 * 3_600_000 + 30 * 60_000


def test_fall_back_fires_once_at_the_first_occurrence() -> None:
    # 3 November 2024: New York clocks go from 02:00 back to 01:00
    before = datetime(2024, 11, 2, 22, 0, tzinfo=NEW_YORK)
    fire = next_reminder(before, time(1, 30), set())
    assert fire is not None and fire.fold == 0
    assert fire.astimezone(UTC) == datetime(2024, 11, 3, 5, 30, tzinfo=UTC)  # still EDT
    after_first = datetime(2024, 11, 3, 5, 31, tzinfo=UTC).astimezone(NEW_YORK)  # 01:31 EDT
    again = next_reminder(after_first, time(1, 30), set())
    assert again is not None and again.date().day == 4  # not a second time the same night
    # the day after the change is a normal 24-hour wall-clock day
    evening = next_reminder(before, time(20, 0), set())
    assert evening == datetime(2024, 11, 2, 22, 0, tzinfo=NEW_YORK).replace(day=3, hour=20)
    assert milliseconds_until(before, evening) == 23 * 3_600_000  # type: ignore[arg-type]


def test_naive_times_and_clock_parsing() -> None:
    now = datetime(2024, 5, 15, 21, 0)
    assert next_reminder(now, time(7, 5), set()) == datetime(2024, 5, 16, 7, 5)
    assert parse_clock("07:05") == time(7, 5)
    for bad in ("7", "25:00", "7:5", "ab:cd", ""):
        with pytest.raises(ValueError):
            parse_clock(bad)
    assert "check-in" in REMINDER_TEXT
