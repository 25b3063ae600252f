"""Change the passphrase (re-wraps the key; data is not re-encrypted) and show the new code.

With `recovery_code` set (the user just unlocked with it), no current passphrase is asked for:
the recovery code authorises setting a new one. The re-wrap (Argon2id, ~0.5-1 s per wrap) runs
on a worker. The dialog is opened with `open()` and cannot be dismissed while the new recovery
code is on screen until the user confirms they wrote it down.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.ui.create_vault_screen import PassphraseForm, RecoveryCodePanel
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.widgets import role_label as label


def can_reset_with_recovery(services: AppServices) -> bool:
    return callable(getattr(services, "reset_passphrase", None))


class ChangePassphraseDialog(QDialog):
    passphrase_changed = Signal()

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
        recovery_code: str = "",
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self._recovery_code = recovery_code
        self._changed = False
        self.setWindowTitle("Set a new passphrase" if recovery_code else "Change passphrase")
        self.pages = QStackedWidget()

        first = self.first_page = QWidget()
        self.current_edit = QLineEdit()
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_edit.setAccessibleName("Current passphrase")
        self.form = PassphraseForm(first)
        self.change_button = QPushButton("&Change passphrase")
        self.change_button.setAccessibleName("Change passphrase")
        self.change_button.setEnabled(False)
        self.change_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName("Changing the passphrase")
        self.busy.setVisible(False)
        self.message = label("", "error")
        self.message.setAccessibleName("Status message")
        if recovery_code:
            intro = (
                "You opened MindSpace with your recovery code. Choose a new passphrase; you will "
                "also get a new recovery code (the old one stops working)."
            )
        else:
            intro = (
                "Your entries stay as they are; only the key that protects them is re-wrapped. "
                "You will also get a new recovery code (the old one stops working)."
            )
        lay = QVBoxLayout(first)
        lay.addWidget(label(intro))
        current_form = QFormLayout()
        current_form.addRow("C&urrent passphrase:", self.current_edit)
        lay.addLayout(current_form)
        current_form.setRowVisible(0, not recovery_code)
        lay.addWidget(self.form)
        lay.addWidget(self.busy)
        lay.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.change_button)
        lay.addLayout(row)

        self.code_panel = RecoveryCodePanel()
        self.pages.addWidget(first)
        self.pages.addWidget(self.code_panel)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

        self.form.validity_changed.connect(lambda _v: self._update_button())
        self.current_edit.textChanged.connect(lambda _t: self._update_button())
        self.form.confirm_edit.returnPressed.connect(self.change_button.click)
        self.change_button.clicked.connect(self.change)
        self.cancel_button.clicked.connect(self.reject)
        self.code_panel.confirmed.connect(self.accept)
        QWidget.setTabOrder(self.current_edit, self.form.passphrase_edit)
        QWidget.setTabOrder(self.form.show_check, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.change_button)
        (self.form.passphrase_edit if recovery_code else self.current_edit).setFocus()
        height = self.fontMetrics().height()
        self.resize(height * 34, height * 24)

    def _update_button(self) -> None:
        has_current = bool(self._recovery_code or self.current_edit.text())
        self.change_button.setEnabled(self.form.is_valid and has_current)

    def change(self) -> None:
        self.form.assess_now()
        if not self.form.is_valid:
            self.message.setText("Choose a stronger new passphrase and repeat it exactly.")
            return
        new = self.form.passphrase()
        if self._recovery_code:
            if not can_reset_with_recovery(self.services):
                self.message.setText("Setting a passphrase with the recovery code is unavailable.")
                return
            fn: Callable[[str, str], str] = self.services.reset_passphrase
            args = (self._recovery_code, new)
        else:
            current = self.current_edit.text()
            if not current:
                self.message.setText("Type your current passphrase first.")
                return
            fn, args = self.services.change_passphrase, (current, new)
        self.first_page.setEnabled(False)
        self.busy.setVisible(True)
        self.message.setText("Re-wrapping the key...")
        self.runner.submit(
            fn,
            *args,
            name="change-passphrase",
            owner=self,
            on_success=self._changed_ok,
            on_failure=self._failed,
        )

    def _changed_ok(self, code: str) -> None:
        self._changed = True
        self._recovery_code = ""
        self.busy.setVisible(False)
        self.current_edit.clear()
        self.form.clear()
        self.message.setText("")
        self.code_panel.heading.setText("Passphrase changed: your new recovery code")
        self.code_panel.set_code(code)
        self.pages.setCurrentWidget(self.code_panel)
        self.code_panel.copy_button.setFocus()
        self.passphrase_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.first_page.setEnabled(True)
        self.message.setText(describe_error(exc))
        self.current_edit.selectAll()
        self.current_edit.setFocus()

    @property
    def in_critical_step(self) -> bool:
        """Re-wrapping, or showing a new code not yet confirmed (auto-lock must wait)."""
        return not self.busy.isHidden() or self.pages.currentWidget() is self.code_panel

    @property
    def changed(self) -> bool:
        return self._changed

    def reject(self) -> None:
        if self.pages.currentWidget() is self.code_panel:
            self.code_panel.status.setText("Please confirm that you wrote the new code down.")
            return  # the new code must be acknowledged first
        self.current_edit.clear()
        self.form.clear()
        super().reject()

    def done(self, result: int) -> None:
        self.code_panel.clear()
        super().done(result)
