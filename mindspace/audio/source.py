"""Audio capture behind the :class:`AudioSource` protocol, with a real ``sounddevice`` backend.

Contract
--------
* An :class:`AudioSource` delivers float32 blocks shaped ``(frames, channels)`` at
  ``sample_rate``: ``start()`` opens the device, ``read(timeout)`` returns the next block or
  ``None`` when none arrived within ``timeout`` seconds, ``stop()`` closes it (idempotent).
  ``read`` raises :class:`DeviceLostError` once the device has gone away; blocks captured before
  that were already returned, so the caller keeps them.
* :class:`SoundDeviceSource` runs a PortAudio ``InputStream`` whose callback (PortAudio's thread)
  copies each block into a bounded queue (:data:`QUEUE_BLOCKS` blocks, ~10 s); if the consumer
  stalls, the oldest block is dropped and counted in ``dropped_blocks``. Nothing is written to
  disk.
* Errors are :class:`AudioDeviceError` subclasses with one-line messages:
  :class:`NoMicrophoneError`, :class:`MicrophonePermissionError`, :class:`DeviceLostError`.
* Tests inject a fake source (``tests/audio/fake_source.py``); no test opens a real device.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import numpy as np

from mindspace.core.errors import UserError
from mindspace.core.rules import SAMPLE_RATE

QUEUE_BLOCKS = 200
DEFAULT_BLOCK_S = 0.05
# if no block has arrived for this long while "recording", the device is considered gone
STALL_S = 2.0


class AudioDeviceError(UserError, RuntimeError):
    """A microphone problem the user can act on (one-line message)."""


class NoMicrophoneError(AudioDeviceError):
    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "no microphone found: connect one, or choose another input in Preferences"
        )


class MicrophonePermissionError(AudioDeviceError):
    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "MindSpace is not allowed to use the microphone: allow it in your system's "
            "privacy settings, then try again"
        )


class NoSpeakerError(AudioDeviceError):
    def __init__(self, message: str = "") -> None:
        super().__init__(message or "no sound output device is available")


class DeviceLostError(AudioDeviceError):
    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "the microphone stopped working during the recording (disconnected?); "
            "what was recorded until then is kept"
        )


@runtime_checkable
class AudioSource(Protocol):
    """Something that produces audio blocks; see the module contract."""

    @property
    def sample_rate(self) -> int: ...

    @property
    def channels(self) -> int: ...

    def start(self) -> None: ...

    def read(self, timeout: float = 0.1) -> np.ndarray | None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    channels: int
    default_rate: float
    is_default: bool = False

    def label(self) -> str:
        return f"{self.name}{' (default)' if self.is_default else ''}"


def _sd() -> Any:
    try:
        import sounddevice
    except OSError as exc:  # PortAudio library missing
        raise NoMicrophoneError(f"the audio system is not available ({exc})") from None
    return sounddevice


def list_input_devices() -> list[InputDevice]:
    """Input-capable devices (may be empty). Raises NoMicrophoneError if PortAudio is missing."""
    sd = _sd()
    try:
        devices = sd.query_devices()
        default_in = sd.default.device[0] if sd.default.device else -1
    except sd.PortAudioError as exc:
        raise NoMicrophoneError(f"could not list audio devices ({exc})") from None
    found = []
    for index, dev in enumerate(devices):
        if int(dev.get("max_input_channels", 0)) > 0:
            found.append(
                InputDevice(
                    index=index,
                    name=str(dev.get("name", f"device {index}")),
                    channels=int(dev["max_input_channels"]),
                    default_rate=float(dev.get("default_samplerate", 0.0)),
                    is_default=index == default_in,
                )
            )
    return found


def _classify(exc: Exception) -> AudioDeviceError:
    text = str(exc).lower()
    if "permission" in text or "access denied" in text or "not permitted" in text:
        return MicrophonePermissionError()
    if "invalid device" in text or "no default" in text or "device unavailable" in text:
        return NoMicrophoneError()
    return NoMicrophoneError(f"the microphone could not be opened ({str(exc).splitlines()[0]})")


class SoundDeviceSource:
    """Microphone capture through PortAudio. ``device`` is an index, a name (substring) or None
    for the system default input."""

    def __init__(
        self,
        device: int | str | None = None,
        sample_rate: int | None = None,
        channels: int = 1,
        block_s: float = DEFAULT_BLOCK_S,
    ) -> None:
        self._device = device
        self._requested_rate = sample_rate
        self._rate = int(sample_rate or SAMPLE_RATE)
        self._channels = channels
        self._block_s = block_s
        self._queue: queue.Queue[np.ndarray] = queue.Queue(maxsize=QUEUE_BLOCKS)
        self._stream: Any = None
        self._lost = threading.Event()
        self._last_block = 0.0
        self.dropped_blocks = 0

    @property
    def sample_rate(self) -> int:
        return self._rate

    @property
    def channels(self) -> int:
        return self._channels

    def _resolve_device(self, sd: Any) -> int | None:
        if self._device is None or self._device == "":
            devices = list_input_devices()
            if not devices:
                raise NoMicrophoneError()
            return None
        if isinstance(self._device, int) or str(self._device).isdigit():
            return int(self._device)
        for dev in list_input_devices():
            if str(self._device).lower() in dev.name.lower():
                return dev.index
        raise NoMicrophoneError(
            f"the microphone {self._device!r} is not connected: choose another in Preferences"
        )

    def start(self) -> None:
        sd = _sd()
        device = self._resolve_device(sd)
        if self._requested_rate is None:
            try:
                sd.check_input_settings(device=device, samplerate=SAMPLE_RATE,
                                        channels=self._channels, dtype="float32")
                self._rate = SAMPLE_RATE
            except Exception:  # device cannot do 16 kHz: use its own rate, resample later
                info = sd.query_devices(device if device is not None else sd.default.device[0])
                self._rate = int(info["default_samplerate"])
        self._lost.clear()
        try:
            self._stream = sd.InputStream(
                device=device,
                samplerate=self._rate,
                channels=self._channels,
                dtype="float32",
                blocksize=max(64, int(self._rate * self._block_s)),
                callback=self._callback,
                finished_callback=self._lost.set,
            )
            self._stream.start()
        except sd.PortAudioError as exc:
            self._stream = None
            raise _classify(exc) from None
        self._last_block = time.monotonic()

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        """PortAudio's thread: copy the block into the bounded queue, never block."""
        block = np.array(indata, dtype=np.float32, copy=True)
        try:
            self._queue.put_nowait(block)
        except queue.Full:
            try:
                self._queue.get_nowait()
                self.dropped_blocks += 1
            except queue.Empty:
                pass
            self._queue.put_nowait(block)

    def read(self, timeout: float = 0.1) -> np.ndarray | None:
        try:
            block = self._queue.get(timeout=timeout)
        except queue.Empty:
            block = None
        if block is not None:
            self._last_block = time.monotonic()
            return block
        stream = self._stream
        gone = self._lost.is_set() or stream is None or not bool(getattr(stream, "active", False))
        if stream is not None and (gone or time.monotonic() - self._last_block > STALL_S):
            raise DeviceLostError()
        return None

    def stop(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        try:
            stream.stop()
            stream.close()
        except Exception:  # the device may already be gone; closing must not fail
            pass


class AudioPlayer(Protocol):
    """Plays mono audio held in memory (never from a file)."""

    def play(self, samples: np.ndarray, sample_rate: int) -> None: ...

    def stop(self) -> None: ...


class SoundDevicePlayer:
    """Playback through PortAudio's default output; the array is played from memory."""

    def play(self, samples: np.ndarray, sample_rate: int) -> None:
        try:
            sd = _sd()
        except AudioDeviceError:
            raise NoSpeakerError() from None
        try:
            sd.query_devices(kind="output")  # PortAudio's "Error querying device -1": none
        except (sd.PortAudioError, ValueError):
            raise NoSpeakerError() from None
        try:
            sd.play(np.asarray(samples, dtype=np.float32), int(sample_rate), blocking=False)
        except sd.PortAudioError:
            raise AudioDeviceError(
                "the sound output device could not play the audio: check that it is connected "
                "and not used by another program"
            ) from None

    def stop(self) -> None:
        with contextlib.suppress(Exception):  # nothing playing / no device: must not fail
            _sd().stop()
