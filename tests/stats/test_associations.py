"""Which factors go with mood: a known effect is found with the right interval, thirty
unrelated activities produce no more false findings than the false-discovery rate allows."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from mindspace.stats.associations import FDR_Q, MIN_DAYS, associations
from tests.stats.helpers import effect_days, null_days


def test_a_known_effect_is_found_with_figures_that_match_scipy() -> None:
    days = effect_days(np.random.default_rng(1), effect=1.0, n=70)
    result = associations(days)
    walk = next(a for a in result.tested if a.factor.name == "walk")
    with_ = [d.mood for d in days if "walk" in d.activities]
    without = [d.mood for d in days if "walk" not in d.activities]
    ref = stats.ttest_ind(with_, without, equal_var=False)
    ci = ref.confidence_interval()
    assert (walk.n_with, walk.n_without) == (len(with_), len(without))
    assert walk.p == pytest.approx(ref.pvalue, rel=1e-7)
    assert (walk.low, walk.high) == pytest.approx((ci.low, ci.high), rel=1e-7)
    qs = stats.false_discovery_control([a.p for a in result.tested])
    assert [a.q for a in result.tested] == pytest.approx(list(qs))
    assert walk.finding and walk.low <= 1.0 <= walk.high
    assert "went with a better mood" in walk.text() and "cause" not in walk.text()
    assert walk in result.findings


def test_the_effect_is_found_in_most_seeds() -> None:
    found = sum(
        any(a.factor.name == "walk" for a in associations(
            effect_days(np.random.default_rng(seed), effect=1.0)).findings)
        for seed in range(40)
    )
    assert found >= 36


def test_no_effect_gives_no_more_false_findings_than_the_rate_allows() -> None:
    """All 30 activities, two emotions and sleep are unrelated to mood: BH at q controls the
    chance of any false finding at about q (independent tests)."""
    seeds = 200
    with_any = 0
    tested = 0
    for seed in range(seeds):
        result = associations(null_days(np.random.default_rng(1000 + seed)))
        tested += len(result.tested)
        with_any += bool(result.findings)
    assert tested / seeds >= 30  # the activities really were compared
    rate = with_any / seeds
    assert rate <= FDR_Q + 3 * np.sqrt(FDR_Q * (1 - FDR_Q) / seeds)


def test_unadjusted_tests_would_find_spurious_links() -> None:
    """The control matters: without it most runs would report something."""
    naive = sum(
        any(a.p < 0.05 for a in associations(null_days(np.random.default_rng(s))).tested)
        for s in range(40)
    )
    assert naive >= 30


def test_nothing_is_tested_below_the_minimum_of_days() -> None:
    days = effect_days(np.random.default_rng(2), effect=2.0, n=8)
    result = associations(days)
    for a in result.tested:
        assert a.n_with >= MIN_DAYS and a.n_without >= MIN_DAYS
    for u in result.untested:
        assert u.n_with < MIN_DAYS or u.n_without < MIN_DAYS
        assert "at least 5 days with and 5 without" in u.to_json()["reason"]
    assert associations([]).summary().startswith("Not enough days yet")


def test_days_without_activities_noted_are_not_days_without() -> None:
    days = effect_days(np.random.default_rng(4), effect=1.0, n=40)
    for d in days[:10]:
        d.activities = set()
    walk = next(a for a in associations(days).tested if a.factor.name == "walk")
    assert walk.n_with + walk.n_without == 30
