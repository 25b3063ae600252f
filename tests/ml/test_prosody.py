"""Prosody on synthetic tones and synthesised speech; baseline comparison in plain words."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from mindspace.ml.prosody import Baseline, describe_deviations, extract_prosody
from mindspace.ml.voice_analyzer import BASIS_PERSONAL, BASIS_POPULATION, VoiceAnalyzer
from tests.audio.helpers import RATE, speak_16k, tone


def test_steady_tone_has_its_pitch_and_no_variability() -> None:
    p = extract_prosody(tone(220.0, 2.0))
    assert p.pitch_median_hz == pytest.approx(220.0, rel=0.02)
    assert p.pitch_variability_st is not None and p.pitch_variability_st < 0.2
    assert p.voiced_fraction is not None and p.voiced_fraction > 0.9
    assert p.pause_ratio == 0.0


def test_gliding_pitch_has_the_expected_variability() -> None:
    t = np.arange(3 * RATE) / RATE
    semitones = 4.0 * np.sin(2 * np.pi * 0.5 * t)  # +-4 st -> std 4 / sqrt(2)
    freq = 150.0 * 2 ** (semitones / 12.0)
    glide = (0.3 * np.sin(2 * np.pi * np.cumsum(freq) / RATE)).astype(np.float32)
    p = extract_prosody(glide)
    assert p.pitch_variability_st == pytest.approx(4.0 / np.sqrt(2), rel=0.15)
    assert p.pitch_range_st == pytest.approx(2 * 4.0 * np.sin(0.4 * np.pi), rel=0.15)


def test_bursts_give_syllable_rate_and_pauses() -> None:
    t = np.arange(4 * RATE) / RATE
    # 4 bursts per second for 1.5 s, 1 s silence, then 1.5 s more
    env = np.sin(2 * np.pi * 2.0 * t) ** 2
    env[(t >= 1.5) & (t < 2.5)] = 0.0
    bursts = (0.3 * env * np.sin(2 * np.pi * 180 * t)).astype(np.float32)
    p = extract_prosody(bursts)
    assert p.syllable_rate_per_s == pytest.approx(4.0 * 3.0 / p.speech_s, rel=0.35)
    assert p.pause_ratio is not None and p.pause_ratio > 0.2
    assert p.mean_pause_s is not None and p.mean_pause_s >= 0.9


def test_silence_and_tiny_inputs_give_no_features() -> None:
    for audio in (np.zeros(RATE, np.float32), np.zeros(10, np.float32)):
        p = extract_prosody(audio)
        assert p.speech_s == 0.0 and p.values() == {}


def test_energy_tracks_loudness_and_words_per_minute_uses_segments() -> None:
    loud = extract_prosody(tone(200, 1.0, amp=0.5))
    quiet = extract_prosody(tone(200, 1.0, amp=0.05))
    assert loud.energy_median_dbfs is not None and quiet.energy_median_dbfs is not None
    assert loud.energy_median_dbfs - quiet.energy_median_dbfs == pytest.approx(20.0, abs=0.5)
    segs = [{"start": 0.0, "end": 30.0, "text": "word " * 60}]
    with_rate = extract_prosody(tone(200, 1.0), segs)
    assert with_rate.speaking_rate_wpm is not None
    assert with_rate.speaking_rate_wpm == pytest.approx(60 / (1.0 / 60), rel=0.01)


def test_synthesised_slow_quiet_speech_differs_from_the_usual(tmp_path: Path) -> None:
    sentence = "today I went to the shops and then I came back home to make some tea"
    usual = [
        extract_prosody(speak_16k(sentence, tmp_path, speed=170 + 5 * i, amplitude=120)).to_dict()
        for i in range(4)
    ]
    baseline = Baseline.from_history(usual)
    assert baseline is not None and baseline.count == 4
    slow_quiet = extract_prosody(speak_16k(sentence, tmp_path, speed=90, amplitude=25))
    z = baseline.deviations(slow_quiet.to_dict())
    assert z["energy_median_dbfs"] <= -2.0
    assert z["syllable_rate_per_s"] <= -1.0
    words = describe_deviations(z)
    assert words.startswith("much quieter") and "slower" in words
    assert words.endswith("than usual for you")


def test_baseline_needs_three_checkins_and_describes_in_words() -> None:
    hist = [{"energy_median_dbfs": -20.0, "speaking_rate_wpm": 150.0}] * 2
    assert Baseline.from_history(hist) is None
    baseline = Baseline.from_history(hist + [{"energy_median_dbfs": -21.0,
                                              "speaking_rate_wpm": 145.0}])
    assert baseline is not None
    z = baseline.deviations({"energy_median_dbfs": -26.0, "speaking_rate_wpm": 120.0})
    assert describe_deviations(z) == "much quieter and much slower than usual for you"
    z = baseline.deviations({"energy_median_dbfs": -20.5, "speaking_rate_wpm": 149.0})
    assert describe_deviations(z) == "your voice sounded much as usual for you"
    assert describe_deviations({"pitch_variability_st": -1.2, "pause_ratio": 1.3}) == (
        "flatter in pitch and with more pauses than usual for you"
    )


def test_voice_analyzer_states_its_basis() -> None:
    analyzer = VoiceAnalyzer()
    audio = tone(180, 2.0)
    first = analyzer.analyze(audio, history=[])
    assert first.arousal_basis == BASIS_POPULATION and "population defaults" in first.description
    usual = extract_prosody(tone(180, 2.0, amp=0.3)).to_dict()
    louder = analyzer.analyze(tone(180, 2.0, amp=0.9), history=[usual] * 3)
    assert louder.arousal_basis == BASIS_PERSONAL and louder.baseline_count == 3
    assert louder.arousal is not None and louder.arousal > 0.2
    assert "louder" in louder.description
    silent = analyzer.analyze(np.zeros(RATE, np.float32))
    assert silent.arousal is None and silent.description == "no speech was heard"
