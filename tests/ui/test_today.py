"""The Today page and the first-run tour, driving real widgets over a real SQLCipher vault."""
# mypy: disable-error-code="union-attr, arg-type, var-annotated, func-returns-value"

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from mindspace.app import AppServices
from mindspace.app.today import SUGGESTIONS, greeting
from mindspace.ui.create_vault_screen import CreateVaultScreen
from mindspace.ui.journal_screen import JournalScreen
from mindspace.ui.main_window import MainWindow
from mindspace.ui.today_screen import NO_ENTRIES, NO_QUESTIONNAIRES, TodayScreen
from mindspace.ui.tour import STEPS, TOUR_KEY, TourDialog
from mindspace.ui.unlock_screen import UnlockScreen
from tests.conftest import PASSPHRASE
from tests.ui.test_accessibility import assert_all_named, assert_tab_reaches_all

pytestmark = pytest.mark.gui


def _today(qtbot, services: AppServices) -> TodayScreen:
    screen = TodayScreen(services)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.summary is not None, timeout=10_000)
    return screen


def test_new_vault_shows_greeting_and_empty_states(
    qtbot, open_services: AppServices, tasks_done, screenshot
) -> None:
    screen = _today(qtbot, open_services)
    tasks_done()
    assert screen.greeting_label.text() == greeting(datetime.now()) + "."
    assert screen.recent_empty.text() == NO_ENTRIES
    assert screen.recent_empty.isVisibleTo(screen)
    assert not screen.recent_list.isVisibleTo(screen)
    assert "that is fine" in screen.streak_label.text()
    assert screen.suggestion_label.text() in SUGGESTIONS
    assert screen.questionnaire_label.text() == NO_QUESTIONNAIRES
    assert [screen.mood_buttons[v].text() for v in range(1, 6)] == [
        "&1 Awful", "&2 Bad", "&3 Okay", "&4 Good", "&5 Great"
    ]
    assert screen.talk_button.isEnabled()
    assert screen.write_button.isEnabled() and screen.voice_button.isEnabled()
    assert_all_named(screen, "today")
    assert_tab_reaches_all(qtbot, screen, "today")
    screenshot(screen, "today-empty")


def test_one_tap_saves_a_checkin_and_updates_the_days(
    qtbot, open_services: AppServices, tasks_done, screenshot
) -> None:
    screen = _today(qtbot, open_services)
    assert open_services.mood.list() == []
    with qtbot.waitSignal(screen.summary_shown, timeout=10_000):
        qtbot.mouseClick(screen.mood_buttons[4], Qt.MouseButton.LeftButton)
    [checkin] = open_services.mood.list()
    assert checkin.mood == 4 and checkin.checkin_at.date() == datetime.now().date()
    assert screen.checkin_status.text().startswith("Saved: Good (4/5) at ")
    assert screen.streak_label.text() == (
        "You have checked in on 1 of the last 7 days. Today is already noted."
    )
    screenshot(screen, "today-checked-in")

    # a second tap, by keyboard, is a second check-in; a day earlier counts as another day
    open_services.mood.add(2, checkin_at=datetime.now() - timedelta(days=3))
    screen.mood_buttons[2].setFocus()
    with qtbot.waitSignal(screen.summary_shown, timeout=10_000):
        QTest.keyClick(screen.mood_buttons[2], Qt.Key.Key_Space)
    assert sorted(c.mood for c in open_services.mood.list()) == [2, 2, 4]
    assert screen.streak_label.text().startswith("You have checked in on 2 of the last 7 days.")
    tasks_done()


def test_checkin_on_a_locked_vault_says_it_was_not_saved(
    qtbot, open_services: AppServices, tasks_done
) -> None:
    screen = _today(qtbot, open_services)
    tasks_done()
    open_services.lock()
    qtbot.mouseClick(screen.mood_buttons[3], Qt.MouseButton.LeftButton)
    assert not screen.mood_buttons[3].isEnabled()  # no double saves while one is running
    qtbot.waitUntil(lambda: "not saved" in screen.checkin_status.text(), timeout=10_000)
    assert "locked" in screen.checkin_status.text().lower()
    assert all(b.isEnabled() for b in screen.mood_buttons.values())
    screen.clear()
    assert screen.streak_label.text() == "" and screen.recent_list.count() == 0


