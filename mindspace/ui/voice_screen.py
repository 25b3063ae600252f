"""Voice check-in screen: record or import, transcribe on-device, read voice + words, save.

Contract
--------
* ``VoiceScreen(services, parent=None, runner=None, source_factory=None, player=None)``.
  ``source_factory(device) -> AudioSource`` builds the microphone (default: ``SoundDeviceSource``;
  tests inject a fake); ``player`` plays audio from memory (default: ``SoundDevicePlayer``).
* Capture runs on the recorder's own thread; a 50 ms GUI timer only polls level and time.
  Model loading, transcription, analysis, decoding and every vault call run on the
  ``TaskRunner``'s workers with progress and cancel; results come back through its signals.
* Signals: ``transcript_ready(str)``, ``analysis_ready(dict)`` (the analyze-voice object),
  ``checkin_saved(str)`` (id), ``crisis_detected(dict)`` (the analyze-text object's ``crisis``
  part plus ``"source": "voice"``) whenever the words reach ``concern`` or ``urgent``,
  ``failed(str)`` (one-line message).
* Audio stays in memory; saving stores it only as an encrypted blob (if "keep the audio" is
  ticked). ``clear()`` wipes audio, transcript and analysis from the widgets (used on lock).
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from mindspace.audio.recorder import DEFAULT_MAX_SECONDS, Recorder
from mindspace.ml.voice_pipeline import save_checkin
from mindspace.ui.tasks import Cancelled, TaskRunner, default_runner, describe_error
from mindspace.ui.voice_view import LEVEL_FLOOR_DB, VoiceView


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60}:{s % 60:02d}"


def _message(exc: BaseException) -> str:
    from mindspace.audio.decode import AudioDecodeError
    from mindspace.audio.source import AudioDeviceError
    from mindspace.ml.registry import ModelIntegrityError
    from mindspace.ml.transcriber import ModelFolderError

    if isinstance(
        exc, AudioDecodeError | AudioDeviceError | ModelIntegrityError | ModelFolderError
    ):
        text = str(exc)
        return text[:1].upper() + text[1:]
    return describe_error(exc)


class VoiceScreen(VoiceView):
    transcript_ready = Signal(str)
    analysis_ready = Signal(dict)
    checkin_saved = Signal(str)
    crisis_detected = Signal(dict)
    failed = Signal(str)

    def __init__(
        self,
        services: Any,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
        source_factory: Callable[[str | None], Any] | None = None,
        player: Any = None,
        max_seconds: float = DEFAULT_MAX_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self._source_factory = source_factory
        self._player = player
        self.max_seconds = max_seconds
        self.recorder: Recorder | None = None
        self._audio: np.ndarray | None = None  # 16 kHz mono float32, in memory only
        self._source_kind = "recording"
        self._result: Any = None  # VoiceCheckinResult
        self._saved_id: str | None = None
        self._feedback: dict[str, bool] = {}
        self._task: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._poll)
        self.recommendation_rated.connect(self.rate)
        from mindspace.ui.crisis_panel import CrisisPanel

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

    def refresh_devices(self) -> None:
        """Fill the microphone list (the injected source, or the system's inputs)."""
        self.device_combo.clear()
        if self._source_factory is not None:
            self.device_combo.addItem("Configured input", None)
            return
        self.device_combo.addItem("System default", None)
        try:
            from mindspace.audio.source import list_input_devices

            for dev in list_input_devices():
                self.device_combo.addItem(dev.label(), dev.name)
        except Exception as exc:  # PortAudio missing: recording reports it when tried
            self.status.setText(_message(exc))
        preferred = self.services.audio_input_device()
        if preferred:
            index = self.device_combo.findData(preferred)
            if index >= 0:
                self.device_combo.setCurrentIndex(index)

    # ---- state ----------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        self.state = state
        recording = state in ("recording", "paused")
        busy = state == "working"
        has_result = self._result is not None
        self.record_button.setEnabled(state in ("idle", "ready"))
        self.import_button.setEnabled(state in ("idle", "ready"))
        self.device_combo.setEnabled(state in ("idle", "ready"))
        self.pause_button.setEnabled(recording)
        self.pause_button.setText("Res&ume" if state == "paused" else "&Pause")
        self.stop_button.setEnabled(recording)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.reanalyse_button.setEnabled(state == "ready" and has_result)
        self.save_button.setEnabled(state == "ready" and has_result)
        self.play_button.setEnabled(state == "ready" and self._audio is not None)
        self.keep_audio_check.setEnabled(state == "ready" and self._audio is not None)
        self.transcript_edit.setReadOnly(state != "ready")
        if not recording:
            self.level_bar.setValue(LEVEL_FLOOR_DB)
        self.elapsed_label.setText(
            f"{_clock(self.recorder.elapsed_s if self.recorder else 0)} / "
            f"{_clock(self.max_seconds)}"
        )

    # ---- recording ------------------------------------------------------------------------
    def _make_source(self) -> Any:
        device = self.device_combo.currentData()
        if self._source_factory is not None:
            return self._source_factory(device)
        from mindspace.audio.source import SoundDeviceSource

        return SoundDeviceSource(device=device)

    def record(self) -> None:
        from mindspace.audio.source import AudioDeviceError

        self._reset_result()
        try:
            self.recorder = Recorder(self._make_source(), max_seconds=self.max_seconds)
            self.recorder.start()
        except AudioDeviceError as exc:
            self.recorder = None
            self._fail(exc)
            return
        self._source_kind = "recording"
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
            self._set_state("idle")
            return
        self.status.setText(notes)
        self._analyse(recording.samples_16k())

    # ---- import ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import audio", "", "Audio (*.wav *.flac *.ogg *.mp3 *.m4a);;All files (*)"
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Decode (worker) and analyse an existing audio file; errors show as one line."""
        from mindspace.audio.decode import decode_file

        self._reset_result()
        self._source_kind = "import"
        self.status.setText(f"Reading {path.name}…")
        self._set_state("working")
        self._task = self.runner.submit(
            lambda: decode_file(path).samples,
            name="decode-audio",
            owner=self,
            on_success=self._analyse,
            on_failure=self._fail,
        )

    # ---- analysis -------------------------------------------------------------------------
    def _analyse(self, samples: np.ndarray) -> None:
        self._audio = samples
        self.progress.setValue(0)
        self._set_state("working")
        self._task = self.runner.submit(
            self._analysis_job,
            samples,
            name="voice-analysis",
            owner=self,
            with_cancel=True,
            on_success=self._analysed,
            on_failure=self._fail,
            on_progress=self._progressed,
        )

    def _context(self) -> tuple[list[dict[str, Any]], dict[str, tuple[int, int]], Any]:
        """Baseline history, recommendation feedback and the personal model (worker)."""
        if not self.services.is_unlocked:
            return [], {}, None
        from mindspace.ml.personal_model import load_stored

        repo = self.services.voice
        return repo.prosody_history(exclude=self._saved_id), repo.helpfulness(), load_stored(repo)

    def _analysis_job(self, samples: np.ndarray, cancel_event: Any) -> Generator[Any, None, Any]:
        """Worker: load models, transcribe with progress, read voice and words, fuse."""
        from mindspace.ml.transcriber import Cancelled
        from mindspace.ml.voice_pipeline import analyze_steps

        yield 0.0, "Loading the speech model…"
        transcriber = self.services.transcriber()
        text_analyzer = self.services.text_analyzer()
        personal: list[Any] = []

        def context() -> tuple[Any, Any]:
            history, helpfulness, model = self._context()
            personal.append(model)
            return history, helpfulness

        try:
            result = yield from analyze_steps(
                samples, transcriber, text_analyzer, context, cancel_event
            )
        except Cancelled:
            raise Cancelled() from None
        return result, personal[0]

    def _progressed(self, fraction: float, message: str) -> None:
        if fraction >= 0:
            self.progress.setValue(int(fraction * 100))
        if message:
            self.status.setText(message)

    def _analysed(self, payload: tuple[Any, Any]) -> None:
        result, personal = payload
        self._result = result
        self._task = None
        self.transcript_edit.setPlainText(result.transcript.text)
        self.show_analysis(result, personal)
        self.status.setText(
            "Done. Correct the transcript if needed, then save."
            if result.transcript.text
            else "No speech was heard in this recording."
        )
        self._set_state("ready")
        self.transcript_ready.emit(result.transcript.text)
        self.analysis_ready.emit(result.to_dict())
        crisis = (result.text or {}).get("crisis") or {}
        if result.transcript.text and crisis.get("level") in ("concern", "urgent"):
            self.crisis_detected.emit({**crisis, "source": "voice"})

    def rate(self, recommendation: str, helped: bool) -> None:
        """Remember whether a recommendation helped; stored with the check-in (now or on save)."""
        self._feedback[recommendation] = helped
        yes, no = self.rec_buttons[recommendation]
        yes.setChecked(helped)
        no.setChecked(not helped)
        if self._saved_id is not None:
            checkin_id, repo = self._saved_id, self.services.voice
            self.runner.submit(
                lambda: repo.record_feedback(checkin_id, recommendation, helped),
                name="voice-feedback",
                owner=self,
                on_failure=self._fail,
            )

    def reanalyse(self) -> None:
        """Re-read the words after the user corrected the transcript (no new transcription)."""
        if self._result is None or self._audio is None:
            return
        from dataclasses import replace

        from mindspace.ml.voice_pipeline import analyze_transcript

        transcript = replace(self._result.transcript, text=self.transcript_edit.toPlainText())
        samples, text_analyzer = self._audio, self.services.text_analyzer()

        def job() -> tuple[Any, Any]:
            history, helpfulness, personal = self._context()
            return analyze_transcript(
                samples, transcript, text_analyzer, history, helpfulness
            ), personal

        self._set_state("working")
        self._task = self.runner.submit(
            job,
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
        result = self._result
        if result is None:
            return
        repo = self.services.voice
        text = self.transcript_edit.toPlainText()
        keep = self.keep_audio_check.isChecked() and self._audio is not None
        audio = self._audio if keep else None
        mood = self.mood_combo.currentData()
        feedback = dict(self._feedback)
        saved_id, kind = self._saved_id, self._source_kind

        def job() -> str:
            return save_checkin(
                repo,
                result,
                text,
                saved_id=saved_id,
                audio=audio,
                source=kind,
                self_mood=mood,
                feedback=feedback,
            )

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
        self._set_state("ready")
        self.checkin_saved.emit(checkin_id)

    def play(self) -> None:
        if self._audio is None:
            return
        from mindspace.audio.source import AudioDeviceError, SoundDevicePlayer

        player = self._player or SoundDevicePlayer()
        try:
            player.play(self._audio, 16000)
        except AudioDeviceError as exc:
            self._fail(exc)

    # ---- errors, reset --------------------------------------------------------------------
    def _fail(self, exc: BaseException) -> None:
        self._task = None
        message = "Cancelled." if isinstance(exc, Cancelled) else _message(exc)
        self.status.setText(message)
        self._set_state("ready" if self._result is not None else "idle")
        if not isinstance(exc, Cancelled):
            self.failed.emit(message)

    def _reset_result(self) -> None:
        if self._audio is not None:
            self._audio.fill(0.0)
        self._audio = None
        self._result = None
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
