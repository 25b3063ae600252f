"""The NumPy YIN and RMS match librosa's (when librosa is installed) and find known pitches."""

from __future__ import annotations

import numpy as np
import pytest

from mindspace.ml.pitch import rms, yin

SR = 16_000


def _tone(freq: float, seconds: float = 1.0, amp: float = 0.3) -> np.ndarray:
    t = np.arange(int(SR * seconds)) / SR
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


@pytest.mark.parametrize("freq", [90.0, 150.0, 220.0, 310.0])
def test_yin_finds_the_pitch_of_a_tone(freq: float) -> None:
    f0 = yin(_tone(freq), fmin=60, fmax=400, sr=SR, frame_length=1024, hop_length=160)
    assert np.median(f0[5:-5]) == pytest.approx(freq, rel=0.01)


def test_rms_of_a_sine_is_amplitude_over_root_two() -> None:
    levels = rms(_tone(200.0, amp=0.5), frame_length=400, hop_length=160)
    assert np.median(levels) == pytest.approx(0.5 / np.sqrt(2), rel=0.02)


def test_matches_librosa_on_speechlike_signal() -> None:
    librosa = pytest.importorskip("librosa")
    rng = np.random.default_rng(7)
    t = np.arange(SR * 2) / SR
    vibrato = 140 + 25 * np.sin(2 * np.pi * 3 * t)
    y = 0.2 * np.sin(2 * np.pi * np.cumsum(vibrato) / SR) + 0.02 * rng.standard_normal(t.size)
    y[SR // 2 : SR // 2 + 3000] = 0.001 * rng.standard_normal(3000)
    y = y.astype(np.float32)
    ours = yin(y, fmin=60, fmax=400, sr=SR, frame_length=1024, hop_length=160)
    ref = librosa.yin(y, fmin=60, fmax=400, sr=SR, frame_length=1024, hop_length=160)
    np.testing.assert_allclose(ours, ref, rtol=1e-4)
    np.testing.assert_allclose(
        rms(y, 400, 160), librosa.feature.rms(y=y, frame_length=400, hop_length=160)[0], rtol=1e-5
    )
