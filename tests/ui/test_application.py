"""Start-up (composition root), quitting and the page registry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from mindspace.app import AppServices
from mindspace.ui import pages
from mindspace.ui.application import parse_args
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def test_data_dir_from_flag_or_environment(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MINDSPACE_DATA_DIR", str(tmp_path / "env"))
    args, rest = parse_args(["--data-dir", str(tmp_path / "flag"), "-platform", "offscreen"])
    assert args.data_dir == tmp_path / "flag" and rest == ["-platform", "offscreen"]
    args, _ = parse_args([])
    assert args.data_dir == tmp_path / "env"


def test_python_m_mindspace_starts_the_gui(tmp_path: Path) -> None:
    """`python -m mindspace --data-dir X` shows the first-start window and writes nothing."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MINDSPACE_EXIT_AFTER_SHOW="1")
    data = tmp_path / "data"
    proc = subprocess.run(
        [sys.executable, "-m", "mindspace", "--data-dir", str(data)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "window-shown" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert not data.exists()  # nothing is written before the user creates a vault


def test_quit_saves_draft_and_locks(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, monkeypatch, tasks_done
) -> None:
    shell = make_shell()
    quits = []
    monkeypatch.setattr(shell.app, "quit", lambda: quits.append(True))
    shell.start()
    shell.window.passphrase_edit.setText(PASSPHRASE)
    shell.window.attempt_unlock()
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)
    journal = shell.main_window.show_page("journal")
    tasks_done()
    journal.view.title_edit.setText("Unsaved thoughts")
    shell.main_window.actions_by_name["quit"].trigger()
    qtbot.waitUntil(lambda: bool(quits), timeout=20_000)
    assert not new_services.is_unlocked and shell.main_window is None
    new_services.unlock(PASSPHRASE)
    assert [e.title for e in new_services.journal.list()] == ["Unsaved thoughts"]


def test_registered_pages_are_mounted(qtbot, open_services: AppServices, tasks_done) -> None:
    from mindspace.ui.main_window import MainWindow

    class Notes(QWidget):
        def __init__(self, new_services: AppServices, parent: QWidget | None = None) -> None:
            super().__init__(parent)
            self.label = QLabel("notes page", self)
            self.cleared = False

        def clear(self) -> None:
            self.cleared = True

    spec = pages.PageSpec("notes", "Notes", "journal", "Ctrl+9", Notes)
    window = MainWindow(open_services, pages=[*pages.all_pages(), spec])
    qtbot.addWidget(window)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [p.title for p in pages.all_pages()] + ["Notes"]
    assert titles[:3] == ["Today", "Journal", "Mood"]
    assert "notes" not in window.built_pages()  # built lazily
    window.actions_by_name["page:notes"].trigger()
    notes = window.built_pages()["notes"]
    assert isinstance(notes, Notes) and window.current_page_key() == "notes"
    tasks_done()
    window.clear_all()
    assert notes.cleared and window.built_pages() == {}
    lazy = pages.lazy_page("m2", "Mood 2", "mood", "", "mindspace.ui.mood_screen", "MoodScreen")
    widget = lazy.factory(open_services, None)
    qtbot.addWidget(widget)
    assert type(widget).__name__ == "MoodScreen"
    tasks_done()


def test_print_button_prints_the_recovery_code(qtbot, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from mindspace.ui.create_vault_screen import RecoveryCodePanel

    pdf = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:  # the user picks "print to file" and OK
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(pdf))
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    panel = RecoveryCodePanel()
    qtbot.addWidget(panel)
    panel.set_code("ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567")
    panel.print_button.click()
    assert pdf.read_bytes().startswith(b"%PDF")
    assert panel.status.text() == "Sent to the printer."


def test_lock_listeners_do_not_pile_up_over_unlocks(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, tasks_done
) -> None:
    """Each unlock builds new screens; locking tears them down and their listeners go too."""
    shell = make_shell()
    shell.start()
    counts = []
    for _ in range(3):
        shell.window.passphrase_edit.setText(PASSPHRASE)
        shell.window.attempt_unlock()
        qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)
        shell.main_window.show_page("journal")
        tasks_done()
        counts.append(new_services.lock_listener_count)
        shell.lock("manual")
        qtbot.waitUntil(lambda: shell.state == "locked", timeout=20_000)
        tasks_done()
    assert counts[0] >= 2  # the shell's own listener, the crisis panel, ...
    assert counts == [counts[0]] * 3


def test_background_check_after_unlock_reports_damage(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, tasks_done
) -> None:
    """Damage in a part nobody opens (an audio blob) is found after unlock and shown."""
    from PySide6.QtWidgets import QMessageBox

    new_services.unlock(PASSPHRASE)
    blob_id = new_services.blobs.put(b"\x01\x02" * 40_000, "audio/wav")
    new_services.lock()
    path = new_services.data_dir / "blobs" / f"{blob_id}.blob"
    data = bytearray(path.read_bytes())
    data[3000] ^= 0xFF
    path.write_bytes(bytes(data))
    shell = make_shell()
    shell.start()
    shell.window.passphrase_edit.setText(PASSPHRASE)
    shell.window.attempt_unlock()
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)
    window = shell.main_window
    qtbot.waitUntil(lambda: isinstance(window.dialog, QMessageBox), timeout=30_000)
    assert "damaged" in window.dialog.windowTitle()
    assert "backup" in window.dialog.text() and "audio" in window.dialog.detailedText()
    tasks_done()


def test_background_check_is_quiet_on_a_whole_vault_and_not_repeated(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, tasks_done
) -> None:
    from mindspace.app.vault_check import LAST_CHECK_KEY, check_due

    shell = make_shell()
    shell.start()
    shell.window.passphrase_edit.setText(PASSPHRASE)
    shell.window.attempt_unlock()
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)
    qtbot.waitUntil(lambda: new_services.settings.get(LAST_CHECK_KEY) is not None, timeout=30_000)
    tasks_done()
    assert shell.main_window.dialog is None
    assert new_services.settings.get(LAST_CHECK_KEY)["ok"] is True
    assert not check_due(new_services)


def test_gui_offers_a_way_out_of_a_vault_without_its_key_file(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, tasks_done
) -> None:
    from mindspace.ui.create_vault_screen import CreateVaultScreen

    (new_services.data_dir / "keyfile.json").unlink()
    shell = make_shell()
    shell.start()
    screen = shell.window
    assert isinstance(screen, CreateVaultScreen)
    asked: list[str] = []

    def decline(text: str) -> bool:
        asked.append(text)
        return False

    screen.confirm = decline
    screen.form.passphrase_edit.setText(PASSPHRASE)
    screen.form.confirm_edit.setText(PASSPHRASE)
    screen.create_vault()
    assert asked and "key file is missing" in asked[0]
    assert not new_services.vault_exists()  # declined: nothing was touched
    assert (new_services.data_dir / "vault.db").exists()
    screen.confirm = lambda _text: True
    screen.create_vault()
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.code_panel, timeout=20_000)
    tasks_done()
    assert new_services.vault_exists() and new_services.is_unlocked
    assert list(new_services.data_dir.glob("vault.db.orphaned-*"))  # kept aside, not deleted
