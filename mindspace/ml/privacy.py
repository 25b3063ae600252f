"""Differential-privacy noise for research exports, with OpenDP's measurements.

`noisy_counts` adds discrete Laplace (geometric) noise to integer counts and `noisy_sums` adds
Laplace noise to sums of clamped values. Each takes the L1 `sensitivity` of the whole vector
(one record changes at most that much in total, since it falls in one week) and the `epsilon`
that release may use; the noise scale is `sensitivity / epsilon`, and the OpenDP measurement's
own privacy map is checked to be within `epsilon` before anything is released. Any thread.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

_lock = threading.Lock()
_enabled = False


def _dp() -> Any:
    global _enabled
    import opendp.prelude as dp

    with _lock:
        if not _enabled:
            dp.enable_features("contrib")
            _enabled = True
    return dp


def scale_for(sensitivity: float, epsilon: float) -> float:
    if epsilon <= 0 or sensitivity <= 0:
        raise ValueError("sensitivity and epsilon must be positive")
    return float(sensitivity) / float(epsilon)


@lru_cache(maxsize=64)
def _count_measurement(scale: float) -> Any:
    dp = _dp()
    return dp.m.make_geometric(
        dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int), scale=scale
    )


@lru_cache(maxsize=64)
def _sum_measurement(scale: float) -> Any:
    dp = _dp()
    return dp.m.make_laplace(
        dp.vector_domain(dp.atom_domain(T=float, nan=False)), dp.l1_distance(T=float),
        scale=scale,
    )


def _checked(measurement: Any, sensitivity: float, epsilon: float) -> Any:
    spent = float(measurement.map(sensitivity))
    if spent > epsilon * (1 + 1e-9):
        raise ValueError(f"the measurement spends {spent} > epsilon {epsilon}")
    return measurement


def noisy_counts(values: Sequence[int], sensitivity: int, epsilon: float) -> list[int]:
    """`values` + geometric noise of scale sensitivity/epsilon (epsilon-DP for L1 distance
    `sensitivity`)."""
    if not values:
        return []
    m = _checked(_count_measurement(scale_for(sensitivity, epsilon)), int(sensitivity), epsilon)
    return [int(v) for v in m([int(v) for v in values])]


def noisy_sums(values: Sequence[float], sensitivity: float, epsilon: float) -> list[float]:
    """`values` + Laplace noise of scale sensitivity/epsilon."""
    if not values:
        return []
    if not all(math.isfinite(v) for v in values):
        raise ValueError("sums must be finite")
    m = _checked(_sum_measurement(scale_for(sensitivity, epsilon)), float(sensitivity), epsilon)
    return [float(v) for v in m([float(v) for v in values])]
