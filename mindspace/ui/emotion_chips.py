"""Compact strip with the top emotions and the sentiment of one entry, plus label correction.

``show_result(source_type, source_id, emotions, compound, labels)`` fills the strip (for text
in another language than English, ``language`` and ``english_only`` replace the emotions and
tone with the language and a note that those models read English only); the
"Correct" menu lets the user mark each of the seven labels as fitting or not. Corrections are
stored in the vault through the task runner and reported with ``correction_saved``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from mindspace.app import AppServices
from mindspace.core.languages import language_name
from mindspace.ui.announce import announce
from mindspace.ui.tasks import default_runner, describe_error

LABELS = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")


def sentiment_word(compound: float) -> str:
    if compound >= 0.5:
        return "very positive"
    if compound >= 0.05:
        return "positive"
    if compound <= -0.5:
        return "very negative"
    if compound <= -0.05:
        return "negative"
    return "neutral"


class EmotionChips(QWidget):
    correction_saved = Signal(str, bool)  # label, present
    correction_failed = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None,
                 top_n: int = 3) -> None:
        super().__init__(parent)
        self._services = services
        self._top_n = top_n
        self._source: tuple[str, str] | None = None
        self.setAccessibleName("Emotions for this entry")
        self.chips: list[QLabel] = []
        self.sentiment_label = QLabel()
        self.sentiment_label.setAccessibleName("Sentiment")
        self.notice_label = QLabel()
        self.notice_label.setAccessibleName("Analysis notice")
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        self.flagged = False
        self.english_only: str | None = None
        self.reveal_button = QToolButton()
        self.reveal_button.setText("Show emotions")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setAccessibleName("Show the emotions read in this entry")
        self.reveal_button.toggled.connect(lambda on: self._fold(self.flagged and not on))
        self.reveal_button.hide()
        self.correct_button = QToolButton()
        self.correct_button.setText("Correct…")
        self.correct_button.setAccessibleName("Correct emotion labels")
        self.correct_button.setToolTip("Tell MindSpace which emotions fit this entry (Alt+C)")
        self.correct_button.setShortcut("Alt+C")
        self.correct_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self)
        self.label_actions: dict[str, QAction] = {}
        for label in LABELS:
            action = QAction(label.capitalize(), self.menu, checkable=True)
            action.toggled.connect(lambda on, lab=label: self.correct(lab, on))
            self.menu.addAction(action)
            self.label_actions[label] = action
        self.correct_button.setMenu(self.menu)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self._layout.addWidget(self.sentiment_label)
        self._layout.addWidget(self.notice_label)
        self._layout.addWidget(self.reveal_button)
        self._layout.addWidget(self.correct_button)
        self.feedback = QLabel()  # "Saved" (or why not) after a correction
        self.feedback.setAccessibleName("Correction status")
        self._layout.addWidget(self.feedback)
        self.correction_saved.connect(lambda label, on: self._report(
            "Saved", f"Correction saved: {label} {'fits' if on else 'does not fit'}."))
        self.correction_failed.connect(lambda message: self._report(message, message, True))
        self.setEnabled(False)

    def show_result(self, source_type: str, source_id: str, emotions: dict[str, float] | None,
                    compound: float, labels: list[str] | None = None,
                    notice: str | None = None, flagged: bool = False,
                    language: str | None = None, english_only: str | None = None) -> None:
        """`notice`: a part of the analysis that could not run (shown, never hidden).
        `flagged`: the crisis screen flagged the text; emotions and tone (which can read a
        crisis text as "positive") stay folded away behind "Show emotions".
        `english_only`: the text is not English (``language``, ISO 639-1), so no emotions or
        tone are shown, only the language and why."""
        self._source = (source_type, source_id)
        self.feedback.clear()
        self.notice_label.setText(notice or "")
        self.notice_label.setVisible(bool(notice))
        self.flagged = flagged
        self.reveal_button.setVisible(flagged)
        self.reveal_button.setChecked(False)
        for chip in self.chips:
            chip.deleteLater()
        self.chips = []
        ranked = sorted((emotions or {}).items(), key=lambda kv: -kv[1])[: self._top_n]
        for i, (label, p) in enumerate(ranked):
            chip = QLabel(f"{label} {p:.0%}")
            chip.setProperty("chip", label)  # a pill in the emotion's colour (ui/style.py)
            chip.setAccessibleName(f"{label}, {p:.0%}")
            self._layout.insertWidget(i, chip)
            self.chips.append(chip)
        self.english_only = english_only
        if english_only:
            name = language_name(language or "und")
            chip = QLabel(f"Language: {name} · emotions and tone not read: these models read "
                          "English only")
            chip.setProperty("role", "muted")
            chip.setWordWrap(True)
            chip.setAccessibleName(f"Language {name}. Emotions and tone were not read: the "
                                   "models read English only")
            self._layout.insertWidget(0, chip)
            self.chips.append(chip)
        elif emotions is None:
            chip = QLabel("emotions unavailable")
            chip.setProperty("role", "muted")
            self._layout.insertWidget(0, chip)
            self.chips.append(chip)
        self.sentiment_label.setText(
            "" if english_only else f"Tone: {sentiment_word(compound)} ({compound:+.2f})")
        self._fold(flagged)
        current = set(labels or [])
        for label, action in self.label_actions.items():
            action.blockSignals(True)
            action.setChecked(label in current)
            action.blockSignals(False)
        self.setEnabled(True)

    def _fold(self, folded: bool) -> None:
        for chip in self.chips:
            chip.setVisible(not folded)
        self.sentiment_label.setVisible(not folded and not self.english_only)
        self.correct_button.setVisible(not folded)

    def hide_for_crisis(self) -> None:
        """The text just saved was flagged: fold away what was shown before its analysis."""
        self.flagged = True
        self.reveal_button.setChecked(False)
        self.reveal_button.setVisible(bool(self.chips))
        self._fold(True)

    def reset(self) -> None:
        """Show nothing (no entry open, or the vault locked)."""
        self._source = None
        self.feedback.clear()
        self.notice_label.hide()
        self.flagged = False
        self.english_only = None
        self.reveal_button.hide()
        for chip in self.chips:
            chip.deleteLater()
        self.chips = []
        self.sentiment_label.setText("")
        self._fold(False)
        for action in self.label_actions.values():
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)
        self.setEnabled(False)

    def _report(self, shown: str, said: str, assertive: bool = False) -> None:
        self.feedback.setText(shown)
        announce(self.feedback, said, assertive)

    def correct(self, label: str, present: bool) -> None:
        """Store that ``label`` does (or does not) fit the shown entry."""
        if self._source is None or not self._services.is_unlocked:
            return
        source_type, source_id = self._source
        store = self._services.analyses

        def work() -> None:
            stored = store.get(source_type, source_id)
            store.set_correction(source_type, source_id, label, present,
                                 stored.model_id if stored else None)

        default_runner().submit(
            work, owner=self, name="emotion-correction",
            on_success=lambda _r: self.correction_saved.emit(label, present),
            on_failure=lambda e: self.correction_failed.emit(describe_error(e)),
        )
