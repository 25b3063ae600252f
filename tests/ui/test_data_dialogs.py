"""Import from Daylio and Export my data, through their dialogs on a real vault."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from mindspace.app import AppServices
from mindspace.ui.export_dialog import ExportDialog
from mindspace.ui.import_dialog import ImportDialog
from mindspace.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data" / "daylio"
EXPORT_PW = "lantern orchard mosaic thimble 9"


@pytest.fixture
def out_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    scratch = tmp_path / "system-temp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_preview_map_labels_and_import(qtbot, open_services: AppServices) -> None:
    dialog = ImportDialog(open_services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed):
        dialog.preview()  # no file chosen yet
    dialog.path_edit.setText(str(DATA / "current.csv"))
    with qtbot.waitSignal(dialog.previewed, timeout=20_000) as first:
        dialog.preview()
    assert first.args[0].unknown_labels == {"ecstatic": 1, "fine": 1}
    assert not dialog.import_button.isEnabled() or first.args[0].new_checkins == 5
    assert "Line 7: the time '25:10' does not exist" in dialog.problems.toPlainText()
    dialog.set_mood("ecstatic", 5)
    dialog.set_mood("fine", 3)
    with qtbot.waitSignal(dialog.previewed, timeout=20_000) as second:
        dialog.preview()
    assert second.args[0].new_checkins == 7 and second.args[0].unknown_labels == {}
    assert dialog.preview_table.rowCount() == 7
    assert dialog.preview_table.item(0, 0).text() == "2024-05-12 12:00"
    assert open_services.mood.list() == []  # a preview writes nothing
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as done:
        dialog.import_button.click()
    assert done.args[0].new_checkins == 7 and not done.args[0].dry_run
    assert len(open_services.mood.list()) == 7
    assert "Imported 7 mood check-ins" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()  # nothing new left to import


def test_unencrypted_export_asks_first(qtbot, open_services: AppServices, out_dir: Path) -> None:
    open_services.mood.add(4, note="calm evening")
    dialog = ExportDialog(open_services)
    qtbot.addWidget(dialog)
    dialog.encrypt_check.setChecked(False)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    dialog.path_edit.setText(str(out_dir / "me.json"))
    dialog.export_button.click()
    box = dialog.confirm_box
    assert box is not None and "not encrypted" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert not (out_dir / "me.json").exists() and dialog.status.text() == "Nothing was written."
    dialog.export_button.click()
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    assert "calm evening" in (out_dir / "me.json").read_text("utf-8")


def test_encrypted_export_and_refusals(qtbot, open_services: AppServices, out_dir: Path) -> None:
    from pyrage import passphrase as age_passphrase

    open_services.journal.add("Private", "words nobody else reads")
    dialog = ExportDialog(open_services)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(out_dir / "me.zip.age"))
    dialog.passphrase_edit.setText(EXPORT_PW)
    dialog.confirm_edit.setText(EXPORT_PW + "x")
    with qtbot.waitSignal(dialog.failed) as differ:
        dialog.export_button.click()
    assert "differ" in differ.args[0]
    dialog.confirm_edit.setText(EXPORT_PW)
    with qtbot.waitSignal(dialog.exported, timeout=30_000):
        dialog.export_button.click()
    assert dialog.confirm_box is None  # an encrypted export needs no confirmation
    blob = (out_dir / "me.zip.age").read_bytes()
    assert b"nobody else" not in blob
    assert age_passphrase.decrypt(blob, EXPORT_PW)[:2] == b"PK"
    dialog.passphrase_edit.setText(EXPORT_PW)
    dialog.confirm_edit.setText(EXPORT_PW)
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as exists:
        dialog.export_button.click()  # typed name of an existing file: never replaced
    assert "already exists" in exists.args[0]


def test_file_menu_opens_both_dialogs(qtbot, open_services: AppServices) -> None:
    window = MainWindow(open_services, pages=[])
    qtbot.addWidget(window)
    window.actions_by_name["import_daylio"].trigger()
    assert isinstance(window.dialog, ImportDialog)
    window.dialog.reject()
    qtbot.waitUntil(lambda: window.dialog is None)
    window.actions_by_name["export_data"].trigger()
    assert isinstance(window.dialog, ExportDialog)
    window.dialog.reject()
