"""Voice check-in screen with the fake microphone, real models and a real vault."""
# mypy: disable-error-code="union-attr, no-untyped-def"

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from mindspace.app import AppServices
from mindspace.audio.decode import decode_file, to_int16
from mindspace.audio.source import MicrophonePermissionError
from mindspace.ui.voice_screen import VoiceScreen
from tests.audio import helpers
from tests.audio.fake_source import FakeAudioSource
from tests.cli.helpers import run_cli
from tests.conftest import PASSPHRASE
from tests.ui.test_accessibility import assert_all_named

pytestmark = pytest.mark.gui


class FakePlayer:
    def __init__(self) -> None:
        self.played: list[tuple[np.ndarray, int]] = []

    def play(self, samples: np.ndarray, rate: int) -> None:
        self.played.append((samples.copy(), rate))

    def stop(self) -> None:
        pass


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    tmp = tmp_path / "private-tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return tmp


@pytest.fixture
def voice_services(open_services: AppServices, monkeypatch: pytest.MonkeyPatch) -> AppServices:
    """The open vault, with the real models loaded once per test process."""
    monkeypatch.setattr(open_services, "transcriber", helpers.transcriber)
    monkeypatch.setattr(open_services, "text_analyzer", helpers.text_analyzer)
    return open_services


