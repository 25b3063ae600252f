"""Export my data: format, optional passphrase encryption, where to save; asks before writing
an export that is not encrypted. The export runs on the task runner (see
`mindspace.app.data_export`). `exported(ExportResult)` is emitted when the file is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.data_export import ExportResult
from mindspace.ui.announce import announce
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error

UNENCRYPTED_QUESTION = (
    "This export is not encrypted. Anyone who can open the file can read your journal, "
    "moods and analyses.\n\nWrite it anyway?"
)


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(
        self, services: AppServices, parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.confirm_box: QMessageBox | None = None
        self._chosen_in_dialog = ""  # a path the save dialog already asked to replace
        self.setWindowTitle("Export my data")
        self.format_combo = QComboBox()
        self.format_combo.addItem("CSV files in a zip archive", "csv")
        self.format_combo.addItem("One JSON document", "json")
        self.format_combo.setAccessibleName("Export format")
        self.encrypt_check = QCheckBox("&Encrypt with a passphrase (age)")
        self.encrypt_check.setAccessibleName("Encrypt the export with a passphrase")
        self.encrypt_check.setChecked(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName("Export passphrase")
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName("Export passphrase again")
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("File to write")
        self.path_edit.setPlaceholderText("Where to save the export")
        self.browse_button = QPushButton("&Browse...")
        self.browse_button.setAccessibleName("Choose where to save the export")
        self.browse_button.clicked.connect(self._browse)
        self.status = QLabel(
            "The export holds everything in your vault except recorded audio."
        )
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Export status")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            "E&xport", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setAccessibleName("Export my data")
        self.export_button.clicked.connect(self.start)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        self.buttons.rejected.connect(self.reject)
        self.encrypt_check.toggled.connect(self._sync)

        form = QFormLayout()
        form.addRow("&Format:", self.format_combo)
        form.addRow("", self.encrypt_check)
        form.addRow("&Passphrase:", self.passphrase_edit)
        form.addRow("&Again:", self.confirm_edit)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        path_label = QLabel("&Save to:")
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._sync(True)
        self.resize(self.fontMetrics().height() * 34, self.sizeHint().height())

    def _sync(self, encrypted: bool) -> None:
        self.passphrase_edit.setEnabled(encrypted)
        self.confirm_edit.setEnabled(encrypted)

    def _suffix(self) -> str:
        base = ".zip" if self.format_combo.currentData() == "csv" else ".json"
        return base + (".age" if self.encrypt_check.isChecked() else "")

    def _browse(self) -> None:
        suggested = str(Path.home() / f"mindspace-export{self._suffix()}")
        path, _ = QFileDialog.getSaveFileName(self, "Save the export", suggested)
        if path:
            self.path_edit.setText(path)
            self._chosen_in_dialog = path

    def start(self) -> None:
        """Check the input, ask about an unencrypted export, then write on a worker."""
        if not self.path_edit.text().strip():
            self._fail("Choose where to save the export.")
            return
        if self.encrypt_check.isChecked():
            if not self.passphrase_edit.text():
                self._fail("Type a passphrase for the export, or turn encryption off.")
                return
            if self.passphrase_edit.text() != self.confirm_edit.text():
                self._fail("The two passphrases differ.")
                return
            self._write()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Export without encryption",
                          UNENCRYPTED_QUESTION, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setAccessibleName("Write it unencrypted")
        box.button(QMessageBox.StandardButton.No).setAccessibleName("Do not write it")
        box.finished.connect(lambda result: self._confirmed(box, result))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox, result: int) -> None:
        self.confirm_box = None
        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes:
            self._write()
        else:
            self.status.setText("Nothing was written.")

    def _write(self) -> None:
        export = self.services.data_export()
        out = Path(self.path_edit.text().strip()).expanduser()
        fmt = str(self.format_combo.currentData())
        secret = self.passphrase_edit.text() if self.encrypt_check.isChecked() else None
        # only the save dialog asks before replacing a file; a typed name never replaces one
        overwrite = self.path_edit.text().strip() == self._chosen_in_dialog
        self.export_button.setEnabled(False)
        self.status.setText("Exporting...")
        self.runner.submit(export.export, out, fmt, secret, overwrite, name="export", owner=self,
                           on_success=self._done, on_failure=self._failed)

    def _done(self, result: ExportResult) -> None:
        self.export_button.setEnabled(True)
        self.passphrase_edit.clear()
        self.confirm_edit.clear()
        state = "encrypted" if result.encrypted else "not encrypted"
        text = f"Saved {result.file.name} ({state})."
        self.status.setText(text)
        announce(self.status, text)
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._fail(describe_error(exc))

    def _fail(self, message: str) -> None:
        self.status.setText(message)
        announce(self.status, message, assertive=True)
        self.failed.emit(message)
