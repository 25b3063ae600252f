"""Generated days with known (or no) links between activities, sleep and mood."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from mindspace.stats.days import DayRecord

START = date(2026, 1, 1)
ACTIVITIES = [f"activity {i:02d}" for i in range(30)]


def null_days(rng: np.random.Generator, n: int = 60) -> list[DayRecord]:
    """30 activities, emotions and sleep that have nothing to do with mood."""
    days = []
    for i in range(n):
        acts = {a for a in ACTIVITIES if rng.uniform() < 0.35} or {ACTIVITIES[0]}
        days.append(DayRecord(START + timedelta(days=i), moods=[float(rng.normal(3.0, 0.8))],
                              activities=acts, emotions={"calm"} if rng.uniform() < 0.5
                              else {"tired"}, sleep=float(rng.uniform(5, 9))))
    return days


def effect_days(rng: np.random.Generator, effect: float, n: int = 60) -> list[DayRecord]:
    """Like `null_days`, but "walk" adds `effect` to that day's mood."""
    days = null_days(rng, n)
    for d in days:
        if rng.uniform() < 0.5:
            d.activities.add("walk")
            d.moods = [d.moods[0] + effect]
    return days


def forecast_days(rng: np.random.Generator, n: int, signal: bool) -> list[DayRecord]:
    """Moods (integers 1-5) where tomorrow follows today's sleep and walk, or follows nothing."""
    sleep = rng.uniform(4.5, 9.5, n)
    walk = rng.uniform(size=n) < 0.5
    days = []
    for i in range(n):
        if signal and i > 0:
            raw = 3.0 + 0.7 * (sleep[i - 1] - 7.0) + 0.9 * walk[i - 1] - 0.45 + rng.normal(0, 0.35)
        else:
            raw = rng.normal(3.0, 1.0)
        mood = int(np.clip(round(raw), 1, 5))
        energy = int(np.clip(round(rng.normal(3.0, 1.0)), 1, 5))
        days.append(DayRecord(START + timedelta(days=i), moods=[mood], energies=[energy],
                              activities={"walk"} if walk[i] else {"work"},
                              sleep=float(sleep[i])))
    return days
