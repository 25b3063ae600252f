"""Prosodic features of a voice recording, and the comparison with the user's own baseline.

Contract
--------
* :func:`extract_prosody` takes 16 kHz mono float32 audio (and optionally the transcript segments
  for the speaking rate) and returns a :class:`Prosody`; every feature name carries its unit.
  Features that cannot be measured (e.g. pitch of a silent clip) are ``None``.
  Pitch uses YIN (`mindspace.ml.pitch.yin`, librosa's algorithm in plain NumPy; not the much
  slower pYIN).
* Research on depression and stress (Cummins et al., 2015) finds these markers meaningful mostly
  relative to the same person, so :class:`Baseline` summarises earlier check-ins (rolling median
  and spread = 1.4826 x MAD of the last :data:`BASELINE_WINDOW`, needs >= :data:`MIN_BASELINE`)
  and :meth:`Baseline.describe` puts the differences in plain words ("quieter and slower than
  usual for you"). This describes the voice; it never diagnoses anything.
* Pure functions, no shared state: safe on any worker thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from mindspace.core.rules import SAMPLE_RATE

HOP = 160  # 10 ms
FRAME = 400  # 25 ms for energy
PITCH_FRAME = 1024
F0_MIN_HZ = 60.0
F0_MAX_HZ = 400.0
MIN_PAUSE_S = 0.25
MIN_BASELINE = 3
BASELINE_WINDOW = 20

FEATURES = (
    "pitch_median_hz",
    "pitch_variability_st",
    "pitch_range_st",
    "energy_median_dbfs",
    "energy_variability_db",
    "speaking_rate_wpm",
    "syllable_rate_per_s",
    "pause_ratio",
    "mean_pause_s",
    "voiced_fraction",
)
# Smallest spread used when comparing to a baseline, so a very steady history does not turn a
# tiny change into a big deviation.
SPREAD_FLOOR: dict[str, float] = {
    "pitch_median_hz": 8.0,
    "pitch_variability_st": 0.4,
    "pitch_range_st": 1.0,
    "energy_median_dbfs": 2.0,
    "energy_variability_db": 1.0,
    "speaking_rate_wpm": 12.0,
    "syllable_rate_per_s": 0.4,
    "pause_ratio": 0.05,
    "mean_pause_s": 0.1,
    "voiced_fraction": 0.05,
}


@dataclass(frozen=True)
class Prosody:
    """Named features with units; ``None`` where a feature could not be measured."""

    duration_s: float
    speech_s: float
    pitch_median_hz: float | None = None
    pitch_variability_st: float | None = None  # std of pitch in semitones
    pitch_range_st: float | None = None  # 10th-90th percentile span in semitones
    energy_median_dbfs: float | None = None  # median RMS level of active frames
    energy_variability_db: float | None = None  # std of RMS level of active frames
    speaking_rate_wpm: float | None = None  # words per minute of the transcript's speech span
    syllable_rate_per_s: float | None = None  # energy peaks per second of active speech
    pause_ratio: float | None = None  # share of the speech span spent in pauses >= 250 ms
    mean_pause_s: float | None = None
    voiced_fraction: float | None = None  # voiced frames / all frames

    def to_dict(self) -> dict[str, float | None]:
        return {k: (None if v is None else round(float(v), 3)) for k, v in asdict(self).items()}

    def values(self) -> dict[str, float]:
        """The measured features only (no ``None``)."""
        return {k: float(v) for k, v in asdict(self).items() if k in FEATURES and v is not None}


def frame_levels_db(samples: np.ndarray) -> np.ndarray:
    """RMS level per 10 ms hop (25 ms frames) in dBFS, floored at -100."""
    from mindspace.ml.pitch import rms as frame_rms

    if samples.size < FRAME:
        samples = np.pad(samples, (0, FRAME - samples.size))
    rms = frame_rms(samples, frame_length=FRAME, hop_length=HOP)
    return np.asarray(20.0 * np.log10(np.maximum(rms, 1e-5)), dtype=np.float64)


def _active_mask(db: np.ndarray) -> np.ndarray:
    if db.size == 0:
        return np.zeros(0, dtype=bool)
    peak = float(np.percentile(db, 99))
    floor = float(np.percentile(db, 10))
    threshold = max(min(floor + 10.0, peak - 6.0), peak - 35.0, -60.0)
    return db > threshold


def _runs(mask: np.ndarray, value: bool) -> list[tuple[int, int]]:
    """[start, end) index runs where mask == value."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, m in enumerate(mask):
        if m == value and start is None:
            start = i
        elif m != value and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(mask)))
    return runs


