"""The Preferences section for the daily check-in reminder and the start at login.

Layout and values only; `PreferencesDialog` merges `values()` into the preferences it saves and
calls `apply_start_at_login()` after saving. What is stored is a time, weekdays and two switches.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import Preferences
from mindspace.app.reminders import set_start_at_login, starts_at_login
from mindspace.core.reminders import REMINDER_TEXT, WEEKDAY_NAMES


class ReminderSettings(QGroupBox):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__("Daily check-in reminder", parent)
        self.setAccessibleName("Daily check-in reminder")
        self.enabled_check = QCheckBox("Remind me to &check in every day")
        self.enabled_check.setAccessibleName("Remind me to check in every day")
        self.enabled_check.setChecked(prefs.reminder_enabled)
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        hours, minutes = (int(p) for p in prefs.reminder_time.split(":"))
        self.time_edit.setTime(QTime(hours, minutes))
        self.time_edit.setAccessibleName("Reminder time")
        self.day_checks: list[QCheckBox] = []
        days_row = QHBoxLayout()
        for index, name in enumerate(WEEKDAY_NAMES):
            box = QCheckBox(name[:3])
            box.setAccessibleName(f"Quiet day: no reminder on {name}")
            box.setToolTip(f"No reminder on {name}")
            box.setChecked(index in prefs.reminder_quiet_days)
            self.day_checks.append(box)
            days_row.addWidget(box)
        self.login_check = QCheckBox("Start MindSpace when I &log in")
        self.login_check.setAccessibleName("Start MindSpace when I log in")
        self.login_check.setChecked(prefs.start_at_login and starts_at_login())
        note = QLabel(
            f"The reminder says only \u201c{REMINDER_TEXT}\u201d; it never shows what you wrote."
        )
        note.setWordWrap(True)
        time_row = QHBoxLayout()
        time_label = QLabel("At t&ime:")
        time_label.setBuddy(self.time_edit)
        time_row.addWidget(time_label)
        time_row.addWidget(self.time_edit)
        time_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled_check)
        layout.addLayout(time_row)
        layout.addWidget(QLabel("Quiet days (no reminder):"))
        layout.addLayout(days_row)
        layout.addWidget(self.login_check)
        layout.addWidget(note)
        self.enabled_check.toggled.connect(self._sync_enabled)
        self._sync_enabled(self.enabled_check.isChecked())

    def _sync_enabled(self, on: bool) -> None:
        self.time_edit.setEnabled(on)
        for box in self.day_checks:
            box.setEnabled(on)

    def values(self) -> dict[str, Any]:
        return {
            "reminder_enabled": self.enabled_check.isChecked(),
            "reminder_time": self.time_edit.time().toString("HH:mm"),
            "reminder_quiet_days": [i for i, b in enumerate(self.day_checks) if b.isChecked()],
            "start_at_login": self.login_check.isChecked(),
        }

    @staticmethod
    def apply_start_at_login(prefs: Preferences, data_dir: Any) -> None:
        """Write or remove the autostart entry to match the saved preference."""
        if prefs.start_at_login != starts_at_login():
            set_start_at_login(prefs.start_at_login, data_dir)
