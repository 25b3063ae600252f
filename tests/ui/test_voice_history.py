"""Past voice check-ins: listed newest first, read back, audio played from memory, deleted."""
# mypy: disable-error-code="union-attr"

from __future__ import annotations

from datetime import datetime

import numpy as np
import pytest

from mindspace.app import AppServices
from mindspace.ui.voice_history import VoiceHistory

pytestmark = pytest.mark.gui


class FakePlayer:
    def __init__(self) -> None:
        self.played: list[tuple[int, int]] = []

    def play(self, samples: np.ndarray, rate: int) -> None:
        self.played.append((samples.size, rate))

    def stop(self) -> None:
        pass


def test_list_read_play_and_delete(qtbot, open_services: AppServices, tasks_done) -> None:
    voice = open_services.voice
    tone = (0.2 * np.sin(np.arange(16000) / 16000 * 2 * np.pi * 180)).astype(np.float32)
    old = voice.add(
        duration_s=1.0,
        transcript="a quiet walk by the river",
        fusion={"level": "low", "explanation": "calm words and a steady voice"},
        audio=tone,
        sample_rate=16000,
        recorded_at=datetime(2026, 3, 1, 9, 0),
    )
    voice.add(duration_s=2.0, transcript="", recorded_at=datetime(2026, 3, 2, 9, 0))
    page = VoiceHistory(open_services, player=(player := FakePlayer()))
    page.confirm = lambda _t, _x: True
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000) as listed:
        page.show()
    assert listed.args == [2]
    first = page.checkin_list.item(0).text()
    assert first.startswith("Mon 02 Mar 2026") and "no audio" in first
    page.checkin_list.setCurrentRow(1)
    assert page.transcript.toPlainText() == "a quiet walk by the river"
    assert "Low" in page.reading.text() and "not a diagnosis" in page.reading.text()
    with qtbot.waitSignal(page.played, timeout=10_000):
        page.play()
    assert player.played == [(16000, 16000)]
    with qtbot.waitSignal(page.refreshed, timeout=10_000) as after:
        page.delete_current()
    assert after.args == [1]
    assert old.id not in {c.id for c in voice.list()}
    page.clear()
    assert page.checkin_list.count() == 0 and page.transcript.toPlainText() == ""
    tasks_done()


class _NoOutputSoundDevice:
    """sounddevice as PortAudio answers on a machine without any output device."""

    class PortAudioError(Exception):
        pass

    def __init__(self) -> None:
        self.played = 0

    def query_devices(self, device: object = None, kind: str | None = None) -> object:
        raise self.PortAudioError("Error querying device -1")

    def play(self, *_args: object, **_kwargs: object) -> None:
        self.played += 1
        raise self.PortAudioError("Error querying device -1")

    def stop(self) -> None:
        pass


def test_play_without_a_sound_device_says_so_plainly(
    qtbot, open_services: AppServices, monkeypatch, tasks_done
) -> None:
    from mindspace.audio import source

    monkeypatch.setattr(source, "_sd", _NoOutputSoundDevice)
    voice = open_services.voice
    tone = (0.2 * np.sin(np.arange(8000) / 16000 * 2 * np.pi * 180)).astype(np.float32)
    for day in (1, 2):
        voice.add(duration_s=0.5, transcript=f"day {day}", audio=tone, sample_rate=16000,
                  recorded_at=datetime(2026, 3, day, 9, 0))
    page = VoiceHistory(open_services)  # the real speaker, faked only at PortAudio
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.show()
    page.checkin_list.setCurrentRow(0)
    page.play_button.click()
    qtbot.waitUntil(lambda: "Decrypting" not in page.status.text(), timeout=10_000)
    assert page.status.text() == "No sound output device is available"
    page.checkin_list.setCurrentRow(1)
    assert page.status.text() == ""
    assert page.transcript.toPlainText() == "day 1"
    tasks_done()
