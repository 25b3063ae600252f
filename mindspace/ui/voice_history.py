"""Past voice check-ins: the list, each one's transcript and reading, playback and deletion.

Everything is read through the voice use case (`services.voice_checkins()`) on the task runner;
audio is decrypted into memory only when the person presses Play, and is dropped again when
another check-in is chosen, on `clear()` (vault locked) or when the page closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.audio import SAMPLE_RATE, AudioDeviceError, AudioPlayer, speaker
from mindspace.app.voice import VoiceCheckin, VoiceCheckins
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.widgets import ReflowSplitter

ID_ROLE = int(Qt.ItemDataRole.UserRole)
LEVEL_WORDS = {"low": "Low", "moderate": "Moderate", "high": "High"}


class VoiceHistory(QWidget):
    refreshed = Signal(int)  # number of check-ins listed
    played = Signal(str)  # check-in id

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
        player: AudioPlayer | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self._player = player
        self._audio: np.ndarray | None = None
        self._checkins: dict[str, VoiceCheckin] = {}
        self.confirm: Callable[[str, str], bool] = self._ask

        self.checkin_list = QListWidget()
        self.checkin_list.setAccessibleName("Past voice check-ins")
        self.transcript = QPlainTextEdit()
        self.transcript.setReadOnly(True)
        self.transcript.setAccessibleName("Transcript of the chosen check-in")
        self.reading = QLabel("")
        self.reading.setWordWrap(True)
        self.reading.setAccessibleName("How the check-in was read")
        self.play_button = QPushButton("&Play audio")
        self.play_button.setAccessibleName("Play the chosen check-in's audio")
        self.delete_button = QPushButton("&Delete...")
        self.delete_button.setAccessibleName("Delete the chosen check-in")
        self.status = QLabel("")
        self.status.setAccessibleName("Status")
        for button in (self.play_button, self.delete_button):
            button.setEnabled(False)

        details = QWidget()
        dv = QVBoxLayout(details)
        dv.addWidget(self.reading)
        dv.addWidget(self.transcript, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.delete_button)
        dv.addLayout(buttons)
        splitter = ReflowSplitter()
        splitter.addWidget(self.checkin_list)
        splitter.addWidget(details)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QWidget.setTabOrder(self.checkin_list, self.transcript)
        QWidget.setTabOrder(self.transcript, self.play_button)
        QWidget.setTabOrder(self.play_button, self.delete_button)

        self.checkin_list.currentItemChanged.connect(self._chosen)
        self.play_button.clicked.connect(self.play)
        self.delete_button.clicked.connect(self.delete_current)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, context=ctx).activated.connect(self.play)
        QShortcut(QKeySequence("Ctrl+D"), self, context=ctx).activated.connect(self.delete_current)

    # ---- page protocol --------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def clear(self) -> None:
        self._forget_audio()
        self._checkins.clear()
        self.checkin_list.clear()
        self.transcript.clear()
        self.reading.clear()
        self.status.clear()

    # ---- behaviour ------------------------------------------------------------------------
    def _voice(self) -> VoiceCheckins:
        """The use case (call on workers: it needs the open vault)."""
        return self.services.voice_checkins()

    def refresh(self) -> None:
        self.runner.submit(
            lambda: self._voice().list_checkins(),
            name="voice-history",
            owner=self,
            on_success=self._show_list,
            on_failure=self._fail,
        )

    def _show_list(self, checkins: list[VoiceCheckin]) -> None:
        current = self.current_id()
        self._checkins = {c.id: c for c in checkins}
        self.checkin_list.blockSignals(True)
        self.checkin_list.clear()
        for c in checkins:
            level = LEVEL_WORDS.get(c.risk_level or "", "not analysed")
            audio = "" if c.has_audio else " · no audio"
            item = QListWidgetItem(
                f"{c.recorded_at:%a %d %b %Y %H:%M} · {c.duration_s:.0f} s · {level}{audio}"
            )
            item.setData(ID_ROLE, c.id)
            self.checkin_list.addItem(item)
            if c.id == current:
                self.checkin_list.setCurrentItem(item)
        self.checkin_list.blockSignals(False)
        self._chosen(self.checkin_list.currentItem())
        if not checkins:
            self.status.setText("No voice check-ins yet.")
        self.refreshed.emit(len(checkins))

    def current_id(self) -> str | None:
        item = self.checkin_list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def _chosen(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        self._forget_audio()
        self.status.clear()  # a message about the previous check-in does not carry over
        checkin = self._checkins.get(str(item.data(ID_ROLE))) if item is not None else None
        self.delete_button.setEnabled(checkin is not None)
        self.play_button.setEnabled(bool(checkin and checkin.has_audio))
        if checkin is None:
            self.transcript.clear()
            self.reading.clear()
            return
        self.transcript.setPlainText(checkin.transcript or "(no speech was heard)")
        fusion = checkin.fusion or {}
        level = LEVEL_WORDS.get(checkin.risk_level or "", "")
        parts = [f"<b>Indication: {level}</b>" if level else ""]
        if fusion.get("explanation"):
            parts.append(str(fusion["explanation"]))
        parts.append("<i>For your own reflection; this is not a diagnosis.</i>")
        self.reading.setText("<br>".join(p for p in parts if p))

    def play(self) -> None:
        checkin_id = self.current_id()
        if checkin_id is None or not self.play_button.isEnabled():
            return

        def loaded(samples: np.ndarray) -> None:
            if self.current_id() != checkin_id:
                samples.fill(0.0)
                return
            self._audio = samples
            if self._player is None:
                self._player = speaker()
            try:
                self._player.play(samples, SAMPLE_RATE)
            except AudioDeviceError as exc:
                self._forget_audio()
                self.status.setText(describe_error(exc))
                return
            self.status.setText("Playing.")
            self.played.emit(checkin_id)

        self.status.setText("Decrypting the audio...")
        self.runner.submit(
            lambda: self._voice().load_audio(checkin_id), name="voice-play", owner=self,
            on_success=loaded, on_failure=self._fail,
        )

    def delete_current(self) -> None:
        checkin_id = self.current_id()
        if checkin_id is None:
            return
        if not self.confirm(
            "Delete check-in",
            "Delete this voice check-in, its audio and its journal entry for good?",
        ):
            return
        self._forget_audio()
        self.runner.submit(
            lambda: self._voice().delete(checkin_id),
            name="voice-delete",
            owner=self,
            on_success=lambda _r: self.refresh(),
            on_failure=self._fail,
        )

    def _forget_audio(self) -> None:
        if self._player is not None:
            self._player.stop()
        if self._audio is not None:
            self._audio.fill(0.0)
        self._audio = None

    def _fail(self, exc: BaseException) -> None:
        self.status.setText(describe_error(exc))

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes
