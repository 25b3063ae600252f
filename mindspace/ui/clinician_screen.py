"""Clinician screen: patients as contacts, an inbox of received bundles, and per patient the
mood chart, emotion trends, shared entries and voice summaries, each with the date it arrived.

Bundles come from a file (`open_file`) or the sync relay (`sync_now`); both verify everything
before importing (see `share/bundle.py`). Work runs on a worker via `TaskRunner`.
The view shows what the patient recorded; it makes no diagnosis. `clear()` empties every widget.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.sharing import SharingService, daily_mood, emotion_trends
from mindspace.core.rules import format_minute
from mindspace.core.wording import plural
from mindspace.ui.mood_widgets import MoodChart
from mindspace.ui.share_view import sync_text
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error

ID_ROLE = int(Qt.ItemDataRole.UserRole)
# how the kinds of shared records read in a count ("2 journal entries")
ITEM_WORDS: dict[str, tuple[str, ...]] = {
    "journal_entry": ("journal entry",),
    "mood_checkin": ("mood check-in",),
    "voice_checkin": ("voice check-in",),
    "analysis": ("analysis", "analyses"),
}


def _day(text: str) -> str:
    return format_minute(str(text))


def patient_view(sharing: SharingService, contact_id: str) -> dict[str, Any]:
    """Everything the screen shows for one patient (runs on a worker)."""
    inbox = sharing.inbox
    mood = inbox.records(contact_id, "mood_checkin")
    return {
        "contact_id": contact_id,
        "mood": mood,
        "days": daily_mood(mood),
        "emotions": emotion_trends(mood, 12),
        "entries": inbox.records(contact_id, "journal_entry"),
        "voice": inbox.records(contact_id, "voice_checkin"),
        "bundles": inbox.bundles(contact_id),
    }


class ClinicianScreen(QWidget):
    bundle_opened = Signal(dict)
    synced = Signal(dict)
    patient_shown = Signal(dict)
    failed = Signal(str)

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.choose_open_path: Callable[[], Path | None] = self._open_dialog
        self._entries: list[dict[str, Any]] = []
        self._therapist = True  # until the identity says otherwise (see `_name_for_role`)
        self._build()
        self.refresh()

    def _button(self, text: str, name: str, slot: Callable[[], None], keys: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setShortcut(QKeySequence(keys))
        button.setToolTip(f"{name} ({keys})")
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        self.open_button = self._button(
            "Open bundle file…", "Open a bundle file", self.open_dialog, "Ctrl+O"
        )
        self.sync_button = self._button(
            "Check sync folder", "Receive from the sync relay", self.sync_now, "Ctrl+R"
        )
        self.patients = QListWidget()
        self.patients.setAccessibleName("Patients")
        self.patients.currentItemChanged.connect(self._patient_selected)
        self.inbox = QListWidget()
        self.inbox.setAccessibleName("Received bundles")
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Inbox status")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sync_button)
        left_layout.addLayout(buttons)
        self.people_label = QLabel("Patients")
        left_layout.addWidget(self.people_label)
        left_layout.addWidget(self.patients, 1)
        left_layout.addWidget(QLabel("Inbox"))
        left_layout.addWidget(self.inbox, 1)
        left_layout.addWidget(self.status)

        self.heading = QLabel("Select a patient")
        self.heading.setAccessibleName("Patient")
        self.chart = MoodChart()
        self.chart.setAccessibleName("Shared mood by day")
        self.emotions = QListWidget()
        self.emotions.setAccessibleName("Emotion trends")
        self.entries = QListWidget()
        self.entries.setAccessibleName("Shared journal entries")
        self.entries.currentRowChanged.connect(self._entry_selected)
        self.entry_text = QPlainTextEdit()
        self.entry_text.setReadOnly(True)
        self.entry_text.setAccessibleName("Entry text")
        self.voice = QListWidget()
        self.voice.setAccessibleName("Voice check-in summaries")
        details = QTabWidget()
        details.setAccessibleName("Patient data")
        mood_page = QWidget()
        mood_layout = QVBoxLayout(mood_page)
        mood_layout.addWidget(self.chart)
        mood_layout.addWidget(QLabel("Emotions named in check-ins"))
        mood_layout.addWidget(self.emotions)
        entries_page = QSplitter(Qt.Orientation.Vertical)
        entries_page.addWidget(self.entries)
        entries_page.addWidget(self.entry_text)
        details.addTab(mood_page, "Mood and emotions")
        details.addTab(entries_page, "Journal entries")
        details.addTab(self.voice, "Voice check-ins")
        self.details = details
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(details, 1)
        note = QLabel("Shown as the patient recorded and shared it; MindSpace makes no diagnosis.")
        note.setWordWrap(True)
        right_layout.addWidget(note)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # ---- work -------------------------------------------------------------------------------
    def _run(self, fn: Callable[..., Any], on_success: Callable[[Any], None]) -> None:
        self.runner.submit(fn, owner=self, on_success=on_success, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        text = describe_error(exc)
        self.status.setText(text)
        self.failed.emit(text)

    def refresh(self) -> None:
        if not self.services.is_unlocked:
            return

        def load() -> dict[str, Any]:
            sharing = self.services.sharing()
            me = sharing.identity()
            return {
                "role": me.role if me is not None else "",
                "patients": [
                    {
                        **c.to_json(),
                        "state": c.state_word(),
                        "bundles": len(sharing.inbox.bundles(c.id)),
                    }
                    for c in sharing.contacts.list()
                ],
                "inbox": sharing.inbox.bundles(),
            }

        self._run(load, self._show_lists)

    def _name_for_role(self, role: str) -> None:
        """A therapist sees "Patients"; anyone else sees the people who share with them as
        contacts (a patient's own therapist is not their patient)."""
        self._therapist = role == "therapist"
        people = "Patients" if self._therapist else "Contacts who shared with you"
        self.people_label.setText(people)
        self.patients.setAccessibleName(people)
        if self.selected_patient() is None:
            self.heading.setText(self._select_text())

    def _select_text(self) -> str:
        return "Select a patient" if self._therapist else "Select a contact"

    def _show_lists(self, state: dict[str, Any]) -> None:
        self._name_for_role(state["role"])
        selected = self.selected_patient()
        self.patients.clear()
        for p in state["patients"]:
            item = QListWidgetItem(f"{p['name']} — {p['state']}, {plural(p['bundles'], 'bundle')}")
            item.setData(ID_ROLE, p["id"])
            self.patients.addItem(item)
            if p["id"] == selected:
                self.patients.setCurrentItem(item)
        self.inbox.clear()
        for b in state["inbox"]:
            items = plural(b["items"], "item")
            when, source = _day(b["received_at"]), b["source"]
            self.inbox.addItem(f"{when}  from {b['sender']}: {items} ({source})")

    def open_dialog(self) -> None:
        path = self.choose_open_path()
        if path is not None:
            self.open_file(path)

    def open_file(self, path: Path) -> None:
        self._run(lambda: self.services.sharing().open_file(Path(path)).to_json(), self._opened)

    def _opened(self, result: dict[str, Any]) -> None:
        counts = ", ".join(
            plural(n, *ITEM_WORDS.get(k, (k.replace("_", " "),)))
            for k, n in sorted(result["items"].items())
        )
        self.status.setText(f"Verified and imported a bundle from {result['from']}: {counts}")
        self.bundle_opened.emit(result)
        self.refresh()
        self.select_patient(result["contact_id"])

    def sync_now(self) -> None:
        self._run(lambda: self.services.sharing().sync().to_json(), self._synced)

    def _synced(self, report: dict[str, Any]) -> None:
        self.status.setText(sync_text(report))
        self.synced.emit(report)
        self.refresh()

    # ---- patient view -----------------------------------------------------------------------
    def selected_patient(self) -> str | None:
        item = self.patients.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def select_patient(self, contact_id: str) -> None:
        for row in range(self.patients.count()):
            if self.patients.item(row).data(ID_ROLE) == contact_id:
                self.patients.setCurrentRow(row)
                return
        self._load_patient(contact_id)

    def _patient_selected(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is not None:
            self._load_patient(str(item.data(ID_ROLE)))

    def _load_patient(self, contact_id: str) -> None:
        self._run(lambda: patient_view(self.services.sharing(), contact_id), self._show_patient)

    def _show_patient(self, view: dict[str, Any]) -> None:
        last = view["bundles"][0]["received_at"] if view["bundles"] else ""
        nobody = "this patient" if self._therapist else "this contact"
        name = view["bundles"][0]["sender"] if view["bundles"] else nobody
        self.heading.setText(
            f"{name}: {plural(len(view['mood']), 'mood check-in')}, "
            f"{plural(len(view['entries']), 'entry')}, "
            f"{plural(len(view['voice']), 'voice check-in')}"
            + (f"; last bundle arrived {_day(last)}" if last else "")
        )
        self.chart.set_data(view["days"])
        self.emotions.clear()
        for emotion, count in view["emotions"]:
            self.emotions.addItem(f"{emotion}: {count}")
        self._entries = view["entries"]
        self.entries.clear()
        for e in self._entries:
            self.entries.addItem(
                f"{_day(e['entry_at'])}  {e['title']}  (arrived {_day(e['received_at'])})"
            )
        self.entry_text.clear()
        self.voice.clear()
        for v in view["voice"]:
            arrived = _day(v["received_at"])
            text = f"{_day(v['recorded_at'])}  {v.get('summary', '')}  (arrived {arrived})"
            self.voice.addItem(text)
        self.patient_shown.emit(
            {k: view[k] for k in ("contact_id", "days", "emotions")}
            | {"entries": len(view["entries"]), "mood": len(view["mood"])}
        )

    def _entry_selected(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            e = self._entries[row]
            self.entry_text.setPlainText(f"{e['title']}\n{_day(e['entry_at'])}\n\n{e['body']}")

    def _open_dialog(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open bundle", "", "MindSpace bundles (*.msbundle)"
        )
        return Path(name) if name else None

    def clear(self) -> None:
        self._entries = []
        for w in (self.patients, self.inbox, self.emotions, self.entries, self.voice):
            w.clear()
        self.entry_text.clear()
        self.heading.setText(self._select_text())
        self.status.clear()
        self.chart.set_data([])
