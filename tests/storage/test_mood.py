from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from mindspace.app import AppServices
from mindspace.core.errors import ValidationError
from mindspace.storage.errors import NotFoundError


def test_checkin_round_trip_edit_delete(open_services: AppServices) -> None:
    repo = open_services.mood
    c = repo.add(4, 2, ["calm", "Calm", "grateful"], ["walk"], 7.5, "nice day")
    assert c.emotions == ["calm", "grateful"]
    assert c.mood_word == "Good"
    c2 = repo.update(c.id, mood=2, note="changed")
    assert (c2.mood, c2.note, c2.energy) == (2, "changed", 2)
    repo.delete(c.id)
    with pytest.raises(NotFoundError):
        repo.get(c.id)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"mood": 9},
        {"mood": 0},
        {"mood": 3, "energy": 6},
        {"mood": 3, "sleep_hours": 25.0},
        {"mood": 3, "sleep_hours": -1.0},
        {"mood": 3, "note": "x" * 3000},
    ],
)
def test_bad_values_are_refused(open_services: AppServices, kwargs: dict) -> None:
    with pytest.raises(ValidationError):
        open_services.mood.add(**kwargs)
    assert open_services.mood.list() == []


def test_update_rejects_bad_values_and_keeps_data(open_services: AppServices) -> None:
    c = open_services.mood.add(3)
    with pytest.raises(ValidationError):
        open_services.mood.update(c.id, mood=7)
    assert open_services.mood.get(c.id).mood == 3


def test_thirty_day_average(open_services: AppServices) -> None:
    today = datetime(2026, 5, 31, 20, 0)
    open_services.mood.add(2, checkin_at=today)
    open_services.mood.add(4, checkin_at=today.replace(hour=8))
    open_services.mood.add(5, checkin_at=today - timedelta(days=3))
    open_services.mood.add(1, checkin_at=today - timedelta(days=40))
    series = open_services.mood.daily_average(30, today=today)
    assert len(series) == 30
    assert series[-1] == ("2026-05-31", 3.0)
    assert series[-4] == ("2026-05-28", 5.0)
    assert sum(1 for _, v in series if v is not None) == 2


def test_vocabularies_are_editable(open_services: AppServices) -> None:
    assert "calm" in open_services.mood.vocabulary("emotion")
    open_services.mood.set_vocabulary("activity", ["swim", "  ", "Swim", "garden"])
    assert open_services.mood.vocabulary("activity") == ["swim", "garden"]
    with pytest.raises(ValidationError):
        open_services.mood.set_vocabulary("colour", ["red"])
