"""The insights report over a real vault: every part is filled from stored records."""

from __future__ import annotations

import json
from datetime import date, timedelta

from mindspace.app import AppServices
from mindspace.app.insights_data import day_records, register_trend_source, samples
from mindspace.app.insights_report import build_report
from mindspace.stats.trends import Sample
from tests.app.insights_vault import fill_vault

TODAY = date(2026, 5, 20)  # a Wednesday


def test_report_over_generated_days(open_services: AppServices) -> None:
    fill_vault(open_services, TODAY)
    report = build_report(open_services, TODAY)
    assert report.streaks.current == 90 and report.streaks.longest == 90
    assert len(report.records) == 90
    friends = next(a for a in report.associations.tested if a.factor.name == "friends")
    assert friends.finding and friends.diff > 0 and friends.low > 0
    assert not any(a.factor.name == "reading" for a in report.associations.findings)
    mood = report.forecasts["mood"]
    assert mood.shown, mood.reason
    assert mood.for_day == TODAY + timedelta(days=1)
    assert {"sleep last night", "walk today"} & {s.name for s in mood.signals}
    assert not report.forecasts["energy"].shown  # energy was noise
    assert report.helped.source == "feedback"
    assert report.helped.items[0].name == "A short walk" and report.helped.items[0].tried == 13
    assert report.helped.items[0].when == "usually in the evening"
    review = report.review
    assert review.start == date(2026, 5, 18) and review.days_noted == 3
    assert review.reread and all(review.start <= r.day <= review.end for r in review.reread)
    assert review.suggestion  # from the friends finding
    assert "friends" in review.suggestion
    weeks = report.weeks
    assert len(weeks) == 12 and weeks[-1].by_source.get("voice", 0) >= 0
    assert sum(p.by_source.get("journal", 0) for p in weeks) > 0
    json.dumps(report.to_json())  # all of it is JSON


def test_an_empty_vault_says_what_is_missing(open_services: AppServices) -> None:
    report = build_report(open_services, TODAY)
    assert report.streaks.text().startswith("Nothing noted yet")
    assert report.associations.summary().startswith("Not enough days yet")
    assert all(f.reason.startswith("Not enough data yet") for f in report.forecasts.values())
    assert report.helped.source == "none"
    assert report.review.numbers_text().endswith("nothing noted this week, and that is fine.")
    assert day_records(open_services) == []


def test_a_new_source_feeds_the_trends(open_services: AppServices) -> None:
    from mindspace.app import insights_data

    def chat(_services: AppServices, start: date, end: date) -> list[Sample]:
        return [Sample(TODAY, "chat", {"joy": 1.0}, 0.9)] if start <= TODAY <= end else []

    saved = dict(insights_data.TREND_SOURCES)
    try:
        register_trend_source("chat", chat)
        assert [s.source for s in samples(open_services, TODAY, TODAY)] == ["chat"]
        report = build_report(open_services, TODAY)
        assert report.weeks[-1].by_source == {"chat": 1}
        assert report.weeks[-1].shares == {"joy": 1.0}
    finally:
        insights_data.TREND_SOURCES.clear()
        insights_data.TREND_SOURCES.update(saved)
