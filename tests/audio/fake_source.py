"""A fake microphone: replays a WAV file (or an array) in real-time-sized blocks.

Like Buzz's ``tests/mock_sounddevice.py``: it implements the same ``AudioSource`` protocol as
``SoundDeviceSource`` and is injected through the constructor, so the recorder, the GUI and the
rest of the pipeline run unchanged. ``speed`` > 1 replays faster than real time (blocks keep
their real size); ``disappear_after_s`` makes the device vanish mid-recording; ``fail_on_start``
raises an ``AudioDeviceError`` from ``start()`` (no microphone / permission denied). After the
file ends it delivers silence, like a microphone in a quiet room.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf

from mindspace.audio.source import AudioDeviceError, DeviceLostError


class FakeAudioSource:
    def __init__(
        self,
        audio: Path | str | np.ndarray,
        sample_rate: int | None = None,
        block_s: float = 0.05,
        speed: float = 1.0,
        disappear_after_s: float | None = None,
        fail_on_start: AudioDeviceError | None = None,
        loop_silence: bool = True,
        channels: int = 1,
    ) -> None:
        if isinstance(audio, np.ndarray):
            if sample_rate is None:
                raise ValueError("an array needs its sample_rate")
            data = audio.astype(np.float32)
            rate = sample_rate
        else:
            data, rate = sf.read(str(audio), dtype="float32", always_2d=False)
        if data.ndim == 2:
            data = data.mean(axis=1)
        self._data = np.asarray(data, dtype=np.float32)
        self._rate = int(rate)
        self._channels = channels
        self._block = max(1, int(self._rate * block_s))
        self._speed = speed
        self._disappear_frames = (
            None if disappear_after_s is None else int(disappear_after_s * self._rate)
        )
        self._fail = fail_on_start
        self._loop_silence = loop_silence
        self._pos = 0
        self._started = False
        self._t0 = 0.0
        self.stopped = threading.Event()
        self.start_calls = 0

    @property
    def delivered_s(self) -> float:
        """Seconds of audio the fake device has handed out so far."""
        return self._pos / self._rate

    @property
    def sample_rate(self) -> int:
        return self._rate

    @property
    def channels(self) -> int:
        return self._channels

    def start(self) -> None:
        self.start_calls += 1
        if self._fail is not None:
            raise self._fail
        self._started = True
        self._t0 = time.monotonic()

    def read(self, timeout: float = 0.1) -> np.ndarray | None:
        if not self._started:
            return None
        if self._disappear_frames is not None and self._pos >= self._disappear_frames:
            raise DeviceLostError()
        # pace: block k is available at t0 + k * block / rate / speed
        due = self._t0 + (self._pos / self._rate) / self._speed
        wait = due - time.monotonic()
        if wait > timeout:
            time.sleep(timeout)
            return None
        if wait > 0:
            time.sleep(wait)
        chunk = self._data[self._pos : self._pos + self._block]
        if chunk.size < self._block:
            if not self._loop_silence and chunk.size == 0:
                return None
            chunk = np.concatenate([chunk, np.zeros(self._block - chunk.size, np.float32)])
        self._pos += self._block
        block = np.repeat(chunk[:, None], self._channels, axis=1)
        return block

    def stop(self) -> None:
        self._started = False
        self.stopped.set()