def test_recent_entries_open_in_the_journal(
    qtbot, open_services: AppServices, tasks_done, screenshot
) -> None:
    now = datetime.now().replace(second=0, microsecond=0)
    for i, title in enumerate(("Oldest", "Third", "Second", "Newest")):
        open_services.journal.add(title, f"words {i}", entry_at=now - timedelta(days=4 - i))
    window = MainWindow(open_services)
    qtbot.addWidget(window)
    window.show()
    assert window.current_page_key() == "today"  # the first page after unlocking
    assert window.actions_by_name["page:today"].shortcut() == QKeySequence("Ctrl+0")
    today = window.built_pages()["today"]
    assert isinstance(today, TodayScreen)
    qtbot.waitUntil(lambda: today.recent_list.count() == 3, timeout=10_000)
    tasks_done()
    items = [today.recent_list.item(i).text() for i in range(3)]
    assert [t.split(" · ")[0] for t in items] == ["Newest", "Second", "Third"]
    assert items[0].endswith(f"{now - timedelta(days=1):%a %d %b}")
    assert not today.recent_empty.isVisibleTo(today)
    assert today.streak_label.text().startswith("You have checked in on 4 of the last 7 days.")
    screenshot(window, "today-with-entries")

    qtbot.mouseClick(
        today.recent_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=today.recent_list.visualItemRect(today.recent_list.item(1)).center(),
    )
    assert window.current_page_key() == "journal"
    journal = window.built_pages()["journal"]
    assert isinstance(journal, JournalScreen)
    qtbot.waitUntil(lambda: journal.view.title_edit.text() == "Second", timeout=10_000)
    tasks_done()
    assert journal.view.entry_list.currentItem().text(0).endswith("Second")

    # back to Today, then into the journal on a new entry, and into the voice check-in
    window.actions_by_name["page:today"].trigger()
    assert window.current_page_key() == "today"
    today.write_button.click()
    assert window.current_page_key() == "journal"
    assert journal.view.title_edit.text() == "" and journal.view.editor_heading.text() == (
        "New entry"
    )
    # an unsaved draft is never replaced by opening an entry from Today
    journal.view.title_edit.setText("Half a thought")
    window.show_page("today")
    today.open_entry(open_services.journal.list()[0].id)
    assert window.current_page_key() == "journal"
    tasks_done()
    assert journal.view.title_edit.text() == "Half a thought"
    assert "unsaved entry" in window.statusBar().currentMessage()
    journal.view.title_edit.clear()
    journal.new_entry()
    window.show_page("today")
    today.voice_button.click()
    assert window.current_page_key() == "voice"
    tasks_done()


# ---- the first-run tour -------------------------------------------------------------------
def _visible_tour(window: QWidget | None) -> TourDialog | None:
    if window is None:
        return None
    return next((d for d in window.findChildren(TourDialog) if d.isVisible()), None)


def _create_vault_via_gui(qtbot, shell) -> None:
    shell.start()
    create = shell.window
    assert isinstance(create, CreateVaultScreen)
    qtbot.keyClicks(create.form.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(create.form.confirm_edit, PASSPHRASE)
    create.form.assess_now()
    qtbot.mouseClick(create.create_button, Qt.MouseButton.LeftButton)
    panel = create.code_panel
    qtbot.waitUntil(lambda: create.pages.currentWidget() is panel, timeout=20_000)
    panel.written_check.setChecked(True)
    qtbot.mouseClick(panel.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=5_000)


def _lock_and_unlock(qtbot, shell, tasks_done) -> None:
    shell.main_window.actions_by_name["lock"].trigger()
    tasks_done()
    screen = shell.window
    assert isinstance(screen, UnlockScreen)
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=20_000)
    qtbot.keyClicks(screen.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)
    tasks_done()


