"""Keyboard shortcuts: every key the main window owns does the same thing on every page."""
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from mindspace.app import AppServices
from mindspace.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _page_keys(page: QWidget) -> set[str]:
    """Every key sequence a page binds itself (shortcuts, button mnemonics aside, actions)."""
    keys = {s.key() for s in page.findChildren(QShortcut)}
    keys |= {b.shortcut() for b in page.findChildren(QAbstractButton)}
    keys |= {a.shortcut() for a in page.findChildren(QAction)}
    return {k.toString() for k in keys if not k.isEmpty() and "Alt+" not in k.toString()}


def test_no_page_binds_a_key_of_the_main_window(
    qtbot, open_services: AppServices, tasks_done
) -> None:
    window = MainWindow(open_services)
    qtbot.addWidget(window)
    window.show()
    owned = {a.shortcut().toString() for a in window.actions_by_name.values()} - {""}
    assert "Ctrl+N" in owned
    for spec in window.specs:
        page = window.show_page(spec.key)
        clash = _page_keys(page) & owned
        assert not clash, f"{spec.title} binds {clash}, which the main window owns"
    tasks_done()


def test_ctrl_n_opens_a_new_journal_entry_from_every_page(
    qtbot, open_services: AppServices, tasks_done
) -> None:
    window = MainWindow(open_services)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    journal = window.show_page("journal")
    for spec in window.specs:
        page = window.show_page(spec.key)
        tasks_done()
        journal.view.title_edit.setText("half-written")
        inside = next(
            (w for w in page.findChildren(QWidget)
             if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus),
            page,
        )
        inside.setFocus()
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N,
                       Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == "journal", f"Ctrl+N on {spec.title}"
        assert journal.view.title_edit.text() == "", f"Ctrl+N on {spec.title}"
        assert journal.view.editor_heading.text() == "New entry"
    assert QKeySequence("Ctrl+Shift+N").toString() in _page_keys(window.page("voice"))
    tasks_done()
