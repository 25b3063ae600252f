"""The first view of the Clinician inbox: every patient in one table, item-9 alerts first.

Each row: the item-9 alert in words (and a warning icon, never colour alone), the patient, when
the last bundle arrived, and the latest PHQ-9, GAD-7 and WHO-5 with their range and reliable
change since the first and the previous score. The whole table is repeated as text ("Overview
in words"). Choosing a patient shows their questionnaire scores over time as charts (painted
like the Questionnaires page, `MeasurePlot`), each with its text alternative, and a button that
opens all their shared items. What is shown comes from `app.clinician_overview`; the work runs on
a worker. A score range is information, not a diagnosis.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.clinician_overview import (
    PatientHistory,
    PatientRow,
    patient_history,
    patient_overview,
)
from mindspace.core.questionnaires import ASKED, catalog
from mindspace.ui.announce import announce
from mindspace.ui.questionnaire_screen import MeasurePlot
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.widgets import role_label

ID_ROLE = int(Qt.ItemDataRole.UserRole)
HEADERS = ("Item 9", "Patient", "Last bundle", *(catalog().get(i).short_name for i in ASKED))
NO_ALERT = "—"
MAX_COLUMN_CHARS = 36  # wider cells wrap
NOTE = ("Latest scores as the patients shared them, with the reliable change since the first "
        "and the previous score. A score range is information, not a diagnosis.")


class ClinicianOverview(QWidget):
    overview_shown = Signal(list)  # the contact ids, in the order shown
    history_shown = Signal(dict)
    open_patient = Signal(str)  # "Open all shared items" for this contact
    failed = Signal(str)

    def __init__(self, services: AppServices, runner: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.rows: list[PatientRow] = []
        self.history: PatientHistory | None = None
        self._build()

    def _build(self) -> None:
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Patients overview, item-9 alerts first")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._row_chosen(row))
        self.summary = role_label("", "muted")
        self.summary.setAccessibleName("Overview status")
        self.words = QPlainTextEdit()
        self.words.setReadOnly(True)
        self.words.setAccessibleName("Overview in words")

        self.heading = QLabel("Choose a patient to see their questionnaires over time")
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Patient questionnaires")
        self.open_button = QPushButton("Open all shared items")
        self.open_button.setAccessibleName("Open all shared items of this patient")
        self.open_button.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.open_button.setToolTip("Open all shared items of this patient (Ctrl+Shift+I)")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_clicked)
        self.plots: dict[str, MeasurePlot] = {}
        self.plot_texts: dict[str, QLabel] = {}
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        for inst_id in ASKED:
            name = catalog().get(inst_id).short_name
            plot = MeasurePlot()
            plot.setAccessibleName(f"{name} scores over time")
            text = role_label("")
            text.setAccessibleName(f"{name} scores in words")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.plots[inst_id], self.plot_texts[inst_id] = plot, text
            charts_layout.addWidget(QLabel(name))
            charts_layout.addWidget(plot)
            charts_layout.addWidget(text)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        scroll.setAccessibleName("Questionnaire charts")
        self.history_words = QPlainTextEdit()
        self.history_words.setReadOnly(True)
        self.history_words.setAccessibleName("Questionnaire charts in words")

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 3)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(QLabel("Overview in words"))
        top_layout.addWidget(self.words, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.heading)
        bottom_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        bottom_layout.addWidget(scroll, 3)
        bottom_layout.addWidget(QLabel("Charts in words"))
        bottom_layout.addWidget(self.history_words, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        note = QLabel(NOTE)
        note.setWordWrap(True)
        layout.addWidget(note)

    # ---- work -------------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        self.runner.submit(fn, owner=self, on_success=on_success, on_failure=self._failed,
                           name="clinician-overview")

    def _failed(self, exc: BaseException) -> None:
        text = describe_error(exc)
        self.summary.setText(text)
        self.failed.emit(text)

    def refresh(self) -> None:
        if self.services.is_unlocked:
            self._run(lambda: patient_overview(self.services.sharing().inbox), self._show_rows)

    def selected_patient(self) -> str | None:
        row = self.table.currentRow()
        return self.rows[row].contact_id if 0 <= row < len(self.rows) else None

    def _show_rows(self, rows: list[PatientRow]) -> None:
        selected = self.selected_patient()
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for r, row in enumerate(rows):
            cells = [row.alert_cell() or NO_ALERT, row.name, row.last_text(),
                     *(row.cell(i) for i in ASKED)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.contact_id)
                item.setToolTip(row.text())
                if row.item9_alert:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    if c == 0:
                        item.setIcon(warning)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        widest = self.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), widest))
        self.table.resizeRowsToContents()
        self.table.blockSignals(False)
        alerts = sum(1 for row in rows if row.item9_alert)
        status = f"{len(rows)} patient(s)" + (
            f"; {alerts} with an item-9 alert, listed first" if alerts else "")
        self.summary.setText(status if rows else "No bundles received yet.")
        self.words.setPlainText("\n".join(row.text() for row in rows))
        if alerts:
            announce(self, status, assertive=True)
        again = next((i for i, row in enumerate(rows) if row.contact_id == selected), None)
        if again is not None:
            self.table.setCurrentCell(again, 0)
        self.overview_shown.emit([row.contact_id for row in rows])

    def select(self, contact_id: str) -> None:
        for i, row in enumerate(self.rows):
            if row.contact_id == contact_id:
                self.table.setCurrentCell(i, 0)
                return

    def _row_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self.heading.setText(f"{row.name}: loading questionnaires…")
        self.open_button.setEnabled(True)
        self._run(lambda: patient_history(self.services.sharing().inbox, row.contact_id),
                  self._show_history)

    def _show_history(self, history: PatientHistory) -> None:
        if history.contact_id != self.selected_patient():
            return  # another patient was chosen meanwhile
        self.history = history
        row = next(r for r in self.rows if r.contact_id == history.contact_id)
        alert = f" — {row.alert_text()}" if row.item9_alert else ""
        self.heading.setText(f"{row.name}: questionnaires over time{alert}")
        for series in history.series:
            plot = self.plots[series.instrument]
            plot.low, plot.high, plot.cuts = series.low, series.high, list(series.cuts)
            plot.points = [(r.taken_on, r.score or 0,
                            f"{r.day}: {r.summary()}") for r in series.results]
            plot.current = None
            words = series.text()
            plot.setAccessibleDescription(words)
            plot.update()
            self.plot_texts[series.instrument].setText(words)
        self.history_words.setPlainText("\n".join(history.lines()))
        self.history_shown.emit({
            "contact_id": history.contact_id,
            "points": {s.instrument: len(s.results) for s in history.series},
            "alerts": len(history.alerts),
        })

    def _open_clicked(self) -> None:
        chosen = self.selected_patient()
        if chosen is not None:
            self.open_patient.emit(chosen)

    def clear(self) -> None:
        self.rows = []
        self.history = None
        self.table.setRowCount(0)
        self.words.clear()
        self.summary.clear()
        self.history_words.clear()
        self.open_button.setEnabled(False)
        self.heading.setText("Choose a patient to see their questionnaires over time")
        for inst_id, plot in self.plots.items():
            plot.points = []
            plot.update()
            self.plot_texts[inst_id].clear()

