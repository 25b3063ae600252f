"""Import from Daylio: choose the CSV file, map unknown mood labels, preview, import, report.

Reading the file and writing the vault run on the task runner. The preview lists the first new
rows, the rows that could not be read (line and reason) and any mood label that needs mapping;
Import brings in the readable, new rows in one transaction (nothing twice: see
`mindspace.app.data_transfer`). `imported(ImportReport)` is emitted after an import.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.data_transfer import DEFAULT_MOODS, ImportReport
from mindspace.core.entities import MOOD_WORDS
from mindspace.core.wording import plural
from mindspace.ui.announce import announce
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportReport
    previewed = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(
        self, services: AppServices, parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.report: ImportReport | None = None
        self.setWindowTitle("Import from Daylio")
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("Daylio CSV export (daylio_export.csv)")
        self.path_edit.setAccessibleName("Daylio CSV file")
        self.browse_button = QPushButton("&Browse...")
        self.browse_button.setAccessibleName("Choose the Daylio CSV file")
        self.browse_button.clicked.connect(self._browse)
        self.preview_button = QPushButton("&Preview")
        self.preview_button.setAccessibleName("Preview the import")
        self.preview_button.clicked.connect(self.preview)
        self.map_table = QTableWidget(0, 2)
        self.map_table.setHorizontalHeaderLabels(["Daylio mood", "MindSpace mood"])
        self.map_table.setAccessibleName("Mood labels and the mood each one means")
        self.map_table.horizontalHeader().setStretchLastSection(True)
        self.preview_table = QTableWidget(0, 5)
        self.preview_table.setHorizontalHeaderLabels(
            ["Date", "Daylio mood", "Mood", "Activities", "Journal entry"]
        )
        self.preview_table.setAccessibleName("Rows that would be imported")
        self.preview_table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel("Choose a file and press Preview.")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Import summary")
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName("Rows that could not be read")
        self.problems.setMaximumHeight(self.fontMetrics().height() * 6)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName("Import the new rows")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        self.buttons.rejected.connect(self.reject)
        self._mood_combos: dict[str, QComboBox] = {}
        for label, level in DEFAULT_MOODS.items():
            self._add_label(label, level)

        file_row = QHBoxLayout()
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path_edit)
        file_row.addWidget(file_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(QLabel("Mood labels (set a mood for labels of your own):"))
        layout.addWidget(self.map_table)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview_table, 1)
        layout.addWidget(QLabel("Rows that could not be read:"))
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        height = self.fontMetrics().height()
        self.resize(height * 48, height * 40)

    # ---- mood labels -----------------------------------------------------------------------
    def _add_label(self, label: str, level: int | None) -> None:
        if label in self._mood_combos:
            return
        row = self.map_table.rowCount()
        self.map_table.insertRow(row)
        item = QTableWidgetItem(label)
        self.map_table.setItem(row, 0, item)
        combo = QComboBox()
        combo.setAccessibleName(f"Mood for the Daylio label {label}")
        combo.addItem("Not mapped (rows skipped)", 0)
        for value in sorted(MOOD_WORDS, reverse=True):
            combo.addItem(f"{value} – {MOOD_WORDS[value]}", value)
        combo.setCurrentIndex(max(0, combo.findData(level or 0)))
        self.map_table.setCellWidget(row, 1, combo)
        self._mood_combos[label] = combo

    def set_mood(self, label: str, level: int) -> None:
        combo = self._mood_combos[label]
        combo.setCurrentIndex(combo.findData(level))

    def mood_map(self) -> dict[str, int]:
        return {
            label: int(combo.currentData())
            for label, combo in self._mood_combos.items()
            if combo.currentData()
        }

    # ---- actions ---------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Daylio CSV export", str(Path.home()), "CSV files (*.csv);;All files (*)"
        )
        if path:
            self.path_edit.setText(path)
            self.preview()

    def _path(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            self._fail("Choose the CSV file Daylio exported first.")
            return None
        return Path(text)

    def _busy(self, busy: bool) -> None:
        for widget in (self.preview_button, self.browse_button, self.path_edit):
            widget.setEnabled(not busy)
        self.import_button.setEnabled(
            not busy and self.report is not None and self.report.new_checkins > 0
            and self.report.dry_run
        )

    def preview(self) -> None:
        path = self._path()
        if path is None:
            return
        use = self.services.daylio_import()
        mapping = self.mood_map()
        self.summary.setText("Reading the file...")
        self._busy(True)
        self.runner.submit(use.preview, path, mapping, name="daylio-preview", owner=self,
                           on_success=self._previewed, on_failure=self._failed)

    def _previewed(self, report: ImportReport) -> None:
        self.report = report
        for label in report.unknown_labels:
            self._add_label(label, None)
        self._show(report)
        self._busy(False)
        self.previewed.emit(report)

    def run_import(self) -> None:
        path = self._path()
        if path is None:
            return
        use = self.services.daylio_import()
        mapping = self.mood_map()
        self.summary.setText("Importing...")
        self.report = None
        self._busy(True)
        self.runner.submit(use.run, path, mapping, name="daylio-import", owner=self,
                           on_success=self._imported, on_failure=self._failed)

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self._show(report)
        self._busy(False)
        self.imported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._fail(describe_error(exc))

    def _fail(self, message: str) -> None:
        self.summary.setText(message)
        announce(self.summary, message, assertive=True)
        self.failed.emit(message)

    # ---- showing a report --------------------------------------------------------------------
    def _show(self, report: ImportReport) -> None:
        verb = "Would import" if report.dry_run else "Imported"
        parts = [
            f"{plural(report.rows_read, 'row')} read.",
            f"{verb} {plural(report.new_checkins, 'mood check-in')} and "
            f"{plural(report.new_journal_entries, 'journal entry', 'journal entries')}.",
        ]
        if report.already_imported:
            parts.append(f"{plural(report.already_imported, 'row')} imported before.")
        if report.problems:
            parts.append(f"{plural(len(report.problems), 'row')} could not be read.")
        if report.unknown_labels:
            parts.append("Set a mood for: " + ", ".join(report.unknown_labels) + ".")
        text = " ".join(parts)
        self.summary.setText(text)
        announce(self.summary, text)
        self.problems.setPlainText(
            "\n".join(f"Line {p.line}: {p.reason}" for p in report.problems) or "None."
        )
        rows = report.preview if report.dry_run else []
        self.preview_table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells: list[Any] = [
                row.at.strftime("%Y-%m-%d %H:%M"), row.mood_label,
                f"{row.mood} – {MOOD_WORDS[row.mood]}", ", ".join(row.activities),
                row.title or ("yes" if row.makes_journal_entry else ""),
            ]
            for column, value in enumerate(cells):
                self.preview_table.setItem(i, column, QTableWidgetItem(str(value)))
