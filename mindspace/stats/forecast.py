"""A personal forecast of tomorrow's mood (or energy) fitted on the device, shown only when it
beats simple guesses.

Model: ridge regression (NumPy, closed form, standardised features, penalty `RIDGE_LAMBDA`) of
tomorrow's value on what is known today: today's value, the mean of the last 7 days, last
night's sleep, today's mood or energy (the other one), each activity done today (those noted on
at least `MIN_ACTIVITY_DAYS` days), the share of difficult emotions and the sentiment of the
last 3 days' writing, and the latest voice arousal of the last 3 days. Missing values take the
training mean (so they push neither way).

Back-test: rolling origin. For every day pair after the first `MIN_TRAIN` pairs the model is
fitted only on the pairs before it and predicts the next day; the same days are guessed by the
two naive forecasts (today's value again, and the personal mean so far). The forecast is shown
only when there are at least `MIN_BACKTEST` back-test days and its mean absolute error is at
least `MARGIN` (10 %) lower than the better of the two naive ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from mindspace.core.rules import SCALE_MAX, SCALE_MIN
from mindspace.stats.days import DayRecord

RIDGE_LAMBDA = 5.0
MIN_TRAIN = 14
MIN_BACKTEST = 28
MARGIN = 0.10
MIN_ACTIVITY_DAYS = 5
RECENT_DAYS = 3
TARGETS = ("mood", "energy")


@dataclass(frozen=True)
class Signal:
    name: str  # "sleep last night"
    value: float | None  # today's value (None: not noted)
    contribution: float  # points added to the forecast (+/-)

    def text(self) -> str:
        way = "up" if self.contribution >= 0 else "down"
        return f"{self.name} pushed it {way} ({self.contribution:+.2f})"


@dataclass(frozen=True)
class BacktestDay:
    day: date  # the day forecast
    actual: float
    model: float
    last: float
    mean: float


@dataclass
class Forecast:
    target: str  # "mood" or "energy"
    shown: bool
    reason: str  # why it is (not) shown, in words
    for_day: date | None = None
    value: float | None = None
    pairs: int = 0
    backtest: list[BacktestDay] = field(default_factory=list)
    mae_model: float | None = None
    mae_last: float | None = None
    mae_mean: float | None = None
    signals: list[Signal] = field(default_factory=list)

    @property
    def improvement(self) -> float | None:
        if self.mae_model is None or self.mae_last is None or self.mae_mean is None:
            return None
        best = min(self.mae_last, self.mae_mean)
        return 1.0 - self.mae_model / best if best > 0 else None

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target, "shown": self.shown, "reason": self.reason,
            "for_day": self.for_day.isoformat() if self.for_day else None,
            "value": self.value if self.shown else None,
            "pairs": self.pairs, "backtest_days": len(self.backtest),
            "mae_model": self.mae_model, "mae_yesterday": self.mae_last,
            "mae_personal_mean": self.mae_mean, "improvement": self.improvement,
            "required": {"backtest_days": MIN_BACKTEST, "improvement": MARGIN},
            "signals": [{"name": s.name, "value": s.value, "contribution": s.contribution}
                        for s in self.signals] if self.shown else [],
        }


@dataclass
class Ridge:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    fill: np.ndarray  # training means used for missing values

    def transform(self, x: np.ndarray) -> np.ndarray:
        filled: np.ndarray = np.where(np.isnan(x), self.fill, x)
        z: np.ndarray = (filled - self.mean) / self.scale
        return z

    def predict(self, x: np.ndarray) -> np.ndarray:
        out: np.ndarray = self.intercept + self.transform(np.atleast_2d(x)) @ self.coef
        return out


def fit_ridge(x: np.ndarray, y: np.ndarray, lam: float = RIDGE_LAMBDA) -> Ridge:
    """Ridge on standardised columns; NaN means "not noted" and takes the column's mean."""
    seen = (~np.isnan(x)).sum(axis=0)
    fill = np.where(seen > 0, np.nansum(x, axis=0) / np.maximum(seen, 1), 0.0)
    filled = np.where(np.isnan(x), fill, x)
    mean = filled.mean(axis=0)
    scale = filled.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)
    z = (filled - mean) / scale
    intercept = float(y.mean())
    gram = z.T @ z + lam * np.eye(z.shape[1])
    coef = np.linalg.solve(gram, z.T @ (y - intercept))
    return Ridge(mean, scale, coef, intercept, fill)


def _window_mean(values: Sequence[float | None]) -> float:
    known = [v for v in values if v is not None]
    return float(np.mean(known)) if known else float("nan")


def _value(day: DayRecord | None, target: str) -> float | None:
    if day is None:
        return None
    return day.mood if target == "mood" else day.energy


