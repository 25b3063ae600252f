"""Preferences: auto-lock minutes, theme, text size, microphone, speech model and crisis region.

The plain preferences live outside the vault (they are needed before unlocking) and hold no
user content. The crisis-line region is kept inside the vault (it is shown only when unlocked).
`preferences_saved(Preferences)` is emitted after they were written.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices, Preferences
from mindspace.app.audio import input_device_names
from mindspace.core.errors import UserError
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
        self.mic_combo = QComboBox()
        self.mic_combo.setAccessibleName("Microphone")
        self.mic_combo.addItem("System default", "")
        for name in input_device_names():
            self.mic_combo.addItem(name, name)
        if prefs.audio_input_device and self.mic_combo.findData(prefs.audio_input_device) < 0:
            self.mic_combo.addItem(
                f"{prefs.audio_input_device} (not connected)", prefs.audio_input_device
            )
        self.mic_combo.setCurrentIndex(max(0, self.mic_combo.findData(prefs.audio_input_device)))
        self.model_edit = QLineEdit(prefs.whisper_model_dir)
        self.model_edit.setPlaceholderText("Shipped model (Whisper tiny.en)")
        self.model_edit.setAccessibleName("Folder of a larger speech-recognition model")
        self.model_browse = QPushButton("&Browse...")
        self.model_browse.setAccessibleName("Choose a speech-recognition model folder")
        self.model_browse.clicked.connect(self._browse_model)
        self.region_combo = QComboBox()
        self.region_combo.setAccessibleName("Region for crisis lines")
        self.region_combo.addItem("Anywhere else (emergency number)", "")
        self._region_before: str | None = None
        if services.is_unlocked:
            resources = services.crisis_resources()
            for region in resources.regions():
                self.region_combo.addItem(region.country, region.code)
            self._region_before = services.analyses.region() or ""
            self.region_combo.setCurrentIndex(
                max(0, self.region_combo.findData(self._region_before))
            )
        else:
            self.region_combo.setEnabled(False)
        from mindspace.ui.reminder_settings import ReminderSettings

        self.reminder_settings = ReminderSettings(prefs)
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
        form.addRow("&Microphone:", self.mic_combo)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_edit, 1)
        model_row.addWidget(self.model_browse)
        # a row holding a layout gets no buddy from QFormLayout: without one the label would
        # show its "&" as it is, so it is given the folder field
        model_label = QLabel("Speech mo&del:")
        model_label.setBuddy(self.model_edit)
        form.addRow(model_label, model_row)
        form.addRow("Crisis lines for &region:", self.region_combo)
        note = QLabel(
            "Text size is relative to your system's font size. These settings are stored "
            "unencrypted next to the vault and contain none of your entries."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.reminder_settings)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.autolock_spin, self.theme_combo)
        QWidget.setTabOrder(self.theme_combo, self.text_size_spin)
        QWidget.setTabOrder(self.text_size_spin, self.mic_combo)
        QWidget.setTabOrder(self.mic_combo, self.model_edit)
        QWidget.setTabOrder(self.model_edit, self.model_browse)
        QWidget.setTabOrder(self.model_browse, self.region_combo)
        self.resize(self.fontMetrics().height() * 30, self.sizeHint().height())

    def _browse_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Speech-recognition model folder")
        if folder:
            self.model_edit.setText(folder)

    def chosen(self) -> Preferences:
        return dataclasses.replace(
            self.services.load_preferences(),
            theme=str(self.theme_combo.currentData()),
            font_scale=self.text_size_spin.value() / 100.0,
            autolock_minutes=self.autolock_spin.value(),
            audio_input_device=str(self.mic_combo.currentData() or ""),
            whisper_model_dir=self.model_edit.text().strip(),
            **self.reminder_settings.values(),
        )

    def save(self) -> None:
        prefs = self.chosen()
        region = str(self.region_combo.currentData() or "")
        if self._region_before is not None and region != self._region_before:
            from mindspace.ui.tasks import default_runner

            analyses = self.services.analyses
            default_runner().submit(lambda: analyses.set_region(region or None), name="region")
        self.services.save_preferences(prefs)
        try:
            self.reminder_settings.apply_start_at_login(prefs, self.services.data_dir)
        except UserError as exc:
            QMessageBox.warning(self, "Start at login", str(exc))
        self.preferences_saved.emit(prefs)
        self.accept()
