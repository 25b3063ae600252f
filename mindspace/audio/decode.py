"""Decode imported audio files (wav, flac, ogg, mp3, m4a, ...) to 16 kHz mono float32 in memory.

Contract
--------
* ``decode_file(path)`` / ``decode_bytes(data, name)`` return a :class:`DecodedAudio` whose
  ``samples`` is a 1-D ``float32`` array in [-1, 1] at ``core.rules.SAMPLE_RATE`` (16 kHz), mono
  (all channels mixed down). Decoding uses PyAV (the FFmpeg libraries bundled with the ``av``
  wheel) and never writes anything to disk: no temporary files, no cache.
* Length limit: at most :data:`MAX_DECODE_SECONDS` (60 minutes) of audio. A file whose header
  says it is longer is refused before decoding; a file without a usable duration in its header is
  refused as soon as the decoded audio passes the limit, so memory stays bounded
  (60 min x 16 kHz x 4 bytes ~ 230 MB).
* A valid file with no samples (zero-length audio) decodes to an empty array, which callers treat
  as "nothing was said". A truncated file yields whatever could be decoded before the damage
  (``truncated=True`` when frames were dropped).
* Every user-caused problem raises :class:`AudioDecodeError` (a ``ValueError``) with a one-line
  message: missing file, folder, empty file (0 bytes), not audio / corrupt, no audio stream,
  truncated beyond use, too long.
* Thread-safe (no shared state); slow for long files (~0.1 s per minute), call it off the GUI
  thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from mindspace.core.errors import UserError
from mindspace.core.rules import SAMPLE_RATE

MAX_DECODE_SECONDS = 60 * 60


class AudioDecodeError(UserError, ValueError):
    """The file cannot be used as audio; the message is one line and names the file."""


@dataclass(frozen=True)
class DecodedAudio:
    samples: np.ndarray  # float32, mono, SAMPLE_RATE
    sample_rate: int = SAMPLE_RATE
    truncated: bool = False

    @property
    def duration_s(self) -> float:
        return float(len(self.samples)) / float(self.sample_rate)


def decode_file(path: str | Path, max_seconds: float = MAX_DECODE_SECONDS) -> DecodedAudio:
    """Decode the file at ``path``; raises :class:`AudioDecodeError` (one line) on bad input."""
    p = Path(path)
    name = p.name or str(p)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise AudioDecodeError(f"no such file: {p}") from None
    except OSError as exc:
        raise AudioDecodeError(f"cannot read {name}: {exc.strerror or exc}") from None
    if p.is_dir():
        raise AudioDecodeError(f"{name} is a folder, not an audio file")
    if st.st_size == 0:
        raise AudioDecodeError(f"{name} is empty (0 bytes)")
    try:
        with p.open("rb") as fh:
            return _decode(fh, name, max_seconds)
    except PermissionError:
        raise AudioDecodeError(f"cannot read {name}: permission denied") from None


def decode_bytes(
    data: bytes, name: str = "audio", max_seconds: float = MAX_DECODE_SECONDS
) -> DecodedAudio:
    """Decode an in-memory file (e.g. one read for import); same errors as :func:`decode_file`."""
    if not data:
        raise AudioDecodeError(f"{name} is empty (0 bytes)")
    return _decode(io.BytesIO(data), name, max_seconds)


def _decode(source: BinaryIO, name: str, max_seconds: float) -> DecodedAudio:
    import av

    max_samples = int(max_seconds * SAMPLE_RATE)
    try:
        container = av.open(source, mode="r", metadata_errors="ignore")
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError, IndexError, OSError):
        raise AudioDecodeError(
            f"{name} is not a readable audio file (unknown format or corrupt data)"
        ) from None
    with container:
        if not container.streams.audio:
            raise AudioDecodeError(f"{name} contains no audio stream")
        stream = container.streams.audio[0]
        header_seconds = _header_duration(container, stream)
        if header_seconds is not None and header_seconds > max_seconds + 1.0:
            raise AudioDecodeError(_too_long(name, header_seconds, max_seconds))
        resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        # float32 samples written straight into one buffer sized from the header (grown when
        # the header is missing or short), so an hour of audio costs its 230 MB and no more
        out = _Samples(int((header_seconds or 60.0) * SAMPLE_RATE) + SAMPLE_RATE)
        dropped = 0
        try:
            packets = container.demux(stream)
            for packet in packets:
                try:
                    frames = packet.decode()
                except av.error.FFmpegError:  # a damaged packet: skip it, keep going
                    dropped += 1
                    continue
                for frame in frames:
                    frame.pts = None  # let the resampler re-time frames with gaps
                    for resampled in resampler.resample(frame):
                        out.append(resampled.to_ndarray().reshape(-1))
                if out.size > max_samples:
                    raise AudioDecodeError(_too_long(name, out.size / SAMPLE_RATE, max_seconds))
            for resampled in resampler.resample(None):
                out.append(resampled.to_ndarray().reshape(-1))
        except av.error.FFmpegError:
            dropped += 1  # damaged tail: keep what was decoded before it
        except MemoryError:
            raise AudioDecodeError(f"{name} is too large to decode in memory") from None
    total = out.size
    if total > max_samples:
        raise AudioDecodeError(_too_long(name, total / SAMPLE_RATE, max_seconds))
    if total == 0 and dropped:
        raise AudioDecodeError(f"could not decode any audio from {name} (truncated or corrupt)")
    # uncompressed audio knows its exact length; compressed headers only estimate it
    exact = str(getattr(stream.codec_context, "name", "")).startswith("pcm_")
    slack = 0.02 if exact else 0.1 * (header_seconds or 0.0) + 0.25
    short = header_seconds is not None and total / SAMPLE_RATE < header_seconds - slack
    return DecodedAudio(samples=out.result(), truncated=dropped > 0 or short)


class _Samples:
    """A growing float32 buffer for int16 PCM frames."""

    def __init__(self, capacity: int) -> None:
        self._data = np.empty(max(capacity, 1), dtype=np.float32)
        self.size = 0

    def append(self, pcm: np.ndarray) -> None:
        end = self.size + pcm.size
        if end > self._data.size:
            grown = np.empty(max(end, int(self._data.size * 1.5)), dtype=np.float32)
            grown[: self.size] = self._data[: self.size]
            self._data = grown
        np.multiply(pcm, 1.0 / 32768.0, out=self._data[self.size : end], casting="unsafe")
        self.size = end

    def result(self) -> np.ndarray:
        if self.size == self._data.size:
            return self._data
        return self._data[: self.size].copy() if self.size < self._data.size // 2 else (
            self._data[: self.size]
        )


def _header_duration(container: Any, stream: Any) -> float | None:
    try:
        if stream.duration is not None and stream.time_base is not None:
            return float(stream.duration * stream.time_base)
        if container.duration is not None and container.duration > 0:
            return float(container.duration) / 1_000_000.0
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return None


def _too_long(name: str, seconds: float, limit: float) -> str:
    return (
        f"{name} is too long ({seconds / 60:.0f} min of audio); the limit is "
        f"{limit / 60:.0f} min — split it into shorter files"
    )


def to_int16(samples: np.ndarray) -> np.ndarray:
    """float32 [-1, 1] -> int16 PCM (clipped)."""
    return np.clip(np.round(samples * 32767.0), -32768, 32767).astype(np.int16)


def to_float32(pcm: np.ndarray) -> np.ndarray:
    """int16 PCM -> float32 [-1, 1]."""
    return pcm.astype(np.float32) / 32768.0


def resample(samples: np.ndarray, rate: int, target: int = SAMPLE_RATE) -> np.ndarray:
    """Resample mono float32 audio (polyphase filter from scipy); returns float32."""
    if rate == target or samples.size == 0:
        return samples.astype(np.float32, copy=False)
    from math import gcd

    from scipy.signal import resample_poly

    g = gcd(int(rate), int(target))
    out = resample_poly(samples.astype(np.float32), target // g, int(rate) // g)
    return np.asarray(out, dtype=np.float32)