def test_tour_after_creating_a_vault_is_stepped_skipped_and_not_shown_again(
    qtbot, make_shell, new_services: AppServices, tasks_done, screenshot
) -> None:
    shell = make_shell()
    _create_vault_via_gui(qtbot, shell)
    window = shell.main_window
    assert window.current_page_key() == "today"
    qtbot.waitUntil(lambda: _visible_tour(window) is not None, timeout=20_000)
    tour = _visible_tour(window)
    assert not tour.isModal()
    assert tour.step_label.text() == "Step 1 of 3"
    assert tour.title_label.text() == "Write or speak"
    assert "encrypted" in tour.text_label.text() and "this computer" in tour.text_label.text()
    assert not tour.back_button.isEnabled()
    assert_all_named(tour, "tour")
    assert_tab_reaches_all(qtbot, tour, "tour")
    screenshot(tour, "tour-step-1")

    # Enter goes on (Next is the default button), Back goes back
    tour.next_button.setFocus()
    QTest.keyClick(tour.next_button, Qt.Key.Key_Return)
    assert (tour.step_label.text(), tour.title_label.text()) == ("Step 2 of 3", "See what helps")
    assert "Insights" in tour.text_label.text()
    qtbot.mouseClick(tour.back_button, Qt.MouseButton.LeftButton)
    assert tour.title_label.text() == "Write or speak"
    tour.next()
    tour.next()
    assert (tour.step_label.text(), tour.title_label.text()) == (
        "Step 3 of 3", "Help when it is hard"
    )
    assert "safety plan" in tour.text_label.text() and "crisis lines" in tour.text_label.text()
    assert tour.next_button.text() == "&Finish"
    assert tour.next_button.accessibleName() == "Finish the tour"
    screenshot(tour, "tour-step-3")
    assert new_services.settings.get(TOUR_KEY) is False  # not seen yet

    with qtbot.waitSignal(tour.tour_closed, timeout=5_000) as closed:
        qtbot.mouseClick(tour.skip_button, Qt.MouseButton.LeftButton)
    assert closed.args == [False]
    assert _visible_tour(window) is None
    tasks_done()
    assert new_services.settings.get(TOUR_KEY) is True

    _lock_and_unlock(qtbot, shell, tasks_done)
    assert shell.main_window.current_page_key() == "today"
    assert _visible_tour(shell.main_window) is None


def test_tour_left_open_comes_back_and_escape_or_finish_ends_it(
    qtbot, make_shell, new_services: AppServices, tasks_done
) -> None:
    shell = make_shell()
    _create_vault_via_gui(qtbot, shell)
    qtbot.waitUntil(lambda: _visible_tour(shell.main_window) is not None, timeout=20_000)
    tasks_done()

    # locking with the tour open does not count as seeing it
    _lock_and_unlock(qtbot, shell, tasks_done)
    qtbot.waitUntil(lambda: _visible_tour(shell.main_window) is not None, timeout=20_000)
    tour = _visible_tour(shell.main_window)
    assert tour.step_label.text() == "Step 1 of 3"
    QTest.keyClick(tour.next_button, Qt.Key.Key_Escape)  # Escape skips
    assert _visible_tour(shell.main_window) is None
    tasks_done()
    assert new_services.settings.get(TOUR_KEY) is True

    # finishing by keyboard records it too
    new_services.settings.set(TOUR_KEY, False)
    _lock_and_unlock(qtbot, shell, tasks_done)
    qtbot.waitUntil(lambda: _visible_tour(shell.main_window) is not None, timeout=20_000)
    tour = _visible_tour(shell.main_window)
    with qtbot.waitSignal(tour.tour_closed, timeout=5_000) as closed:
        for _ in STEPS:
            QTest.keyClick(tour.next_button, Qt.Key.Key_Return)
    assert closed.args == [True]
    tasks_done()
    assert new_services.settings.get(TOUR_KEY) is True


def test_vault_made_before_the_tour_never_shows_it(
    qtbot, make_shell, new_services: AppServices, recovery_code: str, tasks_done
) -> None:
    shell = make_shell()
    shell.start()
    screen = shell.window
    assert isinstance(screen, UnlockScreen)
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=20_000)
    qtbot.keyClicks(screen.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.state == "unlocked", timeout=20_000)
    tasks_done()
    assert shell.main_window.current_page_key() == "today"
    assert _visible_tour(shell.main_window) is None
    assert new_services.settings.get(TOUR_KEY) is None
