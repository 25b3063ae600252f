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


def test_blocks_give_the_same_frames_as_one_pass() -> None:
    """Long audio is read in blocks of frames; the block size never changes a value."""
    from mindspace.ml.pitch import rms, yin

    rng = np.random.default_rng(7)
    t = np.arange(16_000 * 3) / 16_000
    y = (0.3 * np.sin(2 * np.pi * 180 * t) + 0.05 * rng.standard_normal(t.size)).astype(np.float32)
    for n in (y.size, 1000, 2047, 1):
        part = y[:n]
        one = yin(part, fmin=60, fmax=400, sr=16_000, block=10**9)
        assert np.array_equal(yin(part, fmin=60, fmax=400, sr=16_000, block=7), one)
        whole = rms(part, 512, 128, block=10**9)
        # float32 sums may round differently in the last bit with another array width
        np.testing.assert_allclose(rms(part, 512, 128, block=5), whole, rtol=1e-6, atol=0)
