"""Switching theme in the running app: the window takes the sheet, not the application, the
visible page changes at once and hidden pages follow a page per turn of the event loop."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMessageBox

from mindspace.app import AppServices
from mindspace.ui import style
from mindspace.ui.themes import apply_theme
from tests.conftest import PASSPHRASE


def _unlocked(qtbot, make_shell):  # type: ignore[no-untyped-def]
    shell = make_shell()
    shell.start()
    shell.window.passphrase_edit.setText(PASSPHRASE)
    shell.window.attempt_unlock()
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)
    return shell


def _field_colour(edit: QLineEdit) -> str:
    image = edit.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2).name()


def test_theme_switch_restyles_visible_page_now_and_hidden_pages_later(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, tasks_done
) -> None:
    shell = _unlocked(qtbot, make_shell)
    window = shell.main_window
    apply_theme(shell.app, "light", 1.0)
    journal = window.show_page("journal")
    window.show_page("mood")
    window.show_page("today")
    tasks_done()
    assert shell.app.styleSheet() == ""
    assert window.styleSheet()

    apply_theme(shell.app, "dark", 1.0)
    dark = style.colours_for("dark")
    assert window.restyle_pending()  # the built hidden pages wait for their turn
    qtbot.waitUntil(lambda: not window.restyle_pending(), timeout=5_000)
    edit = journal.findChild(QLineEdit)
    assert edit is not None
    window.show_page("journal")
    assert _field_colour(edit) == dark.surface

    # asking for a page while others still wait brings every page back at once
    apply_theme(shell.app, "light", 1.0)
    assert window.restyle_pending()
    window.show_page("journal")
    assert not window.restyle_pending()
    assert window.stack.currentWidget().isAncestorOf(journal)
    assert _field_colour(edit) == style.colours_for("light").surface


def test_dialogs_take_the_sheet_from_their_window(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, tasks_done
) -> None:
    shell = _unlocked(qtbot, make_shell)
    apply_theme(shell.app, "dark", 1.0)
    box = QMessageBox(shell.main_window)
    box.setText("A question")
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    assert image.pixelColor(2, 2).name() == style.colours_for("dark").window
    box.close()
