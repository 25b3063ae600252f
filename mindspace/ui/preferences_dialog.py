"""Preferences: auto-lock minutes, theme and text size.

These plain preferences live outside the vault (they are needed before unlocking) and hold no
user content. `preferences_saved(Preferences)` is emitted after they were written.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mindspace.services import AppServices, Preferences
from mindspace.ui.themes import THEME_LABELS, THEMES


class PreferencesDialog(QDialog):
    preferences_saved = Signal(object)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Preferences")
        prefs = services.load_preferences()
        self.autolock_spin = QSpinBox()
        self.autolock_spin.setRange(1, 240)
        self.autolock_spin.setSuffix(" min")
        self.autolock_spin.setValue(prefs.autolock_minutes)
        self.autolock_spin.setAccessibleName("Lock automatically after this many idle minutes")
        self.theme_combo = QComboBox()
        for key in THEMES:
            self.theme_combo.addItem(THEME_LABELS[key], key)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(prefs.theme)))
        self.theme_combo.setAccessibleName("Theme")
        self.text_size_spin = QSpinBox()
        self.text_size_spin.setRange(75, 200)
        self.text_size_spin.setSingleStep(10)
        self.text_size_spin.setSuffix(" %")
        self.text_size_spin.setValue(round(prefs.font_scale * 100))
        self.text_size_spin.setAccessibleName("Text size relative to the system font")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName(
            "Save preferences"
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("&Auto-lock after:", self.autolock_spin)
        form.addRow("&Theme:", self.theme_combo)
        form.addRow("Text &size:", self.text_size_spin)
        note = QLabel(
            "Text size is relative to your system's font size. These settings are stored "
            "unencrypted next to the vault and contain none of your entries."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.autolock_spin, self.theme_combo)
        QWidget.setTabOrder(self.theme_combo, self.text_size_spin)
        self.resize(self.fontMetrics().height() * 30, self.sizeHint().height())

    def chosen(self) -> Preferences:
        return Preferences(
            theme=str(self.theme_combo.currentData()),
            font_scale=self.text_size_spin.value() / 100.0,
            autolock_minutes=self.autolock_spin.value(),
        )

    def save(self) -> None:
        prefs = self.chosen()
        self.services.save_preferences(prefs)
        self.preferences_saved.emit(prefs)
        self.accept()
