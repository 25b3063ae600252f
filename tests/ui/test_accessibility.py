"""Every screen: interactive controls have accessible names, Tab reaches them, shortcuts exist."""
# mypy: disable-error-code="union-attr, arg-type, var-annotated, func-returns-value"

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.ui.change_passphrase_dialog import ChangePassphraseDialog
from mindspace.ui.create_vault_screen import CreateVaultScreen
from mindspace.ui.main_window import MainWindow
from mindspace.ui.mood_widgets import VocabularyDialog
from mindspace.ui.pages import all_pages
from mindspace.ui.preferences_dialog import PreferencesDialog
from mindspace.ui.unlock_screen import UnlockScreen

pytestmark = pytest.mark.gui

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSlider,
    QTabBar,
)


def _is_internal(widget: QWidget, window: QWidget) -> bool:
    """Parts Qt builds inside a control (spin-box editors, headers, scroll bars, clear buttons)."""
    if isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, INTERACTIVE):
            return True
        parent = parent.parentWidget()
    return False


def interactive_controls(window: QWidget) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and w.isVisibleTo(window) and not _is_internal(w, window)
    ]


def focusable_widgets(window: QWidget) -> list[QWidget]:
    """Everything else Tab can stop on (a scroll area, a custom widget): a screen reader names
    it when it gets the focus."""
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window)
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not _is_internal(w, window)
    ]


def assert_all_named(window: QWidget, where: str) -> list[QWidget]:
    controls = interactive_controls(window)
    assert controls, f"{where}: no interactive controls found"
    nameless = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in dict.fromkeys([*controls, *focusable_widgets(window)])
        if not w.accessibleName()
    ]
    assert not nameless, f"{where}: controls without an accessible name: {nameless}"
    return controls


def tab_cycle(qtbot, window: QWidget) -> list[QWidget]:
    """Press Tab from the first focusable control until focus comes back round."""
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    focusables = [
        w
        for w in interactive_controls(window)
        if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    start = focusables[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(len(window.findChildren(QWidget)) + 5):
        current = QApplication.focusWidget()
        if current is None:
            break
        if seen and current is seen[0]:
            break
        if current not in seen:
            seen.append(current)
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
    return seen


def assert_tab_reaches_all(qtbot, window: QWidget, where: str) -> list[QWidget]:
    order = tab_cycle(qtbot, window)
    expected = [
        w
        for w in interactive_controls(window)
        if w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    missing = [w.accessibleName() or type(w).__name__ for w in expected if w not in order]
    assert not missing, f"{where}: Tab never reaches {missing}"
    return order


def test_create_vault_screen(qtbot, new_services: AppServices) -> None:
    screen = CreateVaultScreen(new_services)
    qtbot.addWidget(screen)
    screen.show()
    assert_all_named(screen, "create vault")
    order = assert_tab_reaches_all(qtbot, screen, "create vault")
    form = screen.form
    assert order.index(form.passphrase_edit) < order.index(form.confirm_edit)
    assert order.index(form.confirm_edit) < order.index(form.show_check)
    screen.code_panel.set_code("ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567")
    screen.pages.setCurrentWidget(screen.code_panel)
    assert_all_named(screen, "recovery code")
    panel = screen.code_panel
    panel.written_check.setChecked(True)
    order = assert_tab_reaches_all(qtbot, screen, "recovery code")
    assert order.index(panel.copy_button) < order.index(panel.written_check)
    assert order.index(panel.written_check) < order.index(panel.continue_button)


def test_unlock_screen(qtbot, new_services: AppServices, recovery_code: str) -> None:
    screen = UnlockScreen(new_services)
    qtbot.addWidget(screen)
    screen.show()
    assert_all_named(screen, "unlock")
    order = assert_tab_reaches_all(qtbot, screen, "unlock")
    assert order.index(screen.passphrase_edit) < order.index(screen.unlock_button)
    screen.set_recovery_mode(True)
    assert_all_named(screen, "unlock with recovery code")
    assert_tab_reaches_all(qtbot, screen, "unlock with recovery code")


def test_main_window_every_page_and_dialog(qtbot, open_services: AppServices, tasks_done) -> None:
    window = MainWindow(open_services)
    qtbot.addWidget(window)
    window.show()
    assert [s.key for s in window.specs] == [s.key for s in all_pages()]
    for spec in window.specs:
        page = window.show_page(spec.key)
        assert page is not None
        tasks_done()
        assert_all_named(window, f"page {spec.title}")
        assert_tab_reaches_all(qtbot, window, f"page {spec.title}")
    journal = window.show_page("journal")
    journal.view.preview_button.setChecked(True)
    assert_all_named(window, "journal preview")
    journal.view.preview_button.setChecked(False)

    # the main shortcuts exist and act
    shortcuts = {
        name: window.actions_by_name[name].shortcut()
        for name in ("lock", "new_entry", "search", "checkin", "preferences", "quit")
    }
    assert shortcuts == {
        "lock": QKeySequence("Ctrl+L"),
        "new_entry": QKeySequence("Ctrl+N"),
        "search": QKeySequence("Ctrl+F"),
        "checkin": QKeySequence("Ctrl+M"),
        "preferences": QKeySequence("Ctrl+,"),
        "quit": QKeySequence("Ctrl+Q"),
    }
    for spec in window.specs:
        assert window.actions_by_name[f"page:{spec.key}"].shortcut() == QKeySequence(spec.shortcut)
    window.activateWindow()
    with qtbot.waitSignal(window.lock_requested, timeout=2_000):
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "mood"
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "journal"
    assert QApplication.focusWidget() is journal.view.search_edit

    # dialogs
    window.open_preferences()
    prefs = window.dialog
    assert isinstance(prefs, PreferencesDialog)
    assert_all_named(prefs, "preferences")
    assert_tab_reaches_all(qtbot, prefs, "preferences")
    prefs.reject()
    window.open_change_passphrase()
    change = window.dialog
    assert isinstance(change, ChangePassphraseDialog)
    assert_all_named(change, "change passphrase")
    assert_tab_reaches_all(qtbot, change, "change passphrase")
    change.code_panel.set_code("ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567")
    change.pages.setCurrentWidget(change.code_panel)
    assert_all_named(change, "change passphrase: new code")
    change.done(0)
    window.open_change_passphrase(recovery_code="ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567")
    reset = window.dialog
    assert_all_named(reset, "new passphrase after recovery")
    assert not reset.current_edit.isVisibleTo(reset)
    reset.done(0)
    window.show_about()
    assert_all_named(window.dialog, "about")
    window.dialog.done(0)
    mood = window.show_page("mood")
    mood.edit_vocabulary()
    vocab = mood.vocabulary_dialog
    assert isinstance(vocab, VocabularyDialog)
    assert_all_named(vocab, "vocabulary")
    assert_tab_reaches_all(qtbot, vocab, "vocabulary")
    vocab.reject()
    window.clear_all()
    tasks_done()