def _count_words(segments: Iterable[Mapping[str, Any]]) -> tuple[int, float, float]:
    words, first, last = 0, float("inf"), 0.0
    for seg in segments:
        n = len(str(seg.get("text", "")).split())
        if n:
            words += n
            first = min(first, float(seg["start"]))
            last = max(last, float(seg["end"]))
    return words, first, last


def extract_prosody(
    samples: np.ndarray, segments: Sequence[Mapping[str, Any]] | None = None
) -> Prosody:
    """Measure prosodic features of 16 kHz mono float32 audio.

    ``segments`` are transcript segments (``start``/``end`` seconds and ``text``) used for words
    per minute; without them ``speaking_rate_wpm`` is ``None``.
    """
    stream = ProsodyStream()
    stream.feed(samples)
    return stream.finish(segments)


class ProsodyStream:
    """:func:`extract_prosody` for audio that arrives block by block (any block sizes).

    :meth:`feed` keeps only two numbers per 10 ms frame (level and pitch) and the few hundred
    samples the next frames need, so an hour costs about 6 MB however it is cut; :meth:`finish`
    gives the same :class:`Prosody` as :func:`extract_prosody` of all the samples at once.
    """

    _CONTEXT = PITCH_FRAME // 2  # samples a centred frame reaches on each side (the widest)

    def __init__(self) -> None:
        self._part = np.zeros(0, dtype=np.float32)  # samples from self._part_start on
        self._part_start = 0
        self._n = 0
        self._peak = 0.0
        self._next = 0  # next frame to measure
        self._db: list[np.ndarray] = []
        self._f0: list[np.ndarray] = []

    @property
    def samples_seen(self) -> int:
        return self._n

    @property
    def held_samples(self) -> int:
        """Samples kept for frames still to come (a few hundred after every block)."""
        return int(self._part.size)

    def feed(self, block: np.ndarray) -> None:
        y = np.ascontiguousarray(block, dtype=np.float32).reshape(-1)
        if y.size == 0:
            return
        self._peak = max(self._peak, float(y.max()), -float(y.min()))
        self._part = np.concatenate([self._part, y]) if self._part.size else y
        self._n += y.size
        # frames whose widest window ends inside what has been read
        ready = (self._n - self._CONTEXT) // HOP + 1 if self._n >= self._CONTEXT else 0
        self._measure(ready)
        keep_from = max(self._next * HOP - self._CONTEXT, 0)
        if keep_from > self._part_start:
            self._part = self._part[keep_from - self._part_start :].copy()
            self._part_start = keep_from

    def _measure(self, upto: int) -> None:
        from mindspace.ml.pitch import BLOCK_FRAMES, frames_of_part, rms_of_frames, yin_of_frames

        while self._next < upto:
            count = min(BLOCK_FRAMES, upto - self._next)
            args = (self._part, self._part_start, self._n)
            level = rms_of_frames(frames_of_part(*args, FRAME, HOP, self._next, count))
            self._db.append(np.asarray(20.0 * np.log10(np.maximum(level, 1e-5)), np.float64))
            pitched = frames_of_part(*args, PITCH_FRAME, HOP, self._next, count)
            self._f0.append(yin_of_frames(pitched, fmin=F0_MIN_HZ, fmax=F0_MAX_HZ, sr=SAMPLE_RATE))
            self._next += count

    def finish(self, segments: Sequence[Mapping[str, Any]] | None = None) -> Prosody:
        """The features of everything fed (``segments`` as for :func:`extract_prosody`)."""
        duration = self._n / SAMPLE_RATE
        if self._n < SAMPLE_RATE // 4 or self._peak <= 1e-4:
            return Prosody(duration_s=duration, speech_s=0.0)
        from mindspace.ml.pitch import frame_count

        self._measure(frame_count(self._n, PITCH_FRAME, HOP))
        self._part = np.zeros(0, dtype=np.float32)
        db, f0 = np.concatenate(self._db), np.concatenate(self._f0)
        return _prosody_of_frames(db, f0, duration, segments)


