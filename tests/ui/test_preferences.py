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
