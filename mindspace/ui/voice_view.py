"""Layout of the voice check-in screen (no behaviour: see ``voice_screen.VoiceScreen``).

Every interactive control has an accessible name, a tab position and, for main actions, a
keyboard shortcut (shown in its tooltip). ``show_analysis`` renders a
``mindspace.app.voice.VoiceReading``; the personal model's guess (computed off the GUI thread)
is shown through ``personal_ready(str)``; rating a recommendation emits
``recommendation_rated(id, helped)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindspace.app.voice import VoiceReading
from mindspace.core.entities import MOOD_WORDS
from mindspace.ui.widgets import flow_row, role_label

LEVEL_FLOOR_DB = -60


class VoiceView(QWidget):
    recommendation_rated = Signal(str, bool)
    personal_ready = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rec_buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        self._build()
        self.personal_ready.connect(self.personal_label.setText)

    # ---- layout ---------------------------------------------------------------------------
    def _button(self, text: str, name: str, keys: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(f"{name} ({keys})")
        shortcut = QShortcut(QKeySequence(keys), self,
                             context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        def activate() -> None:
            if button.isEnabled():
                button.click()

        shortcut.activated.connect(activate)
        return button

    def _build(self) -> None:
        self.device_combo = QComboBox()
        self.device_combo.setAccessibleName("Microphone")
        self.record_button = self._button("&Record", "Start recording", "Ctrl+R")
        self.pause_button = self._button("&Pause", "Pause or resume recording", "Ctrl+P")
        self.stop_button = self._button("S&top", "Stop recording", "Ctrl+E")
        self.import_button = self._button("&Import file...", "Import an audio file", "Ctrl+O")
        self.level_bar = QProgressBar()
        self.level_bar.setRange(LEVEL_FLOOR_DB, 0)
        self.level_bar.setFormat("%v dBFS")
        self.level_bar.setAccessibleName("Input level")
        self.elapsed_label = QLabel()
        self.elapsed_label.setAccessibleName("Recording time")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName("Transcription progress")
        self.cancel_button = self._button("&Cancel", "Cancel transcription", "Esc")
        self.status = role_label("")
        self.status.setAccessibleName("Voice check-in status")
        self.transcript_edit = QPlainTextEdit()
        self.transcript_edit.setAccessibleName("Transcript (editable)")
        self.transcript_edit.setPlaceholderText("The transcript appears here; you can correct it.")
        self.reanalyse_button = self._button("Re&analyse", "Analyse the edited transcript",
                                             "Ctrl+Shift+A")
        self.voice_label = role_label("")
        self.voice_label.setAccessibleName("How your voice sounded")
        self.level_label = role_label("", "subheading")
        self.level_label.setAccessibleName("Indication level")
        self.explanation_label = role_label("")
        self.explanation_label.setAccessibleName("Why this indication")
        self.personal_label = role_label("")
        self.personal_label.setAccessibleName("Personal model")
        self.recs_box = QGroupBox("Things that might help")
        self.recs_layout = QVBoxLayout(self.recs_box)
        self.mood_combo = QComboBox()
        self.mood_combo.addItem("(not now)", None)
        for value, word in MOOD_WORDS.items():
            self.mood_combo.addItem(f"{value} {word}", value)
        self.mood_combo.setAccessibleName("How do you feel now")
        self.keep_audio_check = QCheckBox("&Keep the audio (stored encrypted)")
        self.keep_audio_check.setAccessibleName("Keep the audio")
        self.play_button = self._button("Pla&y", "Play the recording", "Ctrl+Shift+P")
        self.save_button = self._button("&Save check-in", "Save voice check-in", "Ctrl+S")
        self.new_button = self._button("&New", "New voice check-in", "Ctrl+Shift+N")

        top = flow_row(self.record_button, self.pause_button, self.stop_button, self.import_button)
        meter = QHBoxLayout()
        meter.addWidget(self.level_bar, 1)
        meter.addWidget(self.elapsed_label)
        work = QHBoxLayout()
        work.addWidget(self.progress, 1)
        work.addWidget(self.cancel_button)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("&Microphone:", self.device_combo)
        form.addRow("Feeling &now:", self.mood_combo)
        bottom = flow_row(
            self.keep_audio_check, self.play_button, self.new_button, self.save_button
        )
        outer = QVBoxLayout(self)
        outer.addWidget(role_label("Voice check-in", "subheading"))
        outer.addLayout(form)
        outer.addWidget(top)
        outer.addLayout(meter)
        outer.addLayout(work)
        outer.addWidget(self.status)
        outer.addWidget(self.transcript_edit, 1)
        outer.addWidget(self.reanalyse_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer.addWidget(self.voice_label)
        outer.addWidget(self.level_label)
        outer.addWidget(self.explanation_label)
        outer.addWidget(self.personal_label)
        outer.addWidget(self.recs_box)
        outer.addWidget(bottom)
        order: list[QWidget] = [
            self.device_combo, self.mood_combo, self.record_button, self.pause_button,
            self.stop_button, self.import_button, self.cancel_button, self.transcript_edit,
            self.reanalyse_button, self.recs_box, self.keep_audio_check, self.play_button,
            self.new_button, self.save_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def show_analysis(self, reading: VoiceReading) -> None:
        """Show a reading; the personal model's line (computed on the worker with the reading)
        arrives through ``personal_ready``."""
        self.voice_label.setText(reading.voice_words)
        self.level_label.setText(f"Indication: {reading.level.capitalize()}")
        self.explanation_label.setText(reading.explanation)
        self.personal_ready.emit(reading.personal)
        self.show_recommendations(reading.recommendations)

    def show_recommendations(self, recs: list[dict[str, str]]) -> None:
        while self.recs_layout.count():
            item = self.recs_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rec_buttons = {}
        for rec in recs:
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            label = role_label(f"<b>{rec['title']}</b> — {rec['text']}")
            label.setTextFormat(Qt.TextFormat.RichText)
            yes, no = QPushButton("Helped"), QPushButton("Didn't help")
            yes.setAccessibleName(f"{rec['title']} helped")
            no.setAccessibleName(f"{rec['title']} did not help")
            for button, helped in ((yes, True), (no, False)):
                button.setCheckable(True)
                button.clicked.connect(
                    lambda _=False, r=rec["id"], h=helped: self.recommendation_rated.emit(r, h)
                )
            layout.addWidget(label, 1)
            layout.addWidget(yes)
            layout.addWidget(no)
            self.recs_layout.addWidget(row)
            self.rec_buttons[rec["id"]] = (yes, no)

    def clear_analysis(self) -> None:
        self.transcript_edit.clear()
        for label in (self.voice_label, self.level_label, self.explanation_label,
                      self.personal_label):
            label.clear()
        self.show_recommendations([])
