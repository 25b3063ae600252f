"""Unlock with the passphrase or the recovery code.

The unlock itself (Argon2id + opening SQLCipher) runs on a worker; a busy bar shows meanwhile.
A wrong secret shows a one-line message and touches no data. After repeated failures the vault
imposes a growing delay: the button stays disabled and a countdown shows the seconds left.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.errors import ThrottledError, WrongPassphraseError
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.widgets import role_label


class UnlockScreen(QWidget):
    """Emits `unlocked(via_recovery, recovery_code)`; the code is "" for a passphrase unlock.

    The recovery code is handed over only so the shell can offer to set a new passphrase.
    """

    unlocked = Signal(bool, str)

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self._busy = False
        self._retry_at = 0.0
        self.setWindowTitle("MindSpace - unlock")

        self.prompt = role_label("Enter your passphrase to open your journal.")
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName("Passphrase")
        self.passphrase_edit.setPlaceholderText("Passphrase")
        self.recovery_edit = QLineEdit()
        self.recovery_edit.setAccessibleName("Recovery code")
        self.recovery_edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.recovery_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fields = QStackedWidget()
        self.fields.addWidget(self.passphrase_edit)
        self.fields.addWidget(self.recovery_edit)
        self.fields.setSizePolicy(self.passphrase_edit.sizePolicy())
        self.unlock_button = QPushButton("&Unlock")
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setDefault(True)
        self.mode_button = QPushButton("Use a &recovery code instead")
        self.mode_button.setAccessibleName("Switch between passphrase and recovery code")
        self.mode_button.setFlat(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setAccessibleName("Unlocking")
        self.busy.setVisible(False)
        self.message = role_label("", "error")
        self.message.setAccessibleName("Status message")
        self.countdown = role_label("")
        self.countdown.setAccessibleName("Time until you can try again")

        layout = QVBoxLayout(self)
        layout.addWidget(role_label("MindSpace is locked", "heading"))
        layout.addWidget(self.prompt)
        layout.addWidget(self.fields)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.countdown)
        layout.addStretch(1)
        layout.addWidget(self.mode_button, 0, Qt.AlignmentFlag.AlignLeft)

        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_countdown)
        self.unlock_button.clicked.connect(self.attempt_unlock)
        self.passphrase_edit.returnPressed.connect(self.attempt_unlock)
        self.recovery_edit.returnPressed.connect(self.attempt_unlock)
        self.mode_button.clicked.connect(lambda: self.set_recovery_mode(not self.recovery_mode))
        QWidget.setTabOrder(self.passphrase_edit, self.recovery_edit)
        QWidget.setTabOrder(self.recovery_edit, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.mode_button)
        self.start_countdown(self.services.throttle_remaining())
        self.passphrase_edit.setFocus()

    # ---- mode -----------------------------------------------------------------------------
    def _current_edit(self) -> QLineEdit:
        return self.recovery_edit if self.recovery_mode else self.passphrase_edit

    @property
    def recovery_mode(self) -> bool:
        return self.fields.currentWidget() is self.recovery_edit

    def set_recovery_mode(self, on: bool) -> None:
        self.fields.setCurrentWidget(self.recovery_edit if on else self.passphrase_edit)
        self.passphrase_edit.clear()
        self.recovery_edit.clear()
        if on:
            self.prompt.setText(
                "Enter the recovery code you wrote down when you created your journal. "
                "You can set a new passphrase afterwards."
            )
            self.mode_button.setText("Use my &passphrase instead")
        else:
            self.prompt.setText("Enter your passphrase to open your journal.")
            self.mode_button.setText("Use a &recovery code instead")
        self.message.setText("")
        self._current_edit().setFocus()

    # ---- unlocking ------------------------------------------------------------------------
    def attempt_unlock(self) -> None:
        if self._busy or not self.unlock_button.isEnabled():
            return
        edit = self.recovery_edit if self.recovery_mode else self.passphrase_edit
        secret = edit.text()
        if not secret.strip():
            what = "recovery code" if self.recovery_mode else "passphrase"
            self.message.setText(f"Type your {what} first.")
            return
        via_recovery = self.recovery_mode
        fn = self.services.unlock_with_recovery if via_recovery else self.services.unlock
        self._set_busy(True)
        self.message.setText("")
        self.runner.submit(
            fn,
            secret,
            name="unlock",
            owner=self,
            on_success=lambda _r: self._succeeded(via_recovery, secret if via_recovery else ""),
            on_failure=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.fields.setEnabled(not busy)
        self.mode_button.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and time.monotonic() >= self._retry_at)
        self.unlock_button.setText("Unlocking..." if busy else "&Unlock")

    def set_locking(self, locking: bool) -> None:
        """While the vault is still closing, show a busy bar and refuse to unlock."""
        self._set_busy(locking)
        self.unlock_button.setText("Locking..." if locking else "&Unlock")
        if not locking:
            self._current_edit().setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _succeeded(self, via_recovery: bool, code: str) -> None:
        self._set_busy(False)
        self.passphrase_edit.clear()
        self.recovery_edit.clear()
        self.unlocked.emit(via_recovery, code)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ThrottledError):
            self.message.setText("Too many wrong attempts in a row. Please wait a moment.")
        elif isinstance(exc, WrongPassphraseError):
            text = describe_error(exc)
            self.message.setText(f"{text}. Nothing was changed." if "." not in text else text)
        else:
            self.message.setText(describe_error(exc))
        edit = self.recovery_edit if self.recovery_mode else self.passphrase_edit
        edit.selectAll()
        edit.setFocus()
        self.start_countdown(self.services.throttle_remaining())

    def start_countdown(self, seconds: float) -> None:
        """Disable unlocking for `seconds` and show the time left (0 = no delay)."""
        self._retry_at = time.monotonic() + max(0.0, seconds)
        self._update_countdown()
        if seconds > 0:
            self._tick.start()

    def _update_countdown(self) -> None:
        left = self._retry_at - time.monotonic()
        if left > 0:
            self.unlock_button.setEnabled(False)
            self.countdown.setText(f"You can try again in {int(left + 0.999)} s.")
        else:
            self._tick.stop()
            self.countdown.setText("")
            self.unlock_button.setEnabled(not self._busy)

    @property
    def seconds_left(self) -> float:
        return max(0.0, self._retry_at - time.monotonic())

    def clear(self) -> None:
        self.passphrase_edit.clear()
        self.recovery_edit.clear()
        self.message.setText("")