def _prosody_of_frames(
    db: np.ndarray, f0: np.ndarray, duration: float,
    segments: Sequence[Mapping[str, Any]] | None,
) -> Prosody:
    """The features from per-frame levels (dBFS) and yin pitch estimates (Hz)."""
    active = _active_mask(db)
    if active.sum() < 10:
        return Prosody(duration_s=duration, speech_s=0.0)
    idx = np.flatnonzero(active)
    first, last = int(idx[0]), int(idx[-1]) + 1
    span = active[first:last]
    speech_s = float(span.sum()) * HOP / SAMPLE_RATE
    span_s = (last - first) * HOP / SAMPLE_RATE

    # pauses: silent runs of at least MIN_PAUSE_S inside the speech span
    min_frames = int(MIN_PAUSE_S * SAMPLE_RATE / HOP)
    pauses = [(b - a) for a, b in _runs(span, False) if b - a >= min_frames]
    pause_s = sum(pauses) * HOP / SAMPLE_RATE
    pause_ratio = pause_s / span_s if span_s > 0 else None
    mean_pause = (pause_s / len(pauses)) if pauses else 0.0

    active_db = db[active]
    energy_median = float(np.median(active_db))
    energy_var = float(np.std(active_db))

    # a frame counts as voiced when it is active and its f0 is inside the range and continuous
    # with a neighbour (yin gives an estimate for every frame, voiced or not)
    n = min(f0.size, active.size)
    f0, act = f0[:n], active[:n]
    inside = (f0 > F0_MIN_HZ * 1.05) & (f0 < F0_MAX_HZ * 0.95)
    st = 12.0 * np.log2(np.maximum(f0, 1.0) / 100.0)
    cont = np.zeros(n, dtype=bool)
    if n > 1:
        close = np.abs(np.diff(st)) < 1.0
        cont[1:] |= close
        cont[:-1] |= close
    voiced = act & inside & cont
    voiced_fraction = float(voiced.sum()) / float(n) if n else 0.0
    pitch_median = pitch_var = pitch_range = None
    if voiced.sum() >= 10:
        v_st = st[voiced]
        pitch_median = float(np.median(f0[voiced]))
        pitch_var = float(np.std(v_st))
        pitch_range = float(np.percentile(v_st, 90) - np.percentile(v_st, 10))

    syllables = _syllable_peaks(db, active)
    syllable_rate = syllables / speech_s if speech_s > 0 else None

    wpm = None
    if segments:
        words, w_first, w_last = _count_words(segments)
        w_last = min(w_last, duration)
        if words and w_last - w_first > 0.5:
            wpm = words / ((w_last - w_first) / 60.0)

    return Prosody(
        duration_s=duration,
        speech_s=speech_s,
        pitch_median_hz=pitch_median,
        pitch_variability_st=pitch_var,
        pitch_range_st=pitch_range,
        energy_median_dbfs=energy_median,
        energy_variability_db=energy_var,
        speaking_rate_wpm=wpm,
        syllable_rate_per_s=syllable_rate,
        pause_ratio=pause_ratio,
        mean_pause_s=mean_pause,
        voiced_fraction=voiced_fraction,
    )


def _syllable_peaks(db: np.ndarray, active: np.ndarray) -> int:
    """Syllable-rate proxy: prominent peaks of the smoothed energy envelope in active frames."""
    from scipy.signal import find_peaks

    kernel = np.hanning(7)
    smooth = np.convolve(db, kernel / kernel.sum(), mode="same")
    # at least 100 ms between syllable nuclei, 3 dB prominence over the surrounding dips
    peaks, _ = find_peaks(smooth, distance=10, prominence=3.0)
    return int(sum(1 for p in peaks if active[p]))


