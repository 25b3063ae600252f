"""First start: choose a passphrase (with live strength feedback), then see the recovery code once.

`PassphraseForm` and `RecoveryCodePanel` are reused by the change-passphrase dialog.
Vault creation (Argon2id calibration, ~0.5-1 s) runs on a worker via `TaskRunner`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.widgets import role_label as label

CLIPBOARD_CLEAR_MS = 120_000


class PassphraseForm(QWidget):
    """New passphrase + confirmation with a live strength meter.

    `validity_changed(bool)` fires when the pair becomes acceptable (strong enough and matching)
    or stops being so. Strength is assessed on the GUI thread (pure CPU, debounced).
    """

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, label_text: str = "New passphrase") -> None:
        super().__init__(parent)
        self._valid = False
        self._acceptable = False
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(label_text)
        self.passphrase_edit.setPlaceholderText("a few unrelated words, e.g. lantern-river-oak")
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName("Repeat the passphrase")
        self.show_check = QCheckBox("Show passphrase")
        self.show_check.setAccessibleName("Show passphrase")
        self.meter = QProgressBar()
        self.meter.setRange(0, 5)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName("Passphrase strength")
        self.strength_label = label("")
        self.feedback_label = label("")
        self.match_label = label("")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow(f"{label_text}:", self.passphrase_edit)
        form.addRow("Repeat it:", self.confirm_edit)
        form.addRow("", self.show_check)
        form.addRow("Strength:", self.meter)
        outer.addLayout(form)
        for widget in (self.strength_label, self.feedback_label, self.match_label):
            outer.addWidget(widget)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.assess_now)
        self.passphrase_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.confirm_edit.textChanged.connect(lambda _t: self._update_validity())
        self.show_check.toggled.connect(self._toggle_echo)
        self.setTabOrder(self.passphrase_edit, self.confirm_edit)
        self.setTabOrder(self.confirm_edit, self.show_check)

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.confirm_edit.setEchoMode(mode)

    def assess_now(self) -> None:
        from mindspace.core.passphrase import assess

        self._debounce.stop()
        text = self.passphrase_edit.text()
        strength = assess(text)
        self._acceptable = strength.acceptable
        self.meter.setValue(strength.score + 1 if text else 0)
        verdict = "acceptable" if strength.acceptable else "too weak - choose a stronger one"
        self.strength_label.setText(f"Strength: {strength.label} ({verdict})" if text else "")
        self.strength_label.setProperty("role", "ok" if strength.acceptable else "error")
        self.strength_label.style().polish(self.strength_label)
        self.feedback_label.setText(strength.feedback if text else "")
        self.meter.setAccessibleDescription(f"{strength.label}")
        self._update_validity()

    def _update_validity(self) -> None:
        first, second = self.passphrase_edit.text(), self.confirm_edit.text()
        matching = bool(first) and first == second
        if second and not matching:
            self.match_label.setText("The two passphrases do not match yet.")
        else:
            self.match_label.setText("The passphrases match." if matching else "")
        valid = self._acceptable and matching and not self._debounce.isActive()
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    @property
    def is_valid(self) -> bool:
        return self._valid

    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def clear(self) -> None:
        self.passphrase_edit.clear()
        self.confirm_edit.clear()
        self.assess_now()


class RecoveryCodePanel(QWidget):
    """Shows a recovery code once, with Copy, Print and an "I have written it down" check."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        self.heading = label("Your recovery code", "heading")
        self.explain = label(
            "If you ever forget your passphrase, this code is the only other way into your "
            "journal. Write it down or print it and keep it somewhere safe. It is shown only "
            "once; MindSpace cannot show it again or recover your data without it."
        )
        self.code_label = label("", "recovery-code", wrap=False)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.copy_button = QPushButton("&Copy")
        self.copy_button.setAccessibleName("Copy the recovery code")
        self.print_button = QPushButton("&Print...")
        self.print_button.setAccessibleName("Print the recovery code")
        self.status = label("")
        self.written_check = QCheckBox("I have &written it down or printed it")
        self.written_check.setAccessibleName("I have written down the recovery code")
        self.continue_button = QPushButton("C&ontinue")
        self.continue_button.setAccessibleName("Continue")
        self.continue_button.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addWidget(self.code_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.written_check)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)

        self.copy_button.clicked.connect(self.copy_code)
        self.print_button.clicked.connect(self.print_code)
        self.written_check.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._confirm)
        QWidget.setTabOrder(self.copy_button, self.print_button)
        QWidget.setTabOrder(self.print_button, self.written_check)
        QWidget.setTabOrder(self.written_check, self.continue_button)

    def set_code(self, code: str) -> None:
        self._code = code
        self.code_label.setText(code)
        self.code_label.setAccessibleName("Recovery code")
        self.code_label.setAccessibleDescription(" ".join(code))  # read out symbol by symbol
        self.written_check.setChecked(False)
        self.status.setText("")

    def copy_code(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self._code)
        self.status.setText("Copied. The clipboard is cleared again in two minutes.")
        code = self._code
        QTimer.singleShot(CLIPBOARD_CLEAR_MS, lambda: _clear_clipboard_if(code))

    def _document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setHtml(
            "<h2>MindSpace recovery code</h2>"
            "<p>Keep this page somewhere safe. Anyone with this code and your files can open "
            "your journal.</p>"
            f"<p style='font-family: monospace; font-size: x-large'><b>{self._code}</b></p>"
        )
        return doc

    def print_to(self, printer: QPrinter) -> None:
        self._document().print_(printer)

    def print_to_pdf(self, path: str) -> None:
        """Render the code page into a PDF file the user chose (also used by tests)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        self.print_to(printer)

    def print_code(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the recovery code")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
            self.status.setText("Sent to the printer.")

    def _confirm(self) -> None:
        if self.written_check.isChecked():
            self.clear()
            self.confirmed.emit()

    def clear(self) -> None:
        self._code = ""
        self.code_label.clear()
        self.code_label.setAccessibleDescription("")


def _clear_clipboard_if(code: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if code and clipboard.text() == code:
        clipboard.clear()


ORPHAN_QUESTION = (
    "This folder holds a vault file (vault.db) whose key file is missing, so it cannot be "
    "opened. If you have a copy of keyfile.json, put it back instead. Otherwise MindSpace can "
    "keep the old file aside under another name (it is not deleted) and create a new vault. "
    "Create a new vault?"
)


class CreateVaultScreen(QWidget):
    """First-start window. Emits `vault_ready` once the code has been confirmed (vault open)."""

    vault_ready = Signal()

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.confirm: Callable[[str], bool] = self._ask
        self.setWindowTitle("MindSpace - create your private journal")
        self.pages = QStackedWidget()

        choose = QWidget()
        self.form = PassphraseForm(choose)
        self.create_button = QPushButton("&Create my journal")
        self.create_button.setAccessibleName("Create my journal")
        self.create_button.setEnabled(False)
        self.create_button.setDefault(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName("Creating the encrypted journal")
        self.busy.setVisible(False)
        self.message = label("", "error")
        self.message.setAccessibleName("Status message")
        intro = label(
            "Everything you write stays on this computer, encrypted with a passphrase only you "
            "know. Choose one you can remember: a few unrelated words work well."
        )
        note = label(
            "MindSpace is a self-care journal, not a medical device. If you are in crisis, call "
            "your local emergency number."
        )
        lay = QVBoxLayout(choose)
        lay.addWidget(label("Welcome to MindSpace", "heading"))
        lay.addWidget(intro)
        lay.addWidget(self.form)
        lay.addWidget(self.busy)
        lay.addWidget(self.message)
        lay.addStretch(1)
        lay.addWidget(note)
        lay.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)

        self.code_panel = RecoveryCodePanel()
        self.pages.addWidget(choose)
        self.pages.addWidget(self.code_panel)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

        self.form.validity_changed.connect(self.create_button.setEnabled)
        self.form.passphrase_edit.returnPressed.connect(self.form.confirm_edit.setFocus)
        self.form.confirm_edit.returnPressed.connect(self.create_button.click)
        self.create_button.clicked.connect(self.create_vault)
        self.code_panel.confirmed.connect(self.vault_ready)
        QWidget.setTabOrder(self.form.show_check, self.create_button)
        self.form.passphrase_edit.setFocus()

    def create_vault(self) -> None:
        self.form.assess_now()
        if not self.form.is_valid:
            self.message.setText("Choose a stronger passphrase and repeat it exactly.")
            return
        passphrase = self.form.passphrase()
        # a database left without its key file cannot be opened: keep it aside, never delete it
        move_aside = self.services.vault_orphaned()
        if move_aside and not self.confirm(ORPHAN_QUESTION):
            return
        self.form.setEnabled(False)
        self.create_button.setEnabled(False)
        self.busy.setVisible(True)
        self.message.setText("Creating your encrypted journal...")
        self.runner.submit(
            self.services.create_vault,
            passphrase,
            move_aside,
            name="create-vault",
            owner=self,
            on_success=self._created,
            on_failure=self._failed,
        )

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, "An earlier vault file", text)
        return answer == QMessageBox.StandardButton.Yes

    def _created(self, code: str) -> None:
        self.busy.setVisible(False)
        self.form.clear()
        self.message.setText("")
        self.code_panel.set_code(code)
        self.pages.setCurrentWidget(self.code_panel)
        self.code_panel.copy_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.form.setEnabled(True)
        self.create_button.setEnabled(self.form.is_valid)
        self.message.setText(describe_error(exc))
