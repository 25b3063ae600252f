"""Questionnaires through the real vault: store, compare with last time, schedule, due."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mindspace.app.measures import DEFAULT_DAYS
from mindspace.core.errors import ValidationError


def test_record_scores_stores_and_compares(open_services):
    measures = open_services.measures()
    first = measures.record("phq9", [2, 2, 2, 2, 2, 2, 1, 2, 0],
                            taken_at=datetime(2026, 1, 1, 9))
    assert (first.score.total, first.score.band_short, first.change) == (15, "moderately severe",
                                                                         None)
    assert first.record.score == 15 and first.record.item9 == 0
    second = measures.record("phq9", [1, 1, 1, 1, 1, 1, 1, 1, 0], functional=1,
                             taken_at=datetime(2026, 1, 15, 9))
    assert second.score.total == 8 and second.reliable_change == "improved"
    assert second.change is not None and second.change.previous == 15
    assert second.record.functional == 1
    row = second.to_json()
    assert row["reliable_change"] == "improved" and row["short_forms"][0]["instrument"] == "phq2"
    history = measures.history("phq9")
    assert [h.score.total for h in history] == [15, 8]
    assert [h.reliable_change for h in history] == [None, "improved"]


def test_item9_is_stored_and_flagged(open_services):
    result = open_services.measures().record("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 1])
    assert result.score.safety_followup and result.score.band_short == "minimal"
    stored = open_services.measures().repository.get(result.record.id)
    assert stored.item9 == 1 and stored.safety_followup


def test_incomplete_form_is_kept_without_a_total(open_services):
    measures = open_services.measures()
    measures.record("gad7", [1] * 7, taken_at=datetime(2026, 2, 1))
    partial = measures.record("gad7", [1, None, 1, 1, 1, 1, 1], taken_at=datetime(2026, 2, 20))
    assert partial.score.total is None and partial.change is None
    assert partial.record.score is None and partial.record.band is None
    nxt = measures.record("gad7", [3] * 7, taken_at=datetime(2026, 3, 1))
    assert nxt.change is not None and nxt.change.previous == 7  # compared with the scored one
    assert nxt.reliable_change == "worse"


def test_who5_rise_is_improvement(open_services):
    measures = open_services.measures()
    measures.record("who5", [2, 2, 2, 2, 2], taken_at=datetime(2026, 1, 1))
    later = measures.record("who5", [3, 3, 3, 2, 2], taken_at=datetime(2026, 1, 20))
    assert (later.score.total, later.reliable_change) == (52, "improved")


@pytest.mark.parametrize("answers", [[1, 1], [1] * 8, [4] * 7, [-1] * 7])
def test_bad_answers_leave_nothing_stored(open_services, answers):
    measures = open_services.measures()
    with pytest.raises(ValidationError):
        measures.record("gad7", answers)
    assert measures.history() == []


def test_schedule_and_due(open_services):
    measures = open_services.measures()
    assert measures.schedule() == {"phq9": DEFAULT_DAYS, "gad7": DEFAULT_DAYS,
                                   "who5": DEFAULT_DAYS}
    now = datetime(2026, 5, 1, 12)
    assert measures.due(now) == []  # a new vault asks for nothing
    measures.record("phq9", [0] * 9, taken_at=now - timedelta(days=3))
    measures.record("gad7", [0] * 7, taken_at=now - timedelta(days=15))
    assert [d.instrument for d in measures.due(now)] == ["gad7"]
    measures.set_schedule("who5", 28)  # chosen, never filled in: due now
    assert [d.instrument for d in measures.due(now)] == ["gad7", "who5"]
    measures.set_schedule("who5", 0)
    assert [d.instrument for d in measures.due(now)] == ["gad7"]
    measures.set_schedule("phq9", 7)
    assert [d.instrument for d in measures.due(now + timedelta(days=4))] == ["phq9", "gad7"]
    for bad in (3, 91, -1):
        with pytest.raises(ValidationError):
            measures.set_schedule("phq9", bad)
    assert measures.schedule()["phq9"] == 7


def test_schedule_lives_in_the_vault(open_services, passphrase):
    open_services.measures().set_schedule("gad7", 28)
    open_services.lock()
    open_services.unlock(passphrase)
    assert open_services.measures().schedule()["gad7"] == 28
