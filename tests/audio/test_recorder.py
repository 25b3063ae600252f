"""Recorder with the fake microphone: capture, level meter, pause/resume, limits, device errors."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from mindspace.audio.recorder import Recorder, block_level
from mindspace.audio.source import (
    AudioSource,
    DeviceLostError,
    MicrophonePermissionError,
    NoMicrophoneError,
    SoundDeviceSource,
)
from tests.audio.fake_source import FakeAudioSource
from tests.audio.helpers import RATE, tone, write_wav


def wait_until(cond: Callable[[], bool], timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError("condition not reached")
        time.sleep(0.01)


def test_fake_source_implements_the_protocol(tmp_path: Path) -> None:
    src = FakeAudioSource(write_wav(tmp_path / "a.wav", tone(200, 0.5)))
    assert isinstance(src, AudioSource)
    assert isinstance(SoundDeviceSource(), AudioSource)


def test_records_what_the_microphone_hears(tmp_path: Path) -> None:
    audio = tone(300, 1.0, amp=0.5)
    src = FakeAudioSource(write_wav(tmp_path / "a.wav", audio), speed=4.0, loop_silence=False)
    rec = Recorder(src)
    rec.start()
    assert rec.state == Recorder.RECORDING
    wait_until(lambda: rec.elapsed_s >= 0.5)
    level = rec.level()
    assert level.rms_dbfs == pytest.approx(20 * np.log10(0.5 / np.sqrt(2)), abs=1.0)
    assert level.peak_dbfs == pytest.approx(20 * np.log10(0.5), abs=0.5)
    wait_until(lambda: rec.elapsed_s >= 1.0)
    recording = rec.stop()
    assert rec.state == Recorder.STOPPED and src.stopped.is_set()
    assert recording.sample_rate == RATE and recording.stop_reason == "stopped"
    n = audio.size
    assert np.allclose(recording.samples[:n], audio, atol=1e-4)
    assert recording.samples_16k().dtype == np.float32


def test_pause_drops_audio_and_resume_continues(tmp_path: Path) -> None:
    src = FakeAudioSource(tone(200, 0.1), sample_rate=RATE, speed=5.0)
    rec = Recorder(src)
    rec.start()
    wait_until(lambda: rec.elapsed_s >= 0.3)
    rec.pause()
    paused_at = rec.elapsed_s
    handed_out = src.delivered_s
    wait_until(lambda: src.delivered_s >= handed_out + 1.0)  # audio arrives and is dropped
    assert rec.elapsed_s == paused_at and rec.state == Recorder.PAUSED
    assert rec.level().rms_dbfs == -100.0
    rec.resume()
    wait_until(lambda: rec.elapsed_s >= paused_at + 0.2)
    recording = rec.stop()
    assert recording.duration_s < 1.2


def test_stops_by_itself_at_the_maximum_length(tmp_path: Path) -> None:
    src = FakeAudioSource(tone(200, 0.2), sample_rate=RATE, speed=10.0)
    done = threading.Event()
    reasons: list[str] = []
    def stopped(reason: str) -> None:
        reasons.append(reason)
        done.set()

    rec = Recorder(src, max_seconds=0.5, on_stopped=stopped)
    rec.start()
    assert done.wait(10)
    assert reasons == ["max-length"] and rec.state == Recorder.STOPPED
    recording = rec.recording()
    assert recording.duration_s == pytest.approx(0.5, abs=1e-6)
    assert recording.stop_reason == "max-length"


def test_device_lost_mid_recording_keeps_what_was_recorded(tmp_path: Path) -> None:
    audio = tone(250, 2.0)
    src = FakeAudioSource(audio, sample_rate=RATE, speed=10.0, disappear_after_s=0.6)
    done = threading.Event()
    rec = Recorder(src, on_stopped=lambda r: done.set())
    rec.start()
    assert done.wait(10)
    assert rec.stop_reason == "device-lost" and isinstance(rec.error, DeviceLostError)
    recording = rec.recording()
    assert recording.duration_s == pytest.approx(0.6, abs=0.06)
    assert np.allclose(recording.samples, audio[: recording.samples.size], atol=1e-4)
    assert "kept" in (recording.error or "")


@pytest.mark.parametrize("error", [NoMicrophoneError(), MicrophonePermissionError()])
def test_start_errors_are_clear(error: Exception) -> None:
    rec = Recorder(FakeAudioSource(tone(), sample_rate=RATE, fail_on_start=error))  # type: ignore[arg-type]
    with pytest.raises(type(error)) as info:
        rec.start()
    assert "\n" not in str(info.value) and rec.state == Recorder.IDLE


def test_stereo_blocks_are_mixed_to_mono() -> None:
    src = FakeAudioSource(tone(200, 0.5), sample_rate=RATE, speed=10.0, channels=2)
    rec = Recorder(src)
    rec.start()
    wait_until(lambda: rec.elapsed_s >= 0.2)
    assert rec.stop().samples.ndim == 1


def test_discard_forgets_audio() -> None:
    rec = Recorder(FakeAudioSource(tone(200, 0.5), sample_rate=RATE, speed=10.0))
    rec.start()
    wait_until(lambda: rec.elapsed_s >= 0.2)
    rec.discard()
    assert rec.recording().samples.size == 0


def test_block_level_floor() -> None:
    assert block_level(np.zeros(100, np.float32)).rms_dbfs == -100.0
    assert block_level(np.ones(10, np.float32)).clipping


def test_unknown_microphone_name_is_a_clear_error() -> None:
    src = SoundDeviceSource(device="no such microphone 12345")
    with pytest.raises(NoMicrophoneError) as info:
        src.start()
    assert "\n" not in str(info.value)
