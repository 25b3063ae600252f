"""Frame energy and YIN pitch in plain NumPy.

These follow librosa 0.11's `feature.rms` and `yin` step for step (zero-padded centred frames,
FFT autocorrelation over the whole frame, cumulative-mean-normalised difference, parabolic
refinement, first trough under the threshold or else the global minimum), so results match
librosa to float rounding;
`tests/ml/test_pitch.py` checks that against librosa when it is installed. Keeping them here
spares the app librosa's numba/LLVM stack (about 160 MB in the desktop bundle and a one-off
JIT compile of tens of seconds on first use). Pure functions; safe on any thread. Long audio is
read in blocks of frames, so an hour costs about as much memory as a minute.
"""

from __future__ import annotations

import numpy as np

BLOCK_FRAMES = 256  # frames analysed at once (~17 MB of FFT work): memory stays flat however long


def frame_count(n_samples: int, frame_length: int, hop_length: int) -> int:
    padded = max(n_samples + 2 * (frame_length // 2), frame_length)
    return 1 + (padded - frame_length) // hop_length


def frames(
    y: np.ndarray, frame_length: int, hop_length: int, first: int = 0, count: int | None = None
) -> np.ndarray:
    """Centred frames `first` .. `first + count - 1` as columns (frame_length, count): the
    signal zero-padded by frame_length // 2 on both sides, like librosa, without copying more
    of it than those frames cover."""
    total = frame_count(y.size, frame_length, hop_length)
    count = total - first if count is None else min(count, total - first)
    return frames_of_part(y, 0, y.size, frame_length, hop_length, first, count)


def frames_of_part(
    part: np.ndarray, part_start: int, n_samples: int, frame_length: int, hop_length: int,
    first: int, count: int,
) -> np.ndarray:
    """Like :func:`frames` for a signal of `n_samples` of which only `part` (the samples from
    index `part_start` on) is at hand, e.g. a stream read block by block: `part` must hold every
    sample the frames cover that lies inside the signal."""
    lo = first * hop_length - frame_length // 2
    hi = lo + (count - 1) * hop_length + frame_length
    segment = np.zeros(hi - lo, dtype=part.dtype)
    src_lo, src_hi = max(lo, 0), min(hi, n_samples)
    if src_hi > src_lo:
        if src_lo < part_start or src_hi > part_start + part.size:
            raise ValueError("the frames reach outside the samples at hand")
        segment[src_lo - lo : src_hi - lo] = part[src_lo - part_start : src_hi - part_start]
    view = np.lib.stride_tricks.sliding_window_view(segment, frame_length)[::hop_length]
    return np.ascontiguousarray(view[:count].T)


def rms_of_frames(x: np.ndarray) -> np.ndarray:
    """Root-mean-square level of each column of a frame matrix."""
    return np.asarray(np.sqrt(np.mean(np.abs(x) ** 2, axis=0)))


def _blocks(y: np.ndarray, frame_length: int, hop_length: int, block: int) -> list[tuple[int, int]]:
    total = frame_count(y.size, frame_length, hop_length)
    return [(start, min(block, total - start)) for start in range(0, total, block)]


def rms(y: np.ndarray, frame_length: int, hop_length: int, block: int = BLOCK_FRAMES) -> np.ndarray:
    """Root-mean-square level of each centred frame (like `librosa.feature.rms(...)[0]`)."""
    y = np.asarray(y)
    out = []
    for first, count in _blocks(y, frame_length, hop_length, block):
        out.append(rms_of_frames(frames(y, frame_length, hop_length, first, count)))
    return np.concatenate(out)


def _autocorrelate(y_frames: np.ndarray, max_size: int) -> np.ndarray:
    """Autocorrelation of each column up to lag max_size - 1 (FFT, zero-padded)."""
    from scipy.fft import next_fast_len

    n_pad = next_fast_len(2 * y_frames.shape[0] - 1, real=True)
    spectrum = np.fft.rfft(y_frames, n=n_pad, axis=0)
    power = spectrum.real**2 + spectrum.imag**2
    return np.asarray(np.fft.irfft(power, n=n_pad, axis=0)[:max_size])


def _cmnd(y_frames: np.ndarray, min_period: int, max_period: int) -> np.ndarray:
    """Cumulative mean normalised difference function, lags min_period..max_period (rows)."""
    acf = _autocorrelate(y_frames, max_period + 1)
    diff = np.cumsum(np.square(y_frames), axis=0)
    diff[0, :] = 0
    # d(k) = 2 * (ACF(0) - ACF(k)) - sum_{m<k} y(m)^2
    diff[1 : max_period + 1, :] = 2 * (acf[0:1, :] - acf[1 : max_period + 1, :]) - diff[
        :max_period, :
    ]
    numerator = diff[min_period : max_period + 1, :]
    tau = np.arange(1, max_period + 1).reshape(-1, 1)
    cumulative_mean = np.cumsum(diff[1 : max_period + 1, :], axis=0) / tau
    denominator = cumulative_mean[min_period - 1 : max_period, :]
    return np.asarray(numerator / (denominator + np.finfo(denominator.dtype).tiny))


def _parabolic_shifts(x: np.ndarray) -> np.ndarray:
    """Sub-sample offset of each interior lag's parabola vertex (0 at the ends)."""
    shifts = np.zeros_like(x)
    prev, mid, nxt = x[:-2, :], x[1:-1, :], x[2:, :]
    a = nxt + prev - 2 * mid
    b = (nxt - prev) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        inner = np.where(np.abs(b) >= np.abs(a), 0.0, -b / a)
    shifts[1:-1, :] = inner
    return shifts


def yin(
    y: np.ndarray,
    *,
    fmin: float,
    fmax: float,
    sr: int,
    frame_length: int = 2048,
    hop_length: int | None = None,
    trough_threshold: float = 0.1,
    block: int = BLOCK_FRAMES,
) -> np.ndarray:
    """Fundamental frequency (Hz) of each centred frame by YIN (de Cheveigné & Kawahara, 2002).

    Every frame gets an estimate (voiced or not); callers decide voicing themselves. Frames are
    analysed `block` at a time (each frame on its own, so the result does not depend on it).
    """
    hop = hop_length or frame_length // 4
    min_period, max_period = yin_periods(fmin, fmax, sr, frame_length)
    y = np.asarray(y)
    return np.concatenate([
        _yin_frames(frames(y, frame_length, hop, first, count), min_period, max_period, sr,
                    trough_threshold)
        for first, count in _blocks(y, frame_length, hop, block)
    ])


def yin_periods(fmin: float, fmax: float, sr: int, frame_length: int) -> tuple[int, int]:
    """The lag range (min_period, max_period) yin searches."""
    min_period = int(np.floor(sr / fmax))
    max_period = min(int(np.ceil(sr / fmin)), frame_length - 1)
    if not 0 < min_period <= max_period:
        raise ValueError("fmin/fmax/frame_length leave no lag range for yin")
    return min_period, max_period


def yin_of_frames(y_frames: np.ndarray, *, fmin: float, fmax: float, sr: int,
                  trough_threshold: float = 0.1) -> np.ndarray:
    """:func:`yin` of each column of a frame matrix (frame_length, count)."""
    min_period, max_period = yin_periods(fmin, fmax, sr, y_frames.shape[0])
    return _yin_frames(y_frames, min_period, max_period, sr, trough_threshold)


def _yin_frames(y_frames: np.ndarray, min_period: int, max_period: int, sr: int,
                trough_threshold: float) -> np.ndarray:
    cmnd = _cmnd(y_frames, min_period, max_period)
    shifts = _parabolic_shifts(cmnd)
    padded = np.pad(cmnd, ((1, 1), (0, 0)), mode="edge")
    is_trough = (cmnd < padded[:-2, :]) & (cmnd <= padded[2:, :])
    is_trough[0, :] = cmnd[0, :] < cmnd[1, :]
    below = is_trough & (cmnd < trough_threshold)
    period = np.argmax(below, axis=0)
    no_trough = ~np.any(below, axis=0)
    period[no_trough] = np.argmin(cmnd, axis=0)[no_trough]
    refined = min_period + period + shifts[period, np.arange(cmnd.shape[1])]
    return np.asarray(sr / refined)
