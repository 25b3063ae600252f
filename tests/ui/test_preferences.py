"""Preferences: plain settings persist outside the vault; the crisis region inside it."""
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import json

import pytest

from mindspace.app import AppServices
from mindspace.ui.preferences_dialog import PreferencesDialog

pytestmark = pytest.mark.gui


def test_region_model_folder_and_autolock_are_saved(qtbot, open_services: AppServices,
                                                    tasks_done) -> None:
    dialog = PreferencesDialog(open_services)
    qtbot.addWidget(dialog)
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("GB"))
    dialog.model_edit.setText("/opt/models/whisper-small")
    dialog.autolock_spin.setValue(12)
    dialog.save()
    tasks_done()
    assert open_services.analyses.region() == "GB"
    prefs = open_services.load_preferences()
    assert (prefs.autolock_minutes, prefs.whisper_model_dir) == (12, "/opt/models/whisper-small")
    stored = json.loads(open_services.preferences_path.read_text())
    assert "GB" not in json.dumps(stored)  # the region lives in the vault, not in plain settings
    again = PreferencesDialog(open_services)
    qtbot.addWidget(again)
    assert again.region_combo.currentData() == "GB"


def test_region_is_disabled_while_locked(qtbot, new_services: AppServices) -> None:
    new_services.lock()
    dialog = PreferencesDialog(new_services)
    qtbot.addWidget(dialog)
    assert not dialog.region_combo.isEnabled()
    dialog.save()
    assert new_services.load_preferences().theme == "system"


def test_every_label_shortcut_works_and_none_is_shared(qtbot, open_services: AppServices) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    dialog = PreferencesDialog(open_services)
    qtbot.addWidget(dialog)
    dialog.show()
    letters: list[str] = []
    for label in dialog.findChildren(QLabel):
        text = label.text().replace("&&", "")
        if "&" in text:
            # without a buddy Qt shows the "&" itself instead of underlining the letter
            assert label.buddy() is not None, f"{text!r} shows a literal '&'"
            letters.append(text[text.index("&") + 1].lower())
    for button in dialog.findChildren(QAbstractButton):
        text = button.text().replace("&&", "")
        if "&" in text:
            letters.append(text[text.index("&") + 1].lower())
    assert "Speech mo&del:" in [label.text() for label in dialog.findChildren(QLabel)]
    assert len(letters) == len(set(letters)), f"shared shortcut letters: {sorted(letters)}"
