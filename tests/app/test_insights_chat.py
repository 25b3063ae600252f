"""The companion's conversations in the insights, over a real vault and the real text models:
chat messages feed the weekly and monthly trends, finished exercises feed "what helped"."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from mindspace.app import AppServices
from mindspace.app.insights_chat import exercises_helped
from mindspace.app.insights_report import build_report
from mindspace.core.chat import ChatMessage, ExerciseResult
from mindspace.storage.chat import ChatRepository

TODAY = date(2026, 5, 20)  # a Wednesday
SAD = "I feel so sad and lonely tonight, I miss her terribly and I keep crying."
HAPPY = "Today was wonderful, I laughed with my friends and I feel really happy."


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour)


def _thought_record(when: datetime, before: int, after: int) -> ExerciseResult:
    return ExerciseResult(f"tr-{when:%Y%m%d%H}", "thought-record",
                          f"Thought record, {when:%Y-%m-%d}",
                          (("Situation", "a hard meeting"),), when, "anxious", before, after)


def _fill_chat(services: AppServices) -> ChatRepository:
    store = ChatRepository(services.vault.db)
    last_week = TODAY - timedelta(days=7)
    store.create("c1", _at(last_week, 20), {})
    store.append("c1", [
        ChatMessage("user", SAD, _at(last_week, 20)),
        ChatMessage("companion", "That sounds really hard.", _at(last_week, 20), "support"),
        ChatMessage("user", "70", _at(last_week, 20)),  # an exercise's rating: not a reading
    ], {}, _thought_record(_at(last_week, 21), 80, 40))
    store.create("c2", _at(TODAY, 19), {})
    store.append("c2", [ChatMessage("user", HAPPY, _at(TODAY, 19))], {},
                 _thought_record(_at(TODAY, 20), 60, 30))
    store.append("c2", [], {}, ExerciseResult(
        "br-1", "breathing", "Breathing, 2026-05-20", (), _at(TODAY, 8)))
    return store


def test_chat_feeds_the_trends_and_what_helped(open_services: AppServices) -> None:
    _fill_chat(open_services)
    report = build_report(open_services, TODAY)
    this_week, last_week = report.weeks[-1], report.weeks[-2]
    assert this_week.by_source == {"chat": 1} and last_week.by_source == {"chat": 1}
    assert this_week.shares["joy"] > 0.5 > this_week.negative
    assert last_week.negative > 0.5 > last_week.shares.get("joy", 0.0)
    assert report.months[-1].by_source == {"chat": 2}
    assert "Joy rose" in report.weeks_text
    helped = report.helped
    assert helped.source == "exercises" and not helped.items
    first = helped.exercises[0]
    assert first.exercise == "thought-record" and first.name == "Thought record"
    assert (first.rated, first.eased, first.before, first.after) == (2, 2, 70.0, 35.0)
    assert first.last == TODAY and first.when == "usually in the evening"
    assert "eased in 2 of 2" in helped.text() and "Breathing: finished once" in helped.text()
    data = report.to_json()
    assert data["trends"]["weeks"][-1]["by_source"] == {"chat": 1}
    assert data["what_helped"]["exercises"][0]["mean_after"] == 35.0
    json.dumps(data)


def test_readings_are_kept_in_memory_and_dropped_on_lock(open_services: AppServices,
                                                         passphrase: str) -> None:
    _fill_chat(open_services)
    readings = open_services.chat_readings()
    first = readings.samples(TODAY - timedelta(days=30), TODAY)
    assert [s.source for s in first] == ["chat", "chat"]
    assert readings.samples(TODAY - timedelta(days=30), TODAY) == first  # from memory
    assert readings.samples(TODAY, TODAY) == first[1:]
    open_services.lock()
    open_services.unlock(passphrase)
    assert open_services.chat_readings() is not readings


def test_deleted_conversations_leave_the_trends(open_services: AppServices) -> None:
    store = _fill_chat(open_services)
    open_services.chat_readings().samples(TODAY - timedelta(days=30), TODAY)
    store.delete("c1")
    report = build_report(open_services, TODAY)
    assert report.weeks[-2].by_source == {}
    # its finished exercise stays (ratings feed insights), as the chat storage documents
    assert report.helped.exercises[0].rated == 2


def test_exercises_without_ratings_and_a_feeling_that_did_not_ease() -> None:
    when = _at(TODAY, 10)
    worse = _thought_record(when, 30, 50)
    lines = exercises_helped([worse])
    assert lines[0].eased == 0 and lines[0].when == ""
    assert "eased in 0 of 1" in lines[0].text()
    assert exercises_helped([]) == []
