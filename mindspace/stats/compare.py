"""Two-group comparisons with 95 % intervals, and Benjamini-Hochberg false-discovery control.

* `welch(a, b)`: mean difference (a - b), Welch's t test (unequal variances), its two-sided p
  value and the Welch-Satterthwaite t interval of the difference. Same figures as
  `scipy.stats.ttest_ind(a, b, equal_var=False)` and its `confidence_interval()`.
* `hedges_g(a, b)`: the standardised difference (pooled SD, small-sample corrected) with the
  usual normal-approximation interval (Hedges & Olkin).
* `benjamini_hochberg(p, q)`: which hypotheses are discoveries at false-discovery rate `q`, and
  the BH-adjusted p values (as `scipy.stats.false_discovery_control(p)`).

Only the t and normal distribution functions come from `scipy.special`; the statistics are
computed here so the tests can check them against `scipy.stats`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

CONFIDENCE = 0.95


@dataclass(frozen=True)
class Difference:
    """Group a minus group b."""

    n_a: int
    n_b: int
    mean_a: float
    mean_b: float
    diff: float
    low: float  # 95 % interval of diff
    high: float
    t: float
    df: float
    p: float
    g: float  # Hedges' g
    g_low: float
    g_high: float


def _t_quantile(prob: float, df: float) -> float:
    return float(special.stdtrit(df, prob))


def _normal_quantile(prob: float) -> float:
    return float(special.ndtri(prob))


def welch(a: Sequence[float], b: Sequence[float],
          confidence: float = CONFIDENCE) -> tuple[float, float, float, float, float, float]:
    """(diff, low, high, t, df, p) of mean(a) - mean(b); needs at least 2 values per group.

    When both groups have no spread at all the test is undefined: p is 1 for equal means and 0
    otherwise, and the interval is the difference itself."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.size < 2 or y.size < 2:
        raise ValueError("each group needs at least two values")
    diff = float(x.mean() - y.mean())
    va, vb = float(x.var(ddof=1)) / x.size, float(y.var(ddof=1)) / y.size
    se2 = va + vb
    if se2 <= 0:
        return diff, diff, diff, math.copysign(math.inf, diff) if diff else 0.0, \
            float(x.size + y.size - 2), 0.0 if diff else 1.0
    se = math.sqrt(se2)
    df = se2**2 / (va**2 / (x.size - 1) + vb**2 / (y.size - 1))
    t = diff / se
    p = float(2.0 * special.stdtr(df, -abs(t)))
    half = _t_quantile(0.5 + confidence / 2, df) * se
    return diff, diff - half, diff + half, t, df, min(1.0, p)


def hedges_g(a: Sequence[float], b: Sequence[float],
             confidence: float = CONFIDENCE) -> tuple[float, float, float]:
    """(g, low, high): (mean a - mean b) / pooled SD times J = 1 - 3 / (4 (na + nb) - 9)."""
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    na, nb = x.size, y.size
    if na < 2 or nb < 2:
        raise ValueError("each group needs at least two values")
    pooled = math.sqrt(((na - 1) * x.var(ddof=1) + (nb - 1) * y.var(ddof=1)) / (na + nb - 2))
    if pooled <= 0:
        return 0.0, 0.0, 0.0
    d = float(x.mean() - y.mean()) / pooled
    g = d * (1.0 - 3.0 / (4.0 * (na + nb) - 9.0))
    se = math.sqrt((na + nb) / (na * nb) + g * g / (2.0 * (na + nb)))
    z = _normal_quantile(0.5 + confidence / 2)
    return g, g - z * se, g + z * se


def compare(a: Sequence[float], b: Sequence[float],
            confidence: float = CONFIDENCE) -> Difference:
    diff, low, high, t, df, p = welch(a, b, confidence)
    g, g_low, g_high = hedges_g(a, b, confidence)
    return Difference(len(a), len(b), float(np.mean(a)), float(np.mean(b)), diff, low, high,
                      t, df, p, g, g_low, g_high)


def bh_adjusted(p_values: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p values (q values), in the input order."""
    p = np.asarray(p_values, dtype=float)
    m = p.size
    if m == 0:
        return []
    order = np.argsort(p)
    ranked = p[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.clip(ranked, 0.0, 1.0)
    return [float(v) for v in out]


def benjamini_hochberg(p_values: Sequence[float], q: float) -> list[bool]:
    """True for each hypothesis rejected by the BH step-up procedure at rate `q`."""
    return [v <= q for v in bh_adjusted(p_values)]
