"""Today: the first page after unlocking. A greeting, a one-tap mood check-in, how many recent
days have something noted (said kindly), the latest entries, one small suggestion, the
questionnaires due, and ways into the journal, the voice check-in and the companion chat.

The figures come from `mindspace.app.today.today_summary`, read on a worker; this page only shows
them. `clear()` removes everything read from the vault (used when locking).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.today import TodaySummary, greeting, today_summary
from mindspace.core.entities import MOOD_WORDS, MoodCheckin
from mindspace.core.rules import SCALE_MAX
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.themes import mood_colour
from mindspace.ui.widgets import ID_ROLE, flow_row, role_label

NO_ENTRIES = "Your entries will appear here. Start with a few words about today."
NO_QUESTIONNAIRES = (
    "No questionnaires are due. When one is, it will be waiting for you here."
)


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(QColor(colour))
    return QIcon(pix)


class TodayScreen(QWidget):
    summary_shown = Signal(object)  # TodaySummary
    checkin_saved = Signal(str)  # check-in id

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.summary: TodaySummary | None = None
        self._saving = False
        self._generation = 0  # results of reads started before clear() are dropped
        self._build()
        self.refresh()

    # ---- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        now = datetime.now()
        self.greeting_label = role_label(f"{greeting(now)}.", "heading")
        self.greeting_label.setAccessibleName("Greeting")
        self.date_label = role_label(f"{now:%A %d %B}")

        self.mood_buttons: dict[int, QPushButton] = {}
        mood_row = flow_row()
        for value, word in MOOD_WORDS.items():
            button = QPushButton(f"&{value} {word}")
            button.setIcon(_swatch(mood_colour(value)))
            button.setAccessibleName(f"Check in: mood {value} of {SCALE_MAX}, {word}")
            button.setToolTip(f"Save a check-in: {word} ({value}/{SCALE_MAX})")
            button.clicked.connect(lambda _checked=False, v=value: self.check_in(v))
            self.mood_buttons[value] = button
            mood_row.layout().addWidget(button)  # type: ignore[union-attr]
        self.checkin_status = role_label("")
        self.checkin_status.setAccessibleName("Check-in status")
        self.streak_label = role_label("")
        self.streak_label.setAccessibleName("Days with something noted")

        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName("Latest journal entries")
        self.recent_list.setToolTip("Open an entry in the journal (Enter or click)")
        self.recent_list.itemClicked.connect(self._open_item)
        self.recent_list.itemActivated.connect(self._open_item)
        self.recent_list.hide()
        self.recent_empty = role_label(NO_ENTRIES)

        self.suggestion_label = role_label("")
        self.suggestion_label.setAccessibleName("Suggestion for today")
        self.questionnaire_label = role_label(NO_QUESTIONNAIRES)
        self.questionnaire_label.setAccessibleName("Questionnaires due")

        self.write_button = QPushButton("&Write in your journal")
        self.write_button.setAccessibleName("Write in your journal")
        self.write_button.clicked.connect(self.write)
        self.voice_button = QPushButton("V&oice check-in")
        self.voice_button.setAccessibleName("Voice check-in")
        self.voice_button.clicked.connect(self.voice_checkin)
        self.talk_button = QPushButton("&Talk it through")
        self.talk_button.setAccessibleName("Talk it through")
        self.talk_button.setToolTip("Talk things through with the self-help companion (Ctrl+8)")
        self.talk_button.clicked.connect(self.talk)
        self.error_label = role_label("", "error")
        self.error_label.setAccessibleName("Today page problem")
        self.error_label.hide()

        actions = flow_row(self.write_button, self.voice_button, self.talk_button)

        layout = QVBoxLayout(self)
        gap = self.fontMetrics().height() // 2
        layout.addWidget(self.greeting_label)
        layout.addWidget(self.date_label)
        layout.addWidget(self.error_label)
        layout.addSpacing(gap)
        layout.addWidget(role_label("How are you feeling right now?", "subheading"))
        layout.addWidget(mood_row)
        layout.addWidget(self.checkin_status)
        layout.addWidget(self.streak_label)
        layout.addSpacing(gap)
        layout.addWidget(role_label("Latest entries", "subheading"))
        layout.addWidget(self.recent_list)
        layout.addWidget(self.recent_empty)
        layout.addSpacing(gap)
        layout.addWidget(role_label("A small idea for today", "subheading"))
        layout.addWidget(self.suggestion_label)
        layout.addSpacing(gap)
        layout.addWidget(role_label("Questionnaires", "subheading"))
        layout.addWidget(self.questionnaire_label)
        layout.addSpacing(gap)
        layout.addWidget(actions)
        layout.addStretch(1)

        order: list[QWidget] = [
            *self.mood_buttons.values(), self.recent_list, self.write_button, self.voice_button
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ---- page protocol (see pages.py) -----------------------------------------------------
    def clear(self) -> None:
        """Forget everything read from the vault."""
        self._generation += 1
        self.summary = None
        self.recent_list.clear()
        self.recent_list.hide()
        self.recent_empty.show()
        self.streak_label.setText("")
        self.checkin_status.setText("")
        self.suggestion_label.setText("")
        self.error_label.hide()

    def start_checkin(self) -> None:
        self.mood_buttons[3].setFocus()

    # ---- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the summary again on a worker."""
        services, generation = self.services, self._generation

        def show(summary: TodaySummary) -> None:
            if generation == self._generation:
                self._show_summary(summary)

        self.runner.submit(
            lambda: today_summary(services, datetime.now()),
            name="today-summary",
            owner=self,
            on_success=show,
            on_failure=self._show_error,
        )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.summary is not None and not event.spontaneous():
            self.refresh()  # coming back after writing elsewhere

    def _show_summary(self, summary: TodaySummary) -> None:
        self.summary = summary
        self.error_label.hide()
        self.greeting_label.setText(f"{summary.greeting}.")
        self.date_label.setText(f"{summary.today:%A %d %B}")
        self.streak_label.setText(summary.streak_text)
        self.suggestion_label.setText(summary.suggestion)
        self.recent_list.clear()
        for recent in summary.recent:
            item = QListWidgetItem(f"{recent.title} · {recent.day:%a %d %b}")
            item.setData(ID_ROLE, recent.entry_id)
            item.setToolTip("Open this entry in the journal")
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(summary.recent))
        self.recent_empty.setVisible(not summary.recent)
        if summary.recent:
            rows = self.recent_list.count()
            height = self.recent_list.sizeHintForRow(0) * rows + 2 * self.recent_list.frameWidth()
            self.recent_list.setFixedHeight(height + 4)
        if summary.due_questionnaires:
            self.questionnaire_label.setText(
                "When you have a few minutes: " + ", ".join(summary.due_questionnaires)
                + ". It takes about two minutes each, on the Questionnaires page (Ctrl+9)."
            )
        else:
            self.questionnaire_label.setText(NO_QUESTIONNAIRES)
        self.summary_shown.emit(summary)

    def _show_error(self, exc: BaseException) -> None:
        self.error_label.setText(describe_error(exc))
        self.error_label.show()

    # ---- one-tap check-in -----------------------------------------------------------------
    def check_in(self, mood: int) -> None:
        """Save a mood check-in with this mood, now."""
        if self._saving:
            return
        self._set_saving(True)
        self.checkin_status.setText("Saving your check-in…")
        services = self.services
        self.runner.submit(
            lambda: services.mood.add(mood),
            name="today-checkin",
            owner=self,
            on_success=self._checked_in,
            on_failure=self._checkin_failed,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for button in self.mood_buttons.values():
            button.setEnabled(not saving)

    def _checked_in(self, checkin: MoodCheckin) -> None:
        self._set_saving(False)
        self.checkin_status.setText(
            f"Saved: {checkin.mood_word} ({checkin.mood}/{SCALE_MAX}) at "
            f"{checkin.checkin_at:%H:%M}. Thank you for checking in."
        )
        self.checkin_saved.emit(checkin.id)
        mood_page = self._built_page("mood")
        refresh = getattr(mood_page, "refresh", None)
        if callable(refresh):
            refresh()
        self.refresh()

    def _checkin_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        self.checkin_status.setText("The check-in was not saved: " + describe_error(exc))

    # ---- ways into other pages ------------------------------------------------------------
    def _window_call(self, name: str) -> Callable[..., Any] | None:
        fn = getattr(self.window(), name, None)
        return fn if callable(fn) else None

    def _show_page(self, key: str) -> QWidget | None:
        show_page = self._window_call("show_page")
        page = show_page(key) if show_page is not None else None
        return page if isinstance(page, QWidget) else None

    def _built_page(self, key: str) -> QWidget | None:
        built = self._window_call("built_pages")
        page = built().get(key) if built is not None else None
        return page if isinstance(page, QWidget) else None

    @staticmethod
    def _has_draft(page: QWidget) -> bool:
        pending = getattr(page, "pending_work", None)
        return callable(pending) and pending() is not None

    def write(self) -> None:
        """Open the journal on a new entry (an unsaved one already open stays as it is)."""
        journal = self._show_page("journal")
        if journal is None or self._has_draft(journal):
            return
        new_entry = getattr(journal, "new_entry", None)
        if callable(new_entry):
            new_entry()

    def voice_checkin(self) -> None:
        self._show_page("voice")

    def talk(self) -> None:
        self._show_page("chat")

    def _open_item(self, item: QListWidgetItem) -> None:
        entry_id = item.data(ID_ROLE)
        if isinstance(entry_id, str):
            self.open_entry(entry_id)

    def open_entry(self, entry_id: str) -> None:
        """Show this entry in the journal, unless an unsaved entry is open there."""
        journal = self._show_page("journal")
        if journal is None:
            return
        if self._has_draft(journal):
            status_bar = self._window_call("statusBar")
            if status_bar is not None:
                status_bar().showMessage(
                    "An unsaved entry is open in the journal: save it, then open another.", 10_000
                )
            return
        show_entry = getattr(journal, "show_entry", None)
        if not callable(show_entry):
            return
        refresh = getattr(journal, "refresh", None)

        def shown(entry: object) -> None:
            show_entry(entry)
            if callable(refresh):
                refresh()  # the journal's list then selects the entry shown

        services = self.services
        self.runner.submit(
            lambda: services.journal.get(entry_id),
            name="today-open-entry",
            owner=journal,
            on_success=shown,
            on_failure=self._show_error,
        )
