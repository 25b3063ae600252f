"""The comparison figures against scipy.stats on generated data."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from mindspace.stats.compare import benjamini_hochberg, bh_adjusted, compare, hedges_g, welch


@pytest.mark.parametrize("seed", range(8))
def test_welch_matches_scipy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.normal(3.4, 0.9, rng.integers(5, 40))
    b = rng.normal(3.0, 0.6, rng.integers(5, 40))
    diff, low, high, t, df, p = welch(a, b)
    ref = stats.ttest_ind(a, b, equal_var=False)
    ci = ref.confidence_interval(0.95)
    assert diff == pytest.approx(a.mean() - b.mean())
    assert t == pytest.approx(ref.statistic, rel=1e-9)
    assert df == pytest.approx(ref.df, rel=1e-9)
    assert p == pytest.approx(ref.pvalue, rel=1e-7)
    assert (low, high) == pytest.approx((ci.low, ci.high), rel=1e-7)


def test_hedges_g_matches_the_textbook_formula() -> None:
    rng = np.random.default_rng(3)
    a, b = rng.normal(1.0, 1.0, 12), rng.normal(0.0, 1.0, 9)
    g, low, high = hedges_g(a, b)
    sp = np.sqrt(((11 * a.var(ddof=1)) + 8 * b.var(ddof=1)) / 19)
    d = (a.mean() - b.mean()) / sp
    expected = d * (1 - 3 / (4 * 21 - 9))
    se = np.sqrt(21 / (12 * 9) + expected**2 / 42)
    assert g == pytest.approx(expected)
    z = stats.norm.ppf(0.975)
    assert (low, high) == pytest.approx((expected - z * se, expected + z * se))


def test_interval_covers_a_known_difference_about_95_percent_of_the_time() -> None:
    rng = np.random.default_rng(11)
    hits = 0
    runs = 400
    for _ in range(runs):
        r = compare(rng.normal(0.7, 1.0, 15), rng.normal(0.0, 1.5, 20))
        hits += r.low <= 0.7 <= r.high
    assert 0.92 <= hits / runs <= 0.98


@pytest.mark.parametrize("seed", range(6))
def test_bh_matches_scipy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    p = np.concatenate([rng.uniform(size=25), rng.uniform(0, 0.01, size=5)])
    rng.shuffle(p)
    assert bh_adjusted(p) == pytest.approx(list(stats.false_discovery_control(p)))
    ours = benjamini_hochberg(p, 0.10)
    assert ours == list(stats.false_discovery_control(p) <= 0.10)


def test_constant_groups_and_tiny_groups() -> None:
    assert welch([3, 3, 3], [3, 3])[5] == 1.0
    assert welch([4, 4, 4], [3, 3])[5] == 0.0
    with pytest.raises(ValueError):
        welch([1], [1, 2])
    assert bh_adjusted([]) == []
