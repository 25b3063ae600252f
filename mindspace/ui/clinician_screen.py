"""Clinician screen: first an overview of every patient's questionnaires (item-9 alerts first,
`ui/clinician_overview.py`); then patients as contacts, an inbox of received bundles, and per
patient every shared item (flagged by the safety screen first, marked with an icon and words,
with the analyses that came with it), the mood chart and emotion trends, voice check-ins in
full and the shared PDF/CSV reports, read inside the app from memory (`ui/report_viewer.py`).

Bundles come from a file (`open_file`) or the sync relay (`sync_now`); both verify everything
before importing (see `share/bundle.py`). Work runs on a worker via `TaskRunner`.
What is shown and in which order comes from `app.inbox.patient_view`; this screen only displays.
The view shows what the patient recorded; it makes no diagnosis. `clear()` empties every widget.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.inbox import InboxItem, PatientView, Report, csv_rows, patient_view
from mindspace.core.rules import format_minute
from mindspace.core.wording import plural
from mindspace.ui.clinician_overview import ClinicianOverview
from mindspace.ui.clinician_text import ITEM_WORDS, item_detail, item_line
from mindspace.ui.mood_widgets import MoodChart
from mindspace.ui.report_viewer import ReportViewer
from mindspace.ui.share_view import sync_text
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.widgets import ReflowSplitter

ID_ROLE = int(Qt.ItemDataRole.UserRole)
INBOX_SHOWN = 200  # newest bundles listed in the Inbox


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
        self._items: list[InboxItem] = []
        self._reports: list[Report] = []
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
        self.entries.setAccessibleName("Shared items, flagged first")
        self.entries.setWordWrap(True)
        self.entries.currentRowChanged.connect(self._entry_selected)
        self.flag_banner = QLabel("")
        self.flag_banner.setWordWrap(True)
        self.flag_banner.setAccessibleName("Safety screen flag")
        self.flag_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.flag_banner.hide()
        self.entry_text = QPlainTextEdit()
        self.entry_text.setReadOnly(True)
        self.entry_text.setAccessibleName("Entry text")
        self.voice = QPlainTextEdit()
        self.voice.setReadOnly(True)
        self.voice.setAccessibleName("Voice check-ins")
        self.measures = QPlainTextEdit()
        self.measures.setReadOnly(True)
        self.measures.setAccessibleName("Questionnaires, item-9 alerts first")
        self.insights = QPlainTextEdit()
        self.insights.setReadOnly(True)
        self.insights.setAccessibleName("Insights the patient chose to share")
        self.reports = QListWidget()
        self.reports.setAccessibleName("Shared reports")
        self.reports.itemActivated.connect(lambda _item: self.open_report())
        self.open_report_button = self._button(
            "Open report", "Open the selected report", self.open_report, "Ctrl+Shift+O"
        )
        self.open_report_button.setEnabled(False)
        self.reports.currentRowChanged.connect(
            lambda row: self.open_report_button.setEnabled(row >= 0)
        )
        self.report_viewer = ReportViewer()
        details = QTabWidget()
        details.setAccessibleName("Patient data")
        items_page = QSplitter(Qt.Orientation.Vertical)
        items_page.addWidget(self.entries)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.flag_banner)
        detail_layout.addWidget(self.entry_text, 1)
        items_page.addWidget(detail)
        mood_page = QWidget()
        mood_layout = QVBoxLayout(mood_page)
        mood_layout.addWidget(self.chart)
        mood_layout.addWidget(QLabel("Emotions named in check-ins"))
        mood_layout.addWidget(self.emotions)
        reports_page = QSplitter(Qt.Orientation.Horizontal)
        report_list = QWidget()
        report_layout = QVBoxLayout(report_list)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.reports, 1)
        report_layout.addWidget(self.open_report_button)
        reports_page.addWidget(report_list)
        reports_page.addWidget(self.report_viewer)
        reports_page.setStretchFactor(1, 3)
        details.addTab(items_page, "Shared items")
        details.addTab(mood_page, "Mood and emotions")
        details.addTab(self.voice, "Voice check-ins")
        details.addTab(self.measures, "Questionnaires")
        details.addTab(self.insights, "Insights")
        details.addTab(reports_page, "Reports")
        self.details = details
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(details, 1)
        note = QLabel("Shown as the patient recorded and shared it; MindSpace makes no diagnosis.")
        note.setWordWrap(True)
        right_layout.addWidget(note)
        split = ReflowSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        self.overview = ClinicianOverview(self.services, self.runner)
        self.overview.open_patient.connect(self.show_patient_items)
        self.overview.failed.connect(self.failed.emit)
        self.views = QTabWidget()
        self.views.setAccessibleName("Clinician inbox views")
        self.views.addTab(self.overview, "Overview")
        self.views.addTab(split, "Patients and items")
        self._patients_view: QWidget = split
        layout = QVBoxLayout(self)
        layout.addWidget(self.views)

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
            counts = {str(s["contact_id"]): int(s["bundles"]) for s in sharing.inbox.senders()}
            return {
                "role": me.role if me is not None else "",
                "patients": [
                    {
                        **c.to_json(),
                        "state": c.state_word(),
                        "bundles": counts.get(c.id, 0),
                    }
                    for c in sharing.contacts.list()
                ],
                "inbox": sharing.inbox.bundles(limit=INBOX_SHOWN),
                "received": sum(counts.values()),
            }

        self._run(load, self._show_lists)
        self.overview.refresh()

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
            when, source = format_minute(b["received_at"]), b["source"]
            self.inbox.addItem(f"{when}  from {b['sender']}: {items} ({source})")
        if state["received"] > len(state["inbox"]):
            older = state["received"] - len(state["inbox"])
            self.inbox.addItem(f"… and {plural(older, 'older bundle')} not listed here")

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
        self.views.setCurrentWidget(self.patients_view)
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

    @property
    def patients_view(self) -> QWidget:
        return self._patients_view

    def show_patient_items(self, contact_id: str) -> None:
        """Every shared item of one patient (from the overview)."""
        self.views.setCurrentWidget(self.patients_view)
        self.select_patient(contact_id)

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

    def _show_patient(self, view: PatientView) -> None:
        last = view.bundles[0]["received_at"] if view.bundles else ""
        flagged = len(view.flagged)
        self.heading.setText(
            f"{view.name}: {plural(len(view.mood), 'mood check-in')}, "
            f"{plural(view.count('journal_entry'), 'entry')}, "
            f"{plural(view.count('voice_checkin'), 'voice check-in')}"
            + (f"; last bundle arrived {format_minute(last)}" if last else "")
            + (f"\n{flagged} flagged by the safety screen (listed first)" if flagged else "")
        )
        days: list[tuple[str, float | None]] = list(view.days)
        self.chart.set_data(days)
        self.emotions.clear()
        for emotion, count in view.emotions:
            self.emotions.addItem(f"{emotion}: {count}")
        self._show_items(view.items)
        self._show_voice([i for i in view.items if i.kind == "voice_checkin"])
        self.measures.setPlainText(
            "\n".join(view.measure_lines()) or "No questionnaires were shared.")
        self.insights.setPlainText(
            "\n".join(view.insight_lines()) or "No insights were shared.")
        self._show_reports(view.reports)
        if flagged:
            self.details.setCurrentIndex(0)
        self.patient_shown.emit(
            {
                "contact_id": view.contact_id,
                "days": view.days,
                "emotions": view.emotions,
                "entries": view.count("journal_entry"),
                "mood": len(view.mood),
                "items": len(view.items),
                "flagged": flagged,
                "reports": len(view.reports),
            }
        )

    def _show_items(self, items: list[InboxItem]) -> None:
        self._items = items
        self.entries.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for item in items:
            row = QListWidgetItem(item_line(item))
            if item.flag:
                row.setIcon(warning)
                font = QFont(row.font())
                font.setBold(True)
                row.setFont(font)
                row.setToolTip("; ".join(item.flag.reasons) or item.flag.text)
            self.entries.addItem(row)
        self.entry_text.clear()
        self.flag_banner.hide()

    def _show_voice(self, items: list[InboxItem]) -> None:
        blocks = []
        for item in items:
            head = f"{format_minute(item.date)}  (arrived {format_minute(item.received_at)})"
            if item.flag:
                head = f"⚠ {item.flag.text}\n{head}"
            blocks.append(f"{head}\n{item.text}")
        self.voice.setPlainText("\n\n".join(blocks) or "No voice check-ins shared.")

    def _show_reports(self, reports: list[Report]) -> None:
        self._reports = reports
        self.reports.clear()
        for report in reports:
            self.reports.addItem(report.title)
        self.report_viewer.clear()
        if reports:
            self.reports.setCurrentRow(0)

    def open_report(self) -> None:
        """Show the selected report in the viewer (PDF rendered from memory, CSV as a table)."""
        row = self.reports.currentRow()
        if not 0 <= row < len(self._reports):
            self.status.setText("Choose a report first.")
            return
        report = self._reports[row]
        if report.kind == "report_pdf":
            self.report_viewer.show_pdf(report.data)
        else:
            self.report_viewer.show_csv(csv_rows(report.data))

    def _entry_selected(self, row: int) -> None:
        if not 0 <= row < len(self._items):
            return
        item = self._items[row]
        if item.flag:
            reasons = "; ".join(item.flag.reasons)
            self.flag_banner.setText(
                f"⚠ {item.flag.text}" + (f"\nWhat it acted on: {reasons}" if reasons else "")
            )
            self.flag_banner.show()
        else:
            self.flag_banner.hide()
        self.entry_text.setPlainText(item_detail(item))

    def _open_dialog(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open bundle", "", "MindSpace bundles (*.msbundle)"
        )
        return Path(name) if name else None

    def clear(self) -> None:
        self._items = []
        self._reports = []
        for w in (self.patients, self.inbox, self.emotions, self.entries, self.reports):
            w.clear()
        self.entry_text.clear()
        self.voice.clear()
        self.measures.clear()
        self.insights.clear()
        self.flag_banner.clear()
        self.flag_banner.hide()
        self.report_viewer.clear()
        self.overview.clear()
        self.heading.setText(self._select_text())
        self.status.clear()
        self.chart.set_data([])
