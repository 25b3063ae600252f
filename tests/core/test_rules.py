"""Value rules written once in core.rules and used by every layer."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mindspace.core import rules
from mindspace.core.errors import ValidationError
from mindspace.core.validation import check_scale


@pytest.mark.parametrize("value", [1, 3, 5])
def test_scale_accepts_whole_numbers_in_range(value: int) -> None:
    assert rules.on_scale(value)
    assert check_scale(value, "mood") == value


@pytest.mark.parametrize("value", [0, 6, -1, 2.5, True, "3", None])
def test_scale_refuses_everything_else(value: object) -> None:
    assert not rules.on_scale(value)
    with pytest.raises(ValidationError, match="mood"):
        check_scale(value, "mood")  # type: ignore[arg-type]


def test_scale_values_run_from_min_to_max() -> None:
    assert rules.SCALE_VALUES == (1, 2, 3, 4, 5)


@pytest.mark.parametrize(
    ("level", "opens"), [("none", False), ("concern", True), ("urgent", True), (None, False),
                         ("URGENT", False), ("", False)]
)
def test_support_panel_opens_for_concern_and_urgent_only(level: str | None, opens: bool) -> None:
    assert rules.opens_support_panel(level) is opens


def test_every_level_that_opens_the_panel_is_a_known_level() -> None:
    assert set(rules.CRISIS_LEVELS) > rules.SUPPORT_PANEL_LEVELS


@pytest.mark.parametrize(
    ("value", "day", "minute"),
    [
        (datetime(2026, 12, 5, 14, 30, 59), "2026-12-05", "2026-12-05 14:30"),
        (date(2026, 1, 2), "2026-01-02", "2026-01-02"),
        ("2026-03-04T05:06:07+00:00", "2026-03-04", "2026-03-04 05:06"),
        ("2026-03-04", "2026-03-04", "2026-03-04 00:00"),
        ("", "", ""),
        ("not a date", "", ""),
    ],
)
def test_dates_format_one_way(value: object, day: str, minute: str) -> None:
    assert rules.format_day(value) == day  # type: ignore[arg-type]
    assert rules.format_minute(value) == minute  # type: ignore[arg-type]


def test_sample_rate_is_16_khz() -> None:
    assert rules.SAMPLE_RATE == 16_000