def _speech(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "input"
    folder.mkdir(exist_ok=True)
    return helpers.speak(text, folder / f"{abs(hash(text))}.wav")


def _screen(qtbot, new_services, wav: Path, **source_kw) -> tuple[VoiceScreen, FakePlayer]:
    player = FakePlayer()
    kw = {"speed": 8.0, **source_kw}
    screen = VoiceScreen(new_services, source_factory=lambda device: FakeAudioSource(wav, **kw),
                         player=player)
    qtbot.addWidget(screen)
    screen.show()
    return screen, player


def _record(qtbot, screen: VoiceScreen, seconds: float) -> None:
    qtbot.mouseClick(screen.record_button, Qt.MouseButton.LeftButton)
    assert screen.state == "recording"
    levels: list[int] = []

    def recorded_enough() -> bool:
        levels.append(screen.level_bar.value())
        return screen.recorder is not None and screen.recorder.elapsed_s >= seconds

    qtbot.waitUntil(recorded_enough, timeout=20_000)
    assert max(levels) > -40  # the live meter showed speech
    assert screen.elapsed_label.text().endswith("/ 5:00")


def _files(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def test_record_transcribe_analyse_save_encrypted(
    qtbot, voice_services: AppServices, tmp_path: Path, private_tmp: Path, tasks_done, screenshot
) -> None:
    sentence = "today I walked along the riverbank and watched the ducks swimming in the sunshine"
    wav = _speech(tmp_path, sentence)
    duration = decode_file(wav).duration_s
    screen, player = _screen(qtbot, voice_services, wav)
    assert_all_named(screen, "voice screen")

    _record(qtbot, screen, duration)
    with qtbot.waitSignal(screen.analysis_ready, timeout=60_000) as analysed:
        qtbot.mouseClick(screen.stop_button, Qt.MouseButton.LeftButton)
    result = analysed.args[0]
    transcript = screen.transcript_edit.toPlainText().lower()
    assert "riverbank" in transcript or "river bank" in transcript
    assert "swimming" in transcript
    assert result["risk"]["level"] in ("low", "moderate", "high")
    assert screen.level_label.text().startswith("Indication: ")
    assert "not a diagnosis" in screen.explanation_label.text()
    assert "Pitch around" in screen.voice_label.text()
    assert "population defaults" in screen.voice_label.text()
    assert screen.rec_buttons and screen.save_button.isEnabled()
    assert_all_named(screen, "voice screen with results")
    screen.resize(900, 760)
    screenshot(screen, "analysed")

    qtbot.mouseClick(screen.play_button, Qt.MouseButton.LeftButton)
    assert player.played and player.played[0][1] == 16000
    assert screen._audio is not None
    pcm_probe = to_int16(screen._audio)[8000:8032].tobytes()
    assert np.any(np.frombuffer(pcm_probe, np.int16) != 0)

    screen.keep_audio_check.setChecked(True)
    screen.mood_combo.setCurrentIndex(4)  # "4 Good"
    first = next(iter(screen.rec_buttons))
    qtbot.mouseClick(screen.rec_buttons[first][0], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.checkin_saved, timeout=20_000) as saved:
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    tasks_done()
    checkin = voice_services.voice.get(saved.args[0])
    assert checkin.has_audio and checkin.self_mood == 4 and checkin.feedback == {first: True}
    assert checkin.transcript == screen.transcript_edit.toPlainText()
    hits = voice_services.journal.search("swimming")
    assert [h.entry_id for h in hits] == [checkin.journal_entry_id]
    pcm, rate = voice_services.voice.load_audio(checkin.id)
    assert rate == 16000 and abs(pcm.size / rate - duration) < 1.0

    # nothing readable on disk: no transcript words, no raw audio, no plain SQLite
    screen.clear()
    voice_services.lock()
    files = _files(voice_services.data_dir, private_tmp)
    assert any(p.suffix == ".blob" for p in files)
    for path in files:
        data = path.read_bytes()
        for word in (b"swimming", b"river bank", "swimming".encode("utf-16-le")):
            assert word not in data, f"plaintext in {path}"
        assert pcm_probe not in data, f"raw audio in {path}"
        assert not data.startswith(b"SQLite format 3"), f"plain database {path}"


def test_crisis_words_raise_the_signal_and_high(
    qtbot, voice_services: AppServices, tmp_path: Path
) -> None:
    wav = _speech(tmp_path, "I feel hopeless and I want to end my life")
    screen, _ = _screen(qtbot, voice_services, wav)
    with qtbot.waitSignal(screen.crisis_detected, timeout=60_000) as crisis:
        screen.import_file(wav)
    assert crisis.args[0]["level"] == "urgent" and crisis.args[0]["source"] == "voice"
    assert screen.level_label.text() == "Indication: High"
    assert screen.crisis_panel.isVisible()  # the calm panel opens on the voice page too
    # the personal model's line was computed on the worker and arrived by signal
    assert "personal model starts after" in screen.personal_label.text()
    assert "safety plan" in " ".join(
        b[0].accessibleName().lower() for b in screen.rec_buttons.values()
    )


def test_edit_transcript_then_reanalyse_and_update(
    qtbot, voice_services: AppServices, tmp_path: Path, tasks_done
) -> None:
    wav = _speech(tmp_path, "I had a calm and pleasant afternoon in the garden")
    screen, _ = _screen(qtbot, voice_services, wav)
    with qtbot.waitSignal(screen.analysis_ready, timeout=60_000):
        screen.import_file(wav)
    with qtbot.waitSignal(screen.checkin_saved, timeout=20_000) as saved:
        screen.save()
    screen.transcript_edit.setPlainText("I had an awful, miserable afternoon and I feel terrible")
    with qtbot.waitSignal(screen.analysis_ready, timeout=30_000) as again:
        qtbot.mouseClick(screen.reanalyse_button, Qt.MouseButton.LeftButton)
    assert again.args[0]["text"]["sentiment"]["compound"] < -0.3
    with qtbot.waitSignal(screen.checkin_saved, timeout=20_000) as updated:
        screen.save()
    tasks_done()
    assert updated.args[0] == saved.args[0]
    checkin = voice_services.voice.get(saved.args[0])
    assert checkin.transcript_edited and "miserable" in checkin.transcript
    assert not checkin.has_audio and checkin.source == "import"
    assert voice_services.journal.search("miserable")


def test_device_lost_keeps_the_recording(
    qtbot, voice_services: AppServices, tmp_path: Path
) -> None:
    wav = _speech(tmp_path, "one two three four five six seven eight nine ten")
    screen, _ = _screen(qtbot, voice_services, wav, disappear_after_s=2.0)
    with qtbot.waitSignal(screen.analysis_ready, timeout=60_000):
        qtbot.mouseClick(screen.record_button, Qt.MouseButton.LeftButton)
    assert screen.transcript_edit.toPlainText()  # the first two seconds were kept and used
    assert screen._audio is not None and abs(screen._audio.size / 16000 - 2.0) < 0.1


def test_permission_denied_and_bad_import_are_one_line(
    qtbot, voice_services: AppServices, tmp_path: Path
) -> None:
    wav = _speech(tmp_path, "hello")
    screen, _ = _screen(qtbot, voice_services, wav, fail_on_start=MicrophonePermissionError())
    with qtbot.waitSignal(screen.failed) as failed:
        qtbot.mouseClick(screen.record_button, Qt.MouseButton.LeftButton)
    assert "privacy settings" in failed.args[0] and screen.state == "idle"
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(os.urandom(3000))
    with qtbot.waitSignal(screen.failed, timeout=10_000) as failed:
        screen.import_file(junk)
    assert "not a readable audio file" in failed.args[0] and "\n" not in failed.args[0]
    assert screen.record_button.isEnabled()


def test_import_is_shown_busy_before_any_work_runs(
    qtbot, voice_services: AppServices, tmp_path: Path
) -> None:
    wav = _speech(tmp_path, "hello")
    screen, _ = _screen(qtbot, voice_services, wav)
    junk = tmp_path / "junk.wav"
    junk.write_bytes(os.urandom(2000))
    with qtbot.waitSignal(screen.failed, timeout=10_000):
        screen.import_file(junk)
        # no event has been processed yet: the indicator is already there
        assert screen.progress.isVisible() and screen.progress.maximum() == 0  # busy
        assert screen.status.text() == "Getting ready..."
    assert not screen.progress.isVisible()


def test_pause_resume_max_length_and_cancel(
    qtbot, voice_services: AppServices, tmp_path: Path
) -> None:
    wav = _speech(tmp_path, "this is a longer recording that keeps going for a while longer")
    player = FakePlayer()
    screen = VoiceScreen(
        voice_services, player=player, max_seconds=1.5,
        source_factory=lambda device: FakeAudioSource(wav, speed=4.0),
    )
    qtbot.addWidget(screen)
    qtbot.mouseClick(screen.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.recorder.elapsed_s >= 0.5, timeout=10_000)
    qtbot.mouseClick(screen.pause_button, Qt.MouseButton.LeftButton)
    assert screen.state == "paused" and screen.pause_button.text() == "Res&ume"
    qtbot.mouseClick(screen.pause_button, Qt.MouseButton.LeftButton)
    assert screen.state == "recording"
    # the recorder stops itself at 1.5 s; the analysis starts and is cancelled at once
    qtbot.waitUntil(lambda: screen.state == "working", timeout=10_000)
    assert screen.status.text().startswith("Stopped at the 0:01 limit.")
    screen.cancel()
    qtbot.waitUntil(lambda: screen.state == "idle", timeout=30_000)
    assert screen.status.text() == "Cancelled."


def test_gui_import_and_cli_voice_add_store_the_same(
    qtbot, voice_services: AppServices, tmp_path: Path, tasks_done
) -> None:
    """One file through both front ends (the screen's import + save, `mindspace voice add` in a
    separate vault): the same transcript, indication and crisis level are stored."""
    wav = _speech(tmp_path, "I feel hopeless and I want to end my life")
    screen, _ = _screen(qtbot, voice_services, wav)
    with qtbot.waitSignal(screen.analysis_ready, timeout=60_000):
        screen.import_file(wav)
    assert screen.crisis_panel.isVisible()
    with qtbot.waitSignal(screen.checkin_saved, timeout=20_000) as saved:
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    tasks_done()
    gui = voice_services.voice.get(saved.args[0])

    cli_dir = tmp_path / "cli-vault"
    cli_services = AppServices(cli_dir)
    cli_services.create_vault(PASSPHRASE)
    cli_services.lock()
    proc = run_cli("voice", "add", str(wav), "--passphrase-stdin", "--json",
                   stdin=PASSPHRASE + "\n", data_dir=cli_dir)
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)
    cli_services.unlock(PASSPHRASE)
    try:
        cli = cli_services.voice.get(printed["id"])
    finally:
        cli_services.close()

    assert "hopeless" in gui.transcript.lower()
    assert cli.transcript == gui.transcript == printed["transcript"]
    assert cli.risk_level == gui.risk_level == printed["indication"]["level"] == "high"
    assert cli.fusion["crisis_level"] == gui.fusion["crisis_level"] == "urgent"
    assert (cli.text_analysis or {})["crisis"]["level"] == (gui.text_analysis or {})[
        "crisis"]["level"]
    assert cli.source == gui.source == "import"
    assert [s["text"] for s in cli.segments] == [s["text"] for s in gui.segments]
