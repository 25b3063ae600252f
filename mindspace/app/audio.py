"""Audio devices for the front ends: microphones, recording sessions and playback from memory.

The GUI imports these from here (never from `mindspace.audio`). Recording runs on the
recorder's own thread; `Recorder.level()` / `elapsed_s` / `state` may be polled from a GUI timer.
Everything stays in memory. Device problems raise `AudioDeviceError` (a `UserError`).
"""

from __future__ import annotations

from mindspace.audio.recorder import DEFAULT_MAX_SECONDS, Level, Recorder, Recording
from mindspace.audio.source import (
    AudioDeviceError,
    AudioPlayer,
    AudioSource,
    InputDevice,
    SoundDevicePlayer,
    SoundDeviceSource,
    list_input_devices,
)
from mindspace.core.rules import SAMPLE_RATE


def microphone(device: str | None = None) -> AudioSource:
    """The system microphone (`device`: a name or index as text; None for the default)."""
    return SoundDeviceSource(device=device)


def speaker() -> AudioPlayer:
    """Playback through the default output, from memory."""
    return SoundDevicePlayer()


def start_recording(source: AudioSource, max_seconds: float = DEFAULT_MAX_SECONDS) -> Recorder:
    """Open `source` and start capturing on the recorder's thread (AudioDeviceError if the
    device cannot be opened)."""
    recorder = Recorder(source, max_seconds=max_seconds)
    recorder.start()
    return recorder


def input_device_names() -> list[str]:
    """Names of the microphones the audio system sees (empty when there is none or no audio
    system at all)."""
    try:
        return [d.name for d in list_input_devices()]
    except Exception:  # noqa: BLE001 - no audio system: only "System default" is offered
        return []


__all__ = [
    "DEFAULT_MAX_SECONDS",
    "SAMPLE_RATE",
    "AudioDeviceError",
    "AudioPlayer",
    "AudioSource",
    "InputDevice",
    "Level",
    "Recorder",
    "Recording",
    "input_device_names",
    "list_input_devices",
    "microphone",
    "speaker",
    "start_recording",
]
