"""Mood screen: a quick check-in form, the list of check-ins and a 30-day chart.

Every repository call runs on a worker through `TaskRunner`. `clear()` removes all user data
from the widgets (used when locking).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.insights import checkin_counts
from mindspace.core.entities import ENERGY_WORDS, MoodCheckin
from mindspace.ui.announce import announce, forget
from mindspace.ui.mood_view import NO_SLEEP, MoodView, swatch
from mindspace.ui.mood_widgets import VocabularyDialog
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.themes import mood_colour
from mindspace.ui.widgets import ID_ROLE


def describe_checkin(c: MoodCheckin) -> str:
    parts = [f"{c.checkin_at:%a %d %b %H:%M}", f"{c.mood_word} ({c.mood}/5)"]
    if c.energy:
        parts.append(f"energy {ENERGY_WORDS[c.energy].lower()}")
    if c.sleep_hours is not None:
        parts.append(f"slept {c.sleep_hours:g} h")
    if c.emotions:
        parts.append(", ".join(c.emotions))
    if c.activities:
        parts.append(", ".join(c.activities))
    if c.note:
        parts.append(f"“{c.note}”")
    return " · ".join(parts)


class MoodScreen(MoodView):
    checkin_saved = Signal(str)
    checkin_deleted = Signal(str)
    data_refreshed = Signal(int)  # number of check-ins listed

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.confirm: Callable[[str, str], bool] = self._ask
        self.vocabulary_dialog: VocabularyDialog | None = None
        self._checkins: dict[str, MoodCheckin] = {}
        self._current_id: str | None = None
        self._build()
        self.new_checkin()
        self.refresh()
        self.load_vocabulary()

    def _build(self) -> None:
        splitter = self._build_form()
        from mindspace.ui.crisis_panel import CrisisPanel
        from mindspace.ui.insights import EntryInsights

        self.crisis_panel = CrisisPanel(self.services, self)
        self.insights = EntryInsights(self.services, self.runner, self.crisis_panel, None, self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.crisis_panel)
        outer.addWidget(splitter)

        order: list[QWidget] = [
            *self.mood_buttons.values(),
            *self.energy_buttons.values(),
            self.emotions,
            self.activities,
            self.edit_lists_button,
            self.sleep_spin,
            self.note_edit,
            self.when_edit,
            self.new_button,
            self.delete_button,
            self.save_button,
            self.history,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(self.new_checkin)
        self.delete_button.clicked.connect(self.delete_current)
        self.edit_lists_button.clicked.connect(self.edit_vocabulary)
        self.history.currentItemChanged.connect(self._item_selected)
        self.note_edit.returnPressed.connect(self.save)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, context=ctx).activated.connect(self.save)

    # ---- page protocol --------------------------------------------------------------------
    def start_checkin(self) -> None:
        """Begin a fresh check-in with keyboard focus on the mood buttons."""
        self.new_checkin()
        self.mood_buttons[3].setFocus()

    def clear(self) -> None:
        self.crisis_panel.dismiss()
        forget()
        self._checkins.clear()
        self.history.clear()
        self.chart.clear()
        self.emotions.clear()
        self.activities.clear()
        self.new_checkin()
        if self.vocabulary_dialog is not None:
            self.vocabulary_dialog.reject()

    # ---- form -----------------------------------------------------------------------------
    def new_checkin(self) -> None:
        self._current_id = None
        self.mood_group.setExclusive(False)
        for button in (*self.mood_buttons.values(), *self.energy_buttons.values()):
            button.setChecked(False)
        self.mood_group.setExclusive(True)
        self.emotions.set_checked([])
        self.activities.set_checked([])
        self.sleep_spin.setValue(NO_SLEEP)
        self.note_edit.clear()
        self.when_edit.setDateTime(QDateTime.currentDateTime())
        self.delete_button.setEnabled(False)
        self.heading.setText("How are you feeling?")
        self.status.setText("")
        self.history.setCurrentRow(-1)

    def selected_mood(self) -> int | None:
        value = self.mood_group.checkedId()
        return value if value > 0 else None

    def selected_energy(self) -> int | None:
        return next((v for v, b in self.energy_buttons.items() if b.isChecked()), None)

    def form_values(self) -> dict[str, Any]:
        sleep = self.sleep_spin.value()
        when = self.when_edit.dateTime().toPython()
        return {
            "mood": self.selected_mood(),
            "energy": self.selected_energy(),
            "emotions": self.emotions.checked(),
            "activities": self.activities.checked(),
            "sleep_hours": None if sleep <= NO_SLEEP else float(sleep),
            "note": self.note_edit.text(),
            "checkin_at": when.replace(microsecond=0) if isinstance(when, datetime) else None,
        }

    def show_checkin(self, c: MoodCheckin) -> None:
        self._current_id = c.id
        self.mood_buttons[c.mood].setChecked(True)
        for value, button in self.energy_buttons.items():
            button.setChecked(value == c.energy)
        self.emotions.set_checked(c.emotions)
        self.activities.set_checked(c.activities)
        self.sleep_spin.setValue(NO_SLEEP if c.sleep_hours is None else c.sleep_hours)
        self.note_edit.setText(c.note)
        self.when_edit.setDateTime(QDateTime(c.checkin_at))  # type: ignore[call-overload]
        self.delete_button.setEnabled(True)
        self.heading.setText(f"Editing the check-in of {c.checkin_at:%a %d %b %H:%M}")

    def save(self) -> None:
        values = self.form_values()
        if values["mood"] is None:
            self.status.setText("Choose how you feel (1 to 5) first.")
            announce(self.status, self.status.text(), assertive=True)
            self.mood_buttons[3].setFocus()
            return
        if str(values.get("note") or "").strip():  # screened now: the panel never waits
            self.insights.screen_now("mood", str(values["note"]))
        mood, checkin_id = self.services.mood, self._current_id
        if checkin_id:
            work: Callable[[], MoodCheckin] = lambda: mood.update(checkin_id, **values)  # noqa: E731
        else:
            work = lambda: mood.add(**values)  # noqa: E731
        self.save_button.setEnabled(False)
        self.runner.submit(
            work, name="mood-save", owner=self, on_success=self._saved, on_failure=self._failed
        )

    def _saved(self, checkin: MoodCheckin) -> None:
        self.save_button.setEnabled(True)
        self.new_checkin()
        self.status.setText(f"Saved: {checkin.mood_word} at {checkin.checkin_at:%H:%M}.")
        announce(self.status, f"Check-in saved: {checkin.mood_word}.")
        self.checkin_saved.emit(checkin.id)
        if checkin.note.strip():
            self.insights.analyse("mood", checkin.id)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(describe_error(exc))
        announce(self.status, self.status.text(), assertive=True)

    def delete_current(self) -> None:
        checkin_id = self._current_id
        if not checkin_id:
            return
        if not self.confirm("Delete check-in", "Delete this check-in for good?"):
            return
        self.runner.submit(
            self.services.mood.delete,
            checkin_id,
            name="mood-delete",
            owner=self,
            on_success=lambda _r: self._deleted(checkin_id),
            on_failure=self._failed,
        )

    def _deleted(self, checkin_id: str) -> None:
        self.new_checkin()
        self.status.setText("Check-in deleted.")
        announce(self.status, "Check-in deleted.")
        self.checkin_deleted.emit(checkin_id)
        self.refresh()

    # ---- list and chart -------------------------------------------------------------------
    def refresh(self) -> None:
        mood = self.services.mood
        self.runner.submit(
            lambda: (mood.list(limit=500), mood.daily_average(30)),
            name="mood-list",
            owner=self,
            on_success=self._show_data,
            on_failure=self._failed,
        )

    def _show_data(self, result: tuple[list[MoodCheckin], list[tuple[str, float | None]]]) -> None:
        checkins, days = result
        self._checkins = {c.id: c for c in checkins}
        self.history.blockSignals(True)
        self.history.clear()
        for c in checkins:
            item = QListWidgetItem(swatch(mood_colour(c.mood)), describe_checkin(c))
            item.setData(ID_ROLE, c.id)
            self.history.addItem(item)
        self.history.blockSignals(False)
        self.chart.set_data(days, checkin_counts(checkins))
        self.data_refreshed.emit(len(checkins))

    def _item_selected(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is None:
            return
        checkin = self._checkins.get(item.data(ID_ROLE))
        if checkin is not None:
            self.show_checkin(checkin)

    # ---- vocabularies ---------------------------------------------------------------------
    def load_vocabulary(self) -> None:
        mood = self.services.mood
        self.runner.submit(
            lambda: (mood.vocabulary("emotion"), mood.vocabulary("activity")),
            name="mood-vocabulary",
            owner=self,
            on_success=self._show_vocabulary,
            on_failure=self._failed,
        )

    def _show_vocabulary(self, result: tuple[list[str], list[str]]) -> None:
        emotions, activities = result
        self.emotions.set_words(emotions)
        self.activities.set_words(activities)

    def edit_vocabulary(self) -> None:
        dialog = VocabularyDialog(self.emotions.words(), self.activities.words(), self)
        self.vocabulary_dialog = dialog
        dialog.accepted.connect(lambda: self._save_vocabulary(dialog))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        dialog.open()

    def _forget_dialog(self, dialog: VocabularyDialog) -> None:
        if self.vocabulary_dialog is dialog:
            self.vocabulary_dialog = None
        dialog.deleteLater()

    def _save_vocabulary(self, dialog: VocabularyDialog) -> None:
        emotions, activities = dialog.emotions(), dialog.activities()
        mood = self.services.mood
        self.runner.submit(
            lambda: (
                mood.set_vocabulary("emotion", emotions),
                mood.set_vocabulary("activity", activities),
            ),
            name="mood-set-vocabulary",
            owner=self,
            on_success=self._vocabulary_saved,
            on_failure=self._failed,
        )

    def _vocabulary_saved(self, result: tuple[list[str], list[str]]) -> None:
        self._show_vocabulary(result)
        self.status.setText("Lists saved.")

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
