"""Fill a real vault with generated days whose links are known.

* "friends" on a day goes with +1 mood that same day (a finding for the comparisons);
* tomorrow's mood follows today's sleep and a walk today (a signal for the forecast);
* other activities and the emotions are noise. With `signal=False` every mood is noise.
Journal entries (with stored analyses) every third day, a voice check-in every week.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np

from mindspace.app import AppServices


def fill_vault(services: AppServices, today: date, days: int = 90, signal: bool = True,
               seed: int = 7, voice_feedback: bool = True) -> None:
    rng = np.random.default_rng(seed)
    start = today - timedelta(days=days - 1)
    sleep = rng.uniform(4.5, 9.5, days)
    walk = rng.uniform(size=days) < 0.5
    friends = rng.uniform(size=days) < 0.4
    for i in range(days):
        day = start + timedelta(days=i)
        if signal:
            raw = 2.9 + 0.9 * friends[i] + (
                0.7 * (sleep[i - 1] - 7.0) + 0.9 * walk[i - 1] - 0.45 if i else 0.0)
            raw += rng.normal(0, 0.3)
        else:
            raw = rng.normal(3.0, 1.0)
        mood = int(np.clip(round(raw), 1, 5))
        acts = (["walk"] if walk[i] else ["work"]) + (["friends"] if friends[i] else [])
        if rng.uniform() < 0.3:
            acts.append("reading")
        emotions = ["calm"] if rng.uniform() < 0.5 else ["tired"]
        when = datetime.combine(day, datetime.min.time()) + timedelta(hours=20)
        services.mood.add(mood, int(rng.integers(2, 5)), emotions, acts, float(round(sleep[i], 1)),
                          "", when)
        if i % 3 == 0:
            body = " ".join(["word"] * int(20 + 10 * mood + i))
            entry = services.journal.add(f"Day {i}", body, when - timedelta(hours=1), [])
            joy = 0.15 * mood
            services.analyses.save("journal", entry.id, "test@1", {
                "emotions": {"joy": joy, "sadness": 1 - joy}, "sentiment": {"compound": joy - 0.5},
                "crisis": {"level": "none"}}, entry.entry_at, entry.updated_at or entry.entry_at)
        if i % 7 == 0:
            checkin = services.voice.add(
                duration_s=10.0, transcript="a short check-in", arousal=0.3 + 0.1 * mood,
                text_analysis={"emotions": {"joy": 0.5, "neutral": 0.5},
                               "sentiment": {"compound": 0.1}},
                recorded_at=when - timedelta(hours=2))
            if voice_feedback:
                services.voice.record_feedback(checkin.id, "walk", bool(i % 2 == 0))
