"""The Today summary over a real vault: greeting, days noted, latest entries, suggestion."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mindspace.app import AppServices
from mindspace.app.today import (
    SUGGESTIONS,
    UNTITLED,
    greeting,
    streak_text,
    suggestion_for,
    today_summary,
)

NOW = datetime(2026, 3, 12, 20, 30)


@pytest.mark.parametrize(
    ("hour", "expected"),
    [(4, "Good evening"), (5, "Good morning"), (11, "Good morning"), (12, "Good afternoon"),
     (17, "Good afternoon"), (18, "Good evening"), (23, "Good evening")],
)
def test_greeting_by_time_of_day(hour: int, expected: str) -> None:
    assert greeting(NOW.replace(hour=hour)) == expected


def test_streak_text_is_kind() -> None:
    assert streak_text(4) == "You have checked in on 4 of the last 7 days."
    assert streak_text(1, noted_today=True) == (
        "You have checked in on 1 of the last 7 days. Today is already noted."
    )
    assert streak_text(1) == "You have checked in on 1 of the last 7 days."
    empty = streak_text(0)
    assert "that is fine" in empty
    for text in (empty, streak_text(3), streak_text(7, True)):
        for word in ("missed", "broke", "lost", "only", "fail"):
            assert word not in text.lower()


def test_suggestion_is_fixed_per_day_and_changes_between_days() -> None:
    day = NOW.date()
    assert suggestion_for(day) == suggestion_for(day) in SUGGESTIONS
    week = {suggestion_for(day + timedelta(days=i)) for i in range(len(SUGGESTIONS))}
    assert week == set(SUGGESTIONS)


def test_empty_vault(open_services: AppServices) -> None:
    summary = today_summary(open_services, NOW)
    assert summary.greeting == "Good evening"
    assert summary.today == NOW.date()
    assert summary.active_days == () and not summary.noted_today
    assert summary.recent == ()
    assert summary.due_questionnaires == ()
    assert summary.suggestion == suggestion_for(NOW.date())
    assert "that is fine" in summary.streak_text


def test_days_noted_and_recent_entries(open_services: AppServices) -> None:
    journal, mood = open_services.journal, open_services.mood
    journal.add("Long ago", "outside the window", entry_at=NOW - timedelta(days=7))
    journal.add("Two entries", "same day", entry_at=NOW - timedelta(days=2, hours=1))
    journal.add("", "# A heading first\nthen words", entry_at=NOW - timedelta(days=2))
    mood.add(4, checkin_at=NOW - timedelta(days=6))  # first day of the window
    mood.add(2, checkin_at=NOW - timedelta(days=2, hours=3))  # same day as the entries
    mood.add(3, checkin_at=NOW.replace(hour=0, minute=0))
    mood.add(5, checkin_at=NOW + timedelta(days=1))  # tomorrow: not counted
    summary = today_summary(open_services, NOW)
    day = NOW.date()
    assert summary.active_days == (
        day - timedelta(days=6), day - timedelta(days=2), day
    )
    assert summary.noted_today
    assert summary.streak_text == (
        "You have checked in on 3 of the last 7 days. Today is already noted."
    )
    assert [(r.title, r.day) for r in summary.recent] == [
        ("A heading first", day - timedelta(days=2)),
        ("Two entries", day - timedelta(days=2)),
        ("Long ago", day - timedelta(days=7)),
    ]
    ids = {e.title: e.id for e in journal.list()}
    assert summary.recent[1].entry_id == ids["Two entries"]


def test_untitled_entry_without_words(open_services: AppServices) -> None:
    open_services.journal.add("", "   \n***", entry_at=NOW)
    [recent] = today_summary(open_services, NOW).recent
    assert recent.title == UNTITLED


def test_due_questionnaires_follow_the_schedule(open_services: AppServices) -> None:
    from datetime import timedelta

    measures = open_services.measures()
    measures.record("phq9", [0] * 9, taken_at=NOW - timedelta(days=20))
    measures.record("who5", [3] * 5, taken_at=NOW - timedelta(days=2))
    assert today_summary(open_services, NOW).due_questionnaires == ("PHQ-9",)
    measures.set_schedule("phq9", 28)
    assert today_summary(open_services, NOW).due_questionnaires == ()
