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
* ``open_stream(path)`` gives an :class:`AudioStream` that yields the same samples in blocks
  (``blocks(seconds)``), for long files read without holding them whole; the checks that need
  no decoding fail when it opens, the rest (too long, nothing decodable) while it is read.
* Every user-caused problem raises :class:`AudioDecodeError` (a ``ValueError``) with a one-line
  message: missing file, folder, empty file (0 bytes), not audio / corrupt, no audio stream,
  truncated beyond use, too long.
* Thread-safe (no shared state); slow for long files (~0.1 s per minute), call it off the GUI
  thread.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
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
    with open_stream(path, max_seconds) as stream:
        out = _Samples(stream.expected_samples)
        for pcm in stream.pcm_blocks():
            out.append(pcm)
    return DecodedAudio(samples=out.result(), truncated=stream.truncated)


def decode_bytes(
    data: bytes, name: str = "audio", max_seconds: float = MAX_DECODE_SECONDS
) -> DecodedAudio:
    """Decode an in-memory file (e.g. one read for import); same errors as :func:`decode_file`."""
    if not data:
        raise AudioDecodeError(f"{name} is empty (0 bytes)")
    with AudioStream(io.BytesIO(data), name, max_seconds) as stream:
        out = _Samples(stream.expected_samples)
        for pcm in stream.pcm_blocks():
            out.append(pcm)
    return DecodedAudio(samples=out.result(), truncated=stream.truncated)


def open_stream(path: str | Path, max_seconds: float = MAX_DECODE_SECONDS) -> AudioStream:
    """Open the file at ``path`` for decoding block by block (see :class:`AudioStream`); the
    checks that need no decoding (missing, folder, empty, not audio, no audio stream, header
    too long) raise :class:`AudioDecodeError` here, before any audio is read."""
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
        fh = p.open("rb")
    except PermissionError:
        raise AudioDecodeError(f"cannot read {name}: permission denied") from None
    try:
        return AudioStream(fh, name, max_seconds, owns_source=True)
    except BaseException:
        fh.close()
        raise


class AudioStream:
    """An open audio file decoded on demand as 16 kHz mono blocks, so a long recording never
    has to be in memory at once.

    :meth:`blocks` yields float32 arrays in [-1, 1] of ``block_s`` seconds (the last one
    shorter), exactly the samples :func:`decode_file` returns, in order. ``truncated`` and
    ``samples_read`` are final once the blocks are exhausted. Decoding errors past the header
    raise :class:`AudioDecodeError` from the iteration (too long, nothing decodable). Use as a
    context manager (or call :meth:`close`).
    """

    def __init__(
        self, source: BinaryIO, name: str, max_seconds: float = MAX_DECODE_SECONDS,
        owns_source: bool = False,
    ) -> None:
        import av

        self.name = name
        self._source = source if owns_source else None
        self._max_samples = int(max_seconds * SAMPLE_RATE)
        self._max_seconds = max_seconds
        try:
            self._container = av.open(source, mode="r", metadata_errors="ignore")
        except (av.error.FFmpegError, UnicodeDecodeError, ValueError, IndexError, OSError):
            raise AudioDecodeError(
                f"{name} is not a readable audio file (unknown format or corrupt data)"
            ) from None
        try:
            if not self._container.streams.audio:
                raise AudioDecodeError(f"{name} contains no audio stream")
            self._stream = self._container.streams.audio[0]
            self.header_seconds = _header_duration(self._container, self._stream)
            if self.header_seconds is not None and self.header_seconds > max_seconds + 1.0:
                raise AudioDecodeError(_too_long(name, self.header_seconds, max_seconds))
        except BaseException:
            self._container.close()
            raise
        self.samples_read = 0
        self.truncated = False

    @property
    def expected_samples(self) -> int:
        """Samples the header promises (a minute when it does not say), plus a second."""
        return int((self.header_seconds or 60.0) * SAMPLE_RATE) + SAMPLE_RATE

    def __enter__(self) -> AudioStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._container.close()
        if self._source is not None:
            self._source.close()

    def blocks(self, block_s: float = 10.0) -> Iterator[np.ndarray]:
        """float32 blocks of ``block_s`` seconds (the last one shorter; none for no audio)."""
        size = max(int(block_s * SAMPLE_RATE), 1)
        buffer = np.empty(size, dtype=np.float32)
        filled = 0
        for pcm in self.pcm_blocks():
            used = 0
            while used < pcm.size:
                take = min(size - filled, pcm.size - used)
                np.multiply(pcm[used : used + take], 1.0 / 32768.0,
                            out=buffer[filled : filled + take], casting="unsafe")
                filled += take
                used += take
                if filled == size:
                    yield buffer.copy()
                    filled = 0
        if filled:
            yield buffer[:filled].copy()

    def pcm_blocks(self) -> Iterator[np.ndarray]:
        """The decoded int16 PCM frames as they come (1-D arrays)."""
        import av

        name, stream = self.name, self._stream
        resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
        dropped = 0
        total = 0
        try:
            for packet in self._container.demux(stream):
                try:
                    frames = packet.decode()
                except av.error.FFmpegError:  # a damaged packet: skip it, keep going
                    dropped += 1
                    continue
                for frame in frames:
                    frame.pts = None  # let the resampler re-time frames with gaps
                    for resampled in resampler.resample(frame):
                        pcm = resampled.to_ndarray().reshape(-1)
                        total += pcm.size
                        yield pcm
                if total > self._max_samples:
                    raise AudioDecodeError(
                        _too_long(name, total / SAMPLE_RATE, self._max_seconds))
            for resampled in resampler.resample(None):
                pcm = resampled.to_ndarray().reshape(-1)
                total += pcm.size
                yield pcm
        except av.error.FFmpegError:
            dropped += 1  # damaged tail: keep what was decoded before it
        except MemoryError:
            raise AudioDecodeError(f"{name} is too large to decode in memory") from None
        self.samples_read = total
        if total > self._max_samples:
            raise AudioDecodeError(_too_long(name, total / SAMPLE_RATE, self._max_seconds))
        if total == 0 and dropped:
            raise AudioDecodeError(f"could not decode any audio from {name} (truncated or corrupt)")
        # uncompressed audio knows its exact length; compressed headers only estimate it
        exact = str(getattr(stream.codec_context, "name", "")).startswith("pcm_")
        header = self.header_seconds
        slack = 0.02 if exact else 0.1 * (header or 0.0) + 0.25
        short = header is not None and total / SAMPLE_RATE < header - slack
        self.truncated = dropped > 0 or short


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
