"""Reliable change index (Jacobson & Truax 1991) and the MCID, direction per instrument."""

from __future__ import annotations

import math

import pytest

from mindspace.core.questionnaires import catalog
from mindspace.core.reliable_change import (
    IMPROVED,
    NO_CHANGE,
    WORSE,
    ChangeParameters,
    compare,
    parameters,
    reliable_change_index,
    se_diff_from_sem,
    standard_error_of_difference,
)


def test_worked_example_from_the_literature():
    """Wodrich, "How to Calculate Reliable Change Indexes (RCIs)", Appendix E of an open
    textbook (University of Arizona, opentextbooks.library.arizona.edu/wodrichseas), using the
    Piers-Harris-2 total score SEM of 3.07 (Piers & Herzberg 2002): SE_diff = 4.34, the 95 %
    reliable-change threshold 1.96 x 4.34 = 8.51, and a pre-post change from 24 to 35 (11
    points) is a reliable change."""
    se_diff = se_diff_from_sem(3.07)
    assert se_diff == pytest.approx(4.34, abs=0.005)
    assert 1.96 * se_diff == pytest.approx(8.51, abs=0.01)
    rci = reliable_change_index(24, 35, se_diff)
    assert rci == pytest.approx(11 / 4.34, abs=0.01) and rci > 1.96


def test_sd_form_matches_the_sem_form():
    # SEM = SD * sqrt(1 - r); SE_diff = SD * sqrt(2) * sqrt(1 - r) (Evans, psyctc.org RC page)
    sd, r = 7.6, 0.95
    assert standard_error_of_difference(sd, r) == pytest.approx(
        se_diff_from_sem(sd * math.sqrt(1 - r)))
    assert standard_error_of_difference(sd, r) == pytest.approx(2.403, abs=0.001)


def test_shipped_parameters_give_the_expected_thresholds():
    params = parameters()
    # PHQ-9: SD 3.5 (Kocalevent 2013), alpha 0.89 (Kroenke 2001)
    assert params["phq9"].se_diff == pytest.approx(3.5 * math.sqrt(2) * math.sqrt(0.11))
    assert params["gad7"].se_diff == pytest.approx(3.5 * math.sqrt(2) * math.sqrt(0.11))
    assert params["who5"].se_diff is None


@pytest.mark.parametrize("before, after, verdict", [
    (15, 8, IMPROVED), (8, 15, WORSE), (10, 8, NO_CHANGE), (10, 13, NO_CHANGE),
    (10, 14, WORSE), (14, 10, IMPROVED), (12, 12, NO_CHANGE),
])
def test_phq9_lower_is_better(before, after, verdict):
    change = compare(catalog().get("phq9"), before, after)
    assert change is not None and change.method == "rci"
    assert change.verdict == verdict
    assert change.difference == after - before
    assert change.rci == pytest.approx((after - before) / change.se_diff)
    assert change.mcid_met == (abs(after - before) >= 5)


def test_threshold_is_1_96_standard_errors():
    inst = catalog().get("gad7")
    unit = ChangeParameters(sd=1.0, reliability=0.5)  # SE_diff = 1
    assert compare(inst, 10, 8, unit).verdict == IMPROVED  # type: ignore[union-attr]
    assert compare(inst, 10, 9, unit).verdict == NO_CHANGE  # type: ignore[union-attr]
    assert compare(inst, 9, 11, unit).verdict == WORSE  # type: ignore[union-attr]


@pytest.mark.parametrize("before, after, verdict", [
    (40, 52, IMPROVED), (52, 40, WORSE), (40, 48, NO_CHANGE), (48, 40, NO_CHANGE),
    (60, 100, IMPROVED), (100, 60, WORSE),
])
def test_who5_higher_is_better_with_the_10_point_rule(before, after, verdict):
    change = compare(catalog().get("who5"), before, after)
    assert change is not None and change.method == "mcid"
    assert change.verdict == verdict and change.rci is None
    assert "significant" in change.describe("WHO-5")


def test_short_forms_track_no_change():
    assert compare(catalog().get("phq2"), 1, 5) is None


def test_description_carries_the_numbers():
    text = compare(catalog().get("phq9"), 15, 8).describe("PHQ-9")  # type: ignore[union-attr]
    assert text.startswith("PHQ-9 15 → 8 (-7): improved (RCI -4.26")
    assert "minimal important difference of 5" in text
