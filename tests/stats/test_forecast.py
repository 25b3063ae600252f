"""The personal forecast: shown when a real signal beats both simple guesses in the back-test,
never shown without one or with too little data."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from mindspace.stats.forecast import MARGIN, MIN_BACKTEST, MIN_TRAIN, fit_ridge, forecast
from tests.stats.helpers import forecast_days


@pytest.mark.parametrize("seed", range(5))
def test_a_real_signal_is_forecast_and_explained(seed: int) -> None:
    days = forecast_days(np.random.default_rng(seed), 80, signal=True)
    f = forecast(days, "mood", days[-1].day)
    assert f.shown, f.reason
    assert len(f.backtest) >= MIN_BACKTEST
    assert f.mae_model is not None and f.mae_last is not None and f.mae_mean is not None
    assert f.mae_model <= (1 - MARGIN) * min(f.mae_last, f.mae_mean)
    # the back-test errors are what the listed days say they are
    assert f.mae_model == pytest.approx(np.mean([abs(b.actual - b.model) for b in f.backtest]))
    assert f.for_day == days[-1].day + timedelta(days=1)
    assert f.value is not None and 1 <= f.value <= 5
    assert "sleep last night" in [s.name for s in f.signals]
    # rolling origin: no back-test day was predicted by a model that had seen it
    assert f.backtest[0].day == days[MIN_TRAIN].day + timedelta(days=1)


@pytest.mark.parametrize("seed", range(10))
def test_no_signal_is_not_shown(seed: int) -> None:
    days = forecast_days(np.random.default_rng(100 + seed), 80, signal=False)
    f = forecast(days, "mood", days[-1].day)
    assert not f.shown
    assert "cannot beat a simple guess" in f.reason
    assert f.to_json()["value"] is None and f.to_json()["signals"] == []


def test_too_little_data_says_so() -> None:
    days = forecast_days(np.random.default_rng(0), 30, signal=True)
    f = forecast(days, "mood", days[-1].day)
    assert not f.shown and f.reason.startswith("Not enough data yet")
    assert "42" in f.reason


def test_an_old_last_check_in_asks_for_today() -> None:
    days = forecast_days(np.random.default_rng(1), 80, signal=True)
    f = forecast(days, "mood", days[-1].day + timedelta(days=5))
    assert not f.shown and "Check in today" in f.reason


def test_energy_is_forecast_too_and_unknown_targets_are_refused() -> None:
    days = forecast_days(np.random.default_rng(2), 80, signal=True)
    assert not forecast(days, "energy", days[-1].day).shown  # energy is noise here
    with pytest.raises(ValueError):
        forecast(days, "stress", days[-1].day)


def test_ridge_recovers_a_linear_rule_and_fills_gaps() -> None:
    rng = np.random.default_rng(5)
    x = rng.normal(size=(200, 3))
    y = 2.0 + 1.5 * x[:, 0] - 0.5 * x[:, 2]
    model = fit_ridge(x, y, lam=1e-6)
    assert model.predict(np.array([1.0, 0.0, 1.0]))[0] == pytest.approx(3.0, abs=0.05)
    x[::3, 1] = np.nan
    model = fit_ridge(x, y, lam=1e-6)
    assert np.isfinite(model.predict(np.array([0.0, np.nan, 0.0]))).all()
