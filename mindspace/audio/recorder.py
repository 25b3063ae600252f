"""A recording session: capture on its own thread, level meter, pause/resume, maximum length.

Contract
--------
* ``Recorder(source, max_seconds=300)``; ``start()`` opens the source and starts the capture
  thread (device errors from opening are raised right there as
  :class:`~mindspace.audio.source.AudioDeviceError`). ``pause()``/``resume()`` keep the device
  open but drop the blocks that arrive while paused. ``stop()`` ends capture and returns a
  :class:`Recording`. At ``max_seconds`` of recorded audio the recorder stops by itself
  (``stop_reason == "max-length"``).
* If the device disappears mid-recording the recorder stops with ``stop_reason ==
  "device-lost"`` and ``error`` holding the :class:`~mindspace.audio.source.DeviceLostError`;
  everything recorded until then is kept in ``recording()``.
* ``level()``, ``elapsed_s``, ``state`` may be polled from any thread (e.g. a GUI timer);
  ``on_stopped(reason)`` is called on the capture thread when it ends on its own.
* Audio lives in memory only (float32 mono blocks); it is never written to disk.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mindspace.audio.decode import resample
from mindspace.audio.source import AudioDeviceError, AudioSource
from mindspace.core.rules import SAMPLE_RATE

DEFAULT_MAX_SECONDS = 5 * 60
FLOOR_DB = -100.0


@dataclass(frozen=True)
class Level:
    """Input level of the latest block in dBFS (floored at -100)."""

    rms_dbfs: float = FLOOR_DB
    peak_dbfs: float = FLOOR_DB

    @property
    def clipping(self) -> bool:
        return self.peak_dbfs > -0.5


@dataclass(frozen=True)
class Recording:
    """Recorded mono float32 audio at ``sample_rate`` and why recording stopped."""

    samples: np.ndarray
    sample_rate: int
    stop_reason: str
    error: str | None = None

    @property
    def duration_s(self) -> float:
        return float(self.samples.size) / float(self.sample_rate) if self.sample_rate else 0.0

    def samples_16k(self) -> np.ndarray:
        """The audio resampled to 16 kHz mono float32 (what the models expect)."""
        return resample(self.samples, self.sample_rate, SAMPLE_RATE)


def block_level(block: np.ndarray) -> Level:
    if block.size == 0:
        return Level()
    x = block.astype(np.float64)
    rms = float(np.sqrt(np.mean(x * x)))
    peak = float(np.max(np.abs(x)))
    return Level(
        rms_dbfs=max(FLOOR_DB, 20.0 * np.log10(rms)) if rms > 0 else FLOOR_DB,
        peak_dbfs=max(FLOOR_DB, 20.0 * np.log10(peak)) if peak > 0 else FLOOR_DB,
    )


class Recorder:
    IDLE, RECORDING, PAUSED, STOPPED = "idle", "recording", "paused", "stopped"

    def __init__(
        self,
        source: AudioSource,
        max_seconds: float = DEFAULT_MAX_SECONDS,
        on_stopped: Callable[[str], None] | None = None,
    ) -> None:
        self._source = source
        self.max_seconds = float(max_seconds)
        self._on_stopped = on_stopped
        self._lock = threading.Lock()
        self._blocks: list[np.ndarray] = []
        self._frames = 0
        self._level = Level()
        self._state = self.IDLE
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.stop_reason = ""
        self.error: AudioDeviceError | None = None

    # ---- state (any thread) ----------------------------------------------------------------
    @property
    def state(self) -> str:
        with self._lock:
            return self._state

    @property
    def sample_rate(self) -> int:
        return int(self._source.sample_rate)

    @property
    def elapsed_s(self) -> float:
        with self._lock:
            return self._frames / float(self.sample_rate)

    def level(self) -> Level:
        with self._lock:
            return self._level

    # ---- control ----------------------------------------------------------------------------
    def start(self) -> None:
        if self.state != self.IDLE:
            raise RuntimeError("a recorder can only be started once")
        self._source.start()  # AudioDeviceError propagates to the caller
        with self._lock:
            self._state = self.RECORDING
        self._thread = threading.Thread(target=self._run, name="mindspace-capture", daemon=True)
        self._thread.start()

    def pause(self) -> None:
        with self._lock:
            if self._state == self.RECORDING:
                self._state = self.PAUSED
                self._level = Level()

    def resume(self) -> None:
        with self._lock:
            if self._state == self.PAUSED:
                self._state = self.RECORDING

    def stop(self) -> Recording:
        """Stop (if still running) and return everything recorded so far."""
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5.0)
        self._finish("stopped")
        return self.recording()

    def recording(self) -> Recording:
        with self._lock:
            samples = (
                np.concatenate(self._blocks) if self._blocks else np.zeros(0, dtype=np.float32)
            )
        return Recording(
            samples=samples.astype(np.float32, copy=False),
            sample_rate=self.sample_rate,
            stop_reason=self.stop_reason or "stopped",
            error=str(self.error) if self.error else None,
        )

    def discard(self) -> None:
        """Stop and forget the audio (zeroing the buffers)."""
        self.stop()
        with self._lock:
            for block in self._blocks:
                block.fill(0.0)
            self._blocks.clear()
            self._frames = 0

    # ---- capture thread ---------------------------------------------------------------------
    def _run(self) -> None:
        reason = "stopped"
        max_frames = int(self.max_seconds * self.sample_rate)
        try:
            while not self._stop.is_set():
                block = self._source.read(timeout=0.1)
                if block is None:
                    continue
                mono = block.mean(axis=1) if block.ndim == 2 else block.reshape(-1)
                mono = mono.astype(np.float32, copy=False)
                with self._lock:
                    if self._state != self.RECORDING:
                        continue
                    room = max_frames - self._frames
                    if room <= 0:
                        reason = "max-length"
                        break
                    take = mono[:room]
                    self._blocks.append(take.copy())
                    self._frames += take.size
                    self._level = block_level(take)
                    if self._frames >= max_frames:
                        reason = "max-length"
                        break
        except AudioDeviceError as exc:
            self.error = exc
            reason = "device-lost"
        finished_by_itself = not self._stop.is_set()
        self._finish(reason)
        if finished_by_itself and self._on_stopped is not None:
            self._on_stopped(reason)

    def _finish(self, reason: str) -> None:
        with self._lock:
            if self._state == self.STOPPED:
                return
            self._state = self.STOPPED
            self._level = Level()
            self.stop_reason = reason
        self._source.stop()
