"""Streaks counted kindly, calendars and trends by week and month."""

from __future__ import annotations

from datetime import date, timedelta

from mindspace.stats.days import DayRecord, month_grid, streaks, year_pixels
from mindspace.stats.trends import Sample, describe, period_label, trends

TODAY = date(2026, 5, 20)


def _days(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=o) for o in offsets]


def test_current_run_counts_while_today_is_still_open() -> None:
    s = streaks(_days(1, 2, 3), TODAY)
    assert (s.current, s.longest) == (3, 3)
    assert "last 3 days in a row" in s.text() and "missed" not in s.text()


def test_a_gap_starts_a_new_run_and_is_said_kindly() -> None:
    s = streaks(_days(3, 4, 5, 6, 10, 11), TODAY)
    assert (s.current, s.longest, s.noted_last_30) == (0, 4, 6)
    assert s.longest_end == TODAY - timedelta(days=3)
    text = s.text()
    assert "A missed day is fine" in text and "broke" not in text and "lost" not in text
    assert streaks([], TODAY).text().startswith("Nothing noted yet")


def test_future_days_do_not_count() -> None:
    assert streaks([TODAY + timedelta(days=1), TODAY], TODAY).current == 1


def test_month_grid_and_year_pixels() -> None:
    grid = month_grid(2026, 2)
    assert all(len(w) == 7 for w in grid)
    assert [d for w in grid for d in w if d is not None][-1] == date(2026, 2, 28)
    assert grid[0][6] == date(2026, 2, 1)  # a Sunday, Monday first
    rows = year_pixels(2026, {date(2026, 2, 3): 4.0})
    assert rows[1][2] == 4.0 and rows[1][28] is None and len(rows) == 12


def test_day_record_means() -> None:
    rec = DayRecord(TODAY, moods=[2, 4], energies=[3])
    assert rec.mood == 3.0 and rec.energy == 3.0 and rec.noted
    assert not DayRecord(TODAY).noted


def test_weekly_and_monthly_trends_from_any_source() -> None:
    samples = [
        Sample(date(2026, 5, 4), "journal", {"sadness": 0.8, "joy": 0.2}, -0.5),
        Sample(date(2026, 5, 5), "transcript", {"sadness": 0.6, "joy": 0.4}, -0.2, 0.7),
        Sample(date(2026, 5, 12), "chat", {"joy": 0.9, "sadness": 0.1}, 0.6),
    ]
    moods = {date(2026, 5, 4): 2.0, date(2026, 5, 12): 4.0}
    weeks = trends(samples, moods, "week", date(2026, 5, 1), date(2026, 5, 17))
    assert [w.start for w in weeks] == [date(2026, 4, 27), date(2026, 5, 4), date(2026, 5, 11)]
    assert weeks[0].samples == 0
    assert weeks[1].by_source == {"journal": 1, "transcript": 1}
    assert abs(weeks[1].shares["sadness"] - 0.7) < 1e-9 and weeks[1].arousal == 0.7
    assert weeks[2].by_source == {"chat": 1} and weeks[2].mood == 4.0
    text = describe(weeks, "week")
    assert "Joy rose by 60 points since the week of 4 May 2026" in text
    assert "Sadness fell" in text and "Average mood 2.0 then 4.0" in text
    months = trends(samples, moods, "month", date(2026, 3, 1), date(2026, 5, 31))
    assert [m.label for m in months] == ["March 2026", "April 2026", "May 2026"]
    assert months[2].samples == 3 and months[2].end == date(2026, 5, 31)
    assert period_label(date(2026, 5, 4), "week") == "Week of 4 May 2026"
    assert describe([], "month") == "Nothing analysed in these months yet."
