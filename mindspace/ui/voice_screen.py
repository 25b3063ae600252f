"""Voice check-in screen: record or import, transcribe on-device, read voice + words, save.

Contract
--------
* ``VoiceScreen(services, parent=None, runner=None, source_factory=None, player=None)``.
  ``source_factory(device) -> AudioSource`` builds the microphone (default:
  ``app.audio.microphone``; tests inject a fake); ``player`` plays audio from memory (default:
  ``app.audio.speaker()``).
* The check-in itself is the use case ``services.voice_checkins()`` (`mindspace.app.voice`), the
  same one ``mindspace voice add`` runs. Capture runs on the recorder's own thread; a 50 ms GUI
  timer only polls level and time. Model loading, transcription, analysis, the personal model's
  guess, decoding and every vault call run on the ``TaskRunner``'s workers with progress and
  cancel; results come back through its signals.
* Signals: ``transcript_ready(str)``, ``analysis_ready(dict)`` (the analyze-voice object),
  ``personal_ready(str)`` (from the view), ``checkin_saved(str)`` (id), ``crisis_detected(dict)``
  (the analyze-text object's ``crisis`` part plus ``"source": "voice"``) whenever the words open
  the support panel (``core.rules.opens_support_panel``), ``failed(str)`` (one-line message).
* Audio stays in memory; saving stores it only as an encrypted blob (if "keep the audio" is
  ticked). ``clear()`` wipes audio, transcript and analysis from the widgets (used on lock).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from pathlib import Path

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from mindspace.app import AppServices
from mindspace.app.audio import (
    DEFAULT_MAX_SECONDS,
    SAMPLE_RATE,
    AudioDeviceError,
    AudioPlayer,
    AudioSource,
    Recorder,
    list_input_devices,
    microphone,
    speaker,
    start_recording,
)
from mindspace.app.voice import VoiceCheckins, VoiceReading
from mindspace.ui.announce import announce
from mindspace.ui.crisis_panel import CrisisPanel
from mindspace.ui.tasks import Cancelled, Task, TaskRunner, default_runner, describe_error
from mindspace.ui.voice_view import LEVEL_FLOOR_DB, VoiceView

Steps = Generator[tuple[float, str], None, VoiceReading]


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}"


class VoiceScreen(VoiceView):
    transcript_ready = Signal(str)
    analysis_ready = Signal(dict)
    checkin_saved = Signal(str)
    crisis_detected = Signal(dict)
    failed = Signal(str)

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
        source_factory: Callable[[str | None], AudioSource] | None = None,
        player: AudioPlayer | None = None,
        max_seconds: float = DEFAULT_MAX_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self._source_factory = source_factory
        self._player = player
        self.max_seconds = max_seconds
        self.recorder: Recorder | None = None
        self._reading: VoiceReading | None = None  # its audio: 16 kHz, in memory only
        self._saved_id: str | None = None
        self._feedback: dict[str, bool] = {}
        self._note = ""
        self._task: Task | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._poll)
        self.recommendation_rated.connect(self.rate)
        self.crisis_panel = CrisisPanel(services, self)
        outer = self.layout()
        assert outer is not None
        outer.insertWidget(0, self.crisis_panel)  # type: ignore[attr-defined]
        self.crisis_detected.connect(
            lambda crisis: self.crisis_panel.show_for(
                str(crisis.get("level", "concern")), list(crisis.get("reasons", []))
            )
        )
        self.record_button.clicked.connect(self.record)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.import_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self.cancel)
        self.reanalyse_button.clicked.connect(self.reanalyse)
        self.play_button.clicked.connect(self.play)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.clear)
        self.refresh_devices()
        self._set_state("idle")

    @property
    def _audio(self) -> np.ndarray | None:
        """The audio on screen (16 kHz mono float32), or None."""
        return self._reading.samples if self._reading is not None else None

    def refresh_devices(self) -> None:
        """Fill the microphone list (the injected source, or the system's inputs)."""
        self.device_combo.clear()
        if self._source_factory is not None:
            self.device_combo.addItem("Configured input", None)
            return
        self.device_combo.addItem("System default", None)
        try:
            for dev in list_input_devices():
                self.device_combo.addItem(dev.label(), dev.name)
        except AudioDeviceError as exc:  # no audio system: recording reports it when tried
            self.status.setText(describe_error(exc))
        preferred = self.services.audio_input_device()
        if preferred:
            index = self.device_combo.findData(preferred)
            if index >= 0:
                self.device_combo.setCurrentIndex(index)

    # ---- state ----------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        self.state = state
        recording = state in ("recording", "paused")
        ready = state == "ready"
        has_result = self._reading is not None
        self.record_button.setEnabled(state in ("idle", "ready"))
        self.import_button.setEnabled(state in ("idle", "ready"))
        self.device_combo.setEnabled(state in ("idle", "ready"))
        self.pause_button.setEnabled(recording)
        self.pause_button.setText("Res&ume" if state == "paused" else "&Pause")
        self.stop_button.setEnabled(recording)
        self.cancel_button.setEnabled(state == "working")
        self.progress.setVisible(state == "working")
        for control in (self.reanalyse_button, self.save_button, self.play_button,
                        self.keep_audio_check):
            control.setEnabled(ready and has_result)
        self.transcript_edit.setReadOnly(not ready)
        if not recording:
            self.level_bar.setValue(LEVEL_FLOOR_DB)
        self.elapsed_label.setText(
            f"{_clock(self.recorder.elapsed_s if self.recorder else 0)} / "
            f"{_clock(self.max_seconds)}"
        )

    # ---- recording ------------------------------------------------------------------------
    def _make_source(self) -> AudioSource:
        device = self.device_combo.currentData()
        if self._source_factory is not None:
            return self._source_factory(device)
        return microphone(device)

    def record(self) -> None:
        self._reset_result()
        try:
            self.recorder = start_recording(self._make_source(), self.max_seconds)
        except AudioDeviceError as exc:
            self.recorder = None
            self._fail(exc)
            return
        self.status.setText("Recording… speak freely; stop when you are done.")
        self._set_state("recording")
        self._timer.start()

    def toggle_pause(self) -> None:
        if self.recorder is None:
            return
        if self.state == "recording":
            self.recorder.pause()
            self.status.setText("Paused.")
            self._set_state("paused")
        elif self.state == "paused":
            self.recorder.resume()
            self.status.setText("Recording…")
            self._set_state("recording")

    def _poll(self) -> None:
        rec = self.recorder
        if rec is None:
            self._timer.stop()
            return
        level = rec.level()
        self.level_bar.setValue(int(max(LEVEL_FLOOR_DB, min(0.0, level.rms_dbfs))))
        self.elapsed_label.setText(f"{_clock(rec.elapsed_s)} / {_clock(self.max_seconds)}")
        if rec.state == Recorder.STOPPED and self.state in ("recording", "paused"):
            self._recording_finished()

    def stop(self) -> None:
        if self.recorder is not None and self.state in ("recording", "paused"):
            self.recorder.stop()
            self._recording_finished()

    def _recording_finished(self) -> None:
        self._timer.stop()
        assert self.recorder is not None
        recording = self.recorder.recording()
        notes = {
            "max-length": f"Stopped at the {_clock(self.max_seconds)} limit. ",
            "device-lost": (recording.error or "") + ". ",
        }.get(recording.stop_reason, "")
        self.recorder = None
        if recording.samples.size == 0:
            self.status.setText(notes + "Nothing was recorded.")
            announce(self.status, self.status.text(), assertive=True)
            self._set_state("idle")
            return
        self._run_reading(lambda cancel: self._checkins().record_steps(recording, cancel),
                          "voice-analysis", note=notes)

    # ---- import ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import audio", "", "Audio (*.wav *.flac *.ogg *.mp3 *.m4a);;All files (*)"
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Decode and analyse an existing audio file (worker); errors show as one line."""
        self._reset_result()
        self._run_reading(lambda cancel: self._checkins().import_steps(path, cancel),
                          "voice-import")

    # ---- analysis -------------------------------------------------------------------------
    def _checkins(self) -> VoiceCheckins:
        """The use case (call on workers: it needs the open vault)."""
        return self.services.voice_checkins()

    def _run_reading(self, steps: Callable[[threading.Event], Steps], name: str,
                     note: str = "") -> None:
        """Run a reading on a worker; ``note`` (why recording stopped) stays in front of the
        progress messages."""
        self._note = note
        # busy from the first moment: the first step may have to load the speech model
        self.status.setText(note + "Getting ready...")
        self.progress.setRange(0, 0)
        self._set_state("working")

        def job(cancel_event: threading.Event) -> Steps:
            return (yield from steps(cancel_event))

        self._task = self.runner.submit(
            job,
            name=name,
            owner=self,
            with_cancel=True,
            on_success=self._analysed,
            on_failure=self._fail,
            on_progress=self._progressed,
        )

    def _progressed(self, fraction: float, message: str) -> None:
        if fraction >= 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(fraction * 100))
        if message:
            self.status.setText(self._note + message)

    def _analysed(self, reading: VoiceReading) -> None:
        self._reading = reading
        self._task = None
        self.transcript_edit.setPlainText(reading.transcript)
        self.show_analysis(reading)
        self.status.setText(
            "Done. Correct the transcript if needed, then save."
            if reading.transcript
            else "No speech was heard in this recording."
        )
        self._set_state("ready")
        self.transcript_ready.emit(reading.transcript)
        self.analysis_ready.emit(reading.to_dict())
        if reading.opens_support_panel:
            self.crisis_detected.emit({**reading.crisis, "source": "voice"})

    def rate(self, recommendation: str, helped: bool) -> None:
        """Remember whether a recommendation helped; stored with the check-in (now or on save)."""
        self._feedback[recommendation] = helped
        yes, no = self.rec_buttons[recommendation]
        yes.setChecked(helped)
        no.setChecked(not helped)
        if self._saved_id is not None:
            checkin_id = self._saved_id
            self.runner.submit(
                lambda: self._checkins().record_feedback(checkin_id, recommendation, helped),
                name="voice-feedback",
                owner=self,
                on_failure=self._fail,
            )

    def reanalyse(self) -> None:
        """Re-read the words after the user corrected the transcript (no new transcription)."""
        reading = self._reading
        if reading is None:
            return
        text, saved_id = self.transcript_edit.toPlainText(), self._saved_id
        self._set_state("working")
        self._task = self.runner.submit(
            lambda: self._checkins().reanalyze(reading, text, exclude=saved_id),
            name="voice-reanalysis",
            owner=self,
            on_success=self._analysed,
            on_failure=self._fail,
        )

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    # ---- saving, playback -----------------------------------------------------------------
    def save(self) -> None:
        """Save (or update) the check-in in the vault on a worker; audio only if kept."""
        reading = self._reading
        if reading is None:
            return
        text = self.transcript_edit.toPlainText()
        keep = self.keep_audio_check.isChecked()
        mood = self.mood_combo.currentData()
        feedback, saved_id = dict(self._feedback), self._saved_id

        def job() -> str:
            return str(self._checkins().save(
                reading, text, saved_id=saved_id, keep_audio=keep, self_mood=mood,
                feedback=feedback,
            ))

        self._set_state("working")
        self.status.setText("Saving (encrypted)…")
        self._task = self.runner.submit(
            job, name="voice-save", owner=self, on_success=self._saved, on_failure=self._fail
        )

    def _saved(self, checkin_id: str) -> None:
        self._saved_id = checkin_id
        self._task = None
        kept = "with its audio" if self.keep_audio_check.isChecked() else "without audio"
        self.status.setText(f"Saved in your vault ({kept}); the transcript is in your journal.")
        announce(self.status, "Voice check-in saved.")
        self._set_state("ready")
        self.checkin_saved.emit(checkin_id)

    def play(self) -> None:
        if self._reading is None:
            return
        player = self._player or speaker()
        try:
            player.play(self._reading.samples, SAMPLE_RATE)
        except AudioDeviceError as exc:
            self._fail(exc)

    # ---- errors, reset --------------------------------------------------------------------
    def _fail(self, exc: BaseException) -> None:
        self._task = None
        message = "Cancelled." if isinstance(exc, Cancelled) else describe_error(exc)
        self.status.setText(message)
        announce(self.status, message, assertive=not isinstance(exc, Cancelled))
        self._set_state("ready" if self._reading is not None else "idle")
        if not isinstance(exc, Cancelled):
            self.failed.emit(message)

    def _reset_result(self) -> None:
        if self._reading is not None:
            self._reading.samples.fill(0.0)
        self._reading = None
        self._saved_id = None
        self._feedback.clear()
        self.clear_analysis()

    def clear(self) -> None:
        """Forget everything on screen (new check-in, or the vault was locked)."""
        self.crisis_panel.dismiss()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._timer.stop()
        if self.recorder is not None:
            self.recorder.discard()
            self.recorder = None
        if self._player is not None:
            self._player.stop()
        self._reset_result()
        self.keep_audio_check.setChecked(False)
        self.mood_combo.setCurrentIndex(0)
        self.status.clear()
        self._set_state("idle")