# ---- baseline -------------------------------------------------------------------------------
_WORDS: dict[str, tuple[str, str]] = {  # feature -> (word when higher, word when lower)
    "energy_median_dbfs": ("louder", "quieter"),
    "speaking_rate_wpm": ("faster", "slower"),
    "syllable_rate_per_s": ("faster", "slower"),
    "pitch_variability_st": ("more animated in pitch", "flatter in pitch"),
    "pitch_median_hz": ("higher-pitched", "lower-pitched"),
    "pause_ratio": ("with more pauses", "with fewer pauses"),
    "energy_variability_db": ("more varied in loudness", "more even in loudness"),
}
_ORDER = (
    "energy_median_dbfs",
    "speaking_rate_wpm",
    "syllable_rate_per_s",
    "pitch_variability_st",
    "pause_ratio",
    "pitch_median_hz",
    "energy_variability_db",
)
NOTABLE_Z = 1.0
STRONG_Z = 2.0


@dataclass(frozen=True)
class Baseline:
    """Per-feature median and spread of the user's earlier check-ins (``count`` of them)."""

    median: dict[str, float]
    spread: dict[str, float]
    count: int

    @classmethod
    def from_history(
        cls, history: Sequence[Mapping[str, Any]], window: int = BASELINE_WINDOW
    ) -> Baseline | None:
        """Baseline from earlier prosody dicts (oldest first); ``None`` with fewer than 3."""
        recent = list(history)[-window:]
        if len(recent) < MIN_BASELINE:
            return None
        median: dict[str, float] = {}
        spread: dict[str, float] = {}
        for name in FEATURES:
            vals = np.array(
                [float(h[name]) for h in recent if h.get(name) is not None], dtype=np.float64
            )
            if vals.size < MIN_BASELINE:
                continue
            med = float(np.median(vals))
            mad = float(np.median(np.abs(vals - med))) * 1.4826
            median[name] = med
            spread[name] = max(mad, SPREAD_FLOOR[name])
        return cls(median=median, spread=spread, count=len(recent))

    def deviations(self, prosody: Mapping[str, Any]) -> dict[str, float]:
        """Robust z-scores (value - median) / spread for every feature both sides have."""
        out: dict[str, float] = {}
        for name, med in self.median.items():
            value = prosody.get(name)
            if value is not None:
                out[name] = round((float(value) - med) / self.spread[name], 2)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"median": self.median, "spread": self.spread, "count": self.count}


def describe_deviations(deviations: Mapping[str, float]) -> str:
    """Plain words for the notable differences, e.g. "quieter and slower than usual for you"."""
    parts: list[str] = []
    seen_words: set[str] = set()
    for name in _ORDER:
        z = deviations.get(name)
        if z is None or abs(z) < NOTABLE_Z:
            continue
        if name == "syllable_rate_per_s" and "speaking_rate_wpm" in deviations:
            continue  # words per minute is the better rate measure when there is a transcript
        word = _WORDS[name][0 if z > 0 else 1]
        if word in seen_words:
            continue
        seen_words.add(word)
        parts.append(("much " if abs(z) >= STRONG_Z and " " not in word else "") + word)
        if len(parts) == 3:
            break
    if not parts:
        return "your voice sounded much as usual for you"
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{joined} than usual for you"


def prosody_in_words(prosody: Mapping[str, Any]) -> str:
    """A short plain-words summary of the measured features (for people, not for models)."""
    if not prosody.get("speech_s"):
        return "No speech was heard."
    parts: list[str] = []
    pitch, var = prosody.get("pitch_median_hz"), prosody.get("pitch_variability_st")
    if pitch is not None:
        text = f"pitch around {pitch:.0f} Hz"
        if var is not None:
            text += f", varying by about {var:.1f} semitones"
        parts.append(text)
    wpm = prosody.get("speaking_rate_wpm")
    if wpm is not None:
        parts.append(f"about {wpm:.0f} words a minute")
    elif prosody.get("syllable_rate_per_s") is not None:
        parts.append(f"about {prosody['syllable_rate_per_s']:.1f} syllables a second")
    pause = prosody.get("pause_ratio")
    if pause is not None:
        text = f"pauses took {pause:.0%} of the time"
        if prosody.get("mean_pause_s"):
            text += f" (about {prosody['mean_pause_s']:.1f} s each)"
        parts.append(text)
    energy = prosody.get("energy_median_dbfs")
    if energy is not None:
        parts.append(f"loudness {energy:.0f} dBFS")
    summary = "; ".join(parts)
    return summary[:1].upper() + summary[1:] + "." if summary else "Speech was heard."