@dataclass(frozen=True)
class Features:
    names: list[str]
    build: Callable[[date], np.ndarray]


def features(by_day: dict[date, DayRecord], target: str) -> Features:
    other = "energy" if target == "mood" else "mood"
    counts: dict[str, int] = {}
    for rec in by_day.values():
        for a in {a.casefold() for a in rec.activities}:
            counts[a] = counts.get(a, 0) + 1
    activities = sorted(a for a, n in counts.items() if n >= MIN_ACTIVITY_DAYS)
    names = [f"your {target} today", f"your {target} over the last week", "sleep last night",
             f"your {other} today", "difficult emotions in your writing",
             "sentiment of your writing", "energy in your voice"]
    names += [f"{a} today" for a in activities]

    def build(day: date) -> np.ndarray:
        rec = by_day.get(day)
        recent = [by_day.get(day - timedelta(days=i)) for i in range(RECENT_DAYS)]
        week = [_value(by_day.get(day - timedelta(days=i)), target) for i in range(7)]
        arousal = next((r.arousal for r in recent if r is not None and r.arousal is not None),
                       None)
        row = [
            _value(rec, target), _window_mean(week), rec.sleep if rec else None,
            _value(rec, other),
            _window_mean([r.text_negative if r else None for r in recent]),
            _window_mean([r.compound if r else None for r in recent]), arousal,
        ]
        done = {a.casefold() for a in rec.activities} if rec else set()
        row += [1.0 if a in done else 0.0 for a in activities]
        return np.array([np.nan if v is None else float(v) for v in row])

    return Features(names, build)


def _clip(value: float) -> float:
    return float(min(SCALE_MAX, max(SCALE_MIN, value)))


def forecast(records: Sequence[DayRecord], target: str, today: date) -> Forecast:
    """Fit, back-test and (when it earns it) forecast `target` for the day after the last day
    that has it."""
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r}")
    by_day = {r.day: r for r in records}
    known = sorted(d for d, r in by_day.items() if _value(r, target) is not None)
    pairs = [d for d in known if d + timedelta(days=1) in by_day
             and _value(by_day[d + timedelta(days=1)], target) is not None]
    need = MIN_TRAIN + MIN_BACKTEST
    result = Forecast(target, False, "", pairs=len(pairs))
    if len(pairs) < need:
        result.reason = (f"Not enough data yet: the {target} forecast needs {need} pairs of "
                         f"consecutive days with a check-in (so far {len(pairs)}).")
        return result
    feats = features(by_day, target)
    x = np.vstack([feats.build(d) for d in pairs])
    y = np.array([float(_value(by_day[d + timedelta(days=1)], target)) for d in pairs])  # type: ignore[arg-type]
    series = {d: float(_value(by_day[d], target)) for d in known}  # type: ignore[arg-type]
    for k in range(MIN_TRAIN, len(pairs)):
        model = fit_ridge(x[:k], y[:k])
        day = pairs[k]
        history = [v for d, v in series.items() if d <= day]
        result.backtest.append(BacktestDay(
            day + timedelta(days=1), float(y[k]), _clip(float(model.predict(x[k])[0])),
            series[day], float(np.mean(history))))
    bt = result.backtest
    result.mae_model = float(np.mean([abs(b.actual - b.model) for b in bt]))
    result.mae_last = float(np.mean([abs(b.actual - b.last) for b in bt]))
    result.mae_mean = float(np.mean([abs(b.actual - b.mean) for b in bt]))
    best = min(result.mae_last, result.mae_mean)
    if result.mae_model > (1.0 - MARGIN) * best:
        result.reason = (
            f"It cannot beat a simple guess yet: over {len(bt)} back-test days its error was "
            f"{result.mae_model:.2f} points against {best:.2f} for the better simple guess "
            f"(it must be at least {round(MARGIN * 100)} % lower).")
        return result
    last = known[-1]
    if last < today - timedelta(days=1):
        result.reason = f"Check in today to see a forecast of tomorrow's {target}."
        return result
    model = fit_ridge(x, y)
    now = feats.build(last)
    z = model.transform(np.atleast_2d(now))[0]
    contributions = model.coef * z
    order = np.argsort(-np.abs(contributions))
    result.signals = [Signal(feats.names[i], None if np.isnan(now[i]) else float(now[i]),
                             float(contributions[i]))
                      for i in order[:3] if abs(contributions[i]) >= 0.01]
    result.value = _clip(float(model.predict(now)[0]))
    result.for_day = last + timedelta(days=1)
    result.shown = True
    result.reason = (
        f"Over {len(bt)} back-test days its error was {result.mae_model:.2f} points, "
        f"{round((result.improvement or 0) * 100)} % lower than the better simple guess "
        f"({best:.2f}).")
    return result
