"""What a screen reader is told (saves, errors, corrections, the support panel) and the keys
people expect on the mood scale, the date fields, the support panel and the safety plan."""
# mypy: disable-error-code="union-attr, arg-type"

from __future__ import annotations

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QLabel, QWidget

from mindspace.app import AppServices
from mindspace.core.errors import ValidationError
from mindspace.ui import announce as spoken
from mindspace.ui.announce import Announcement, announce, forget, recent
from mindspace.ui.journal_screen import JournalScreen
from mindspace.ui.mood_screen import MoodScreen
from mindspace.ui.safety_plan_editor import SafetyPlanEditor

pytestmark = pytest.mark.gui
FLAGGED = "I want to kill myself tonight"


@pytest.fixture(autouse=True)
def _fresh_log() -> None:
    forget()


@pytest.fixture
def journal(qtbot, open_services: AppServices, tasks_done) -> JournalScreen:
    screen = JournalScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitExposed(screen)
    tasks_done()
    forget()
    return screen


@pytest.fixture
def mood(qtbot, open_services: AppServices, tasks_done) -> MoodScreen:
    screen = MoodScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitExposed(screen)
    tasks_done()
    forget()
    return screen


def _said() -> list[tuple[str, bool]]:
    return [(a.text, a.assertive) for a in recent()]


# ---- the helper -----------------------------------------------------------------------------
def test_announce_keeps_a_short_log_and_speaks_with_accessibility_on(qtbot, monkeypatch) -> None:
    label = QLabel("status")
    qtbot.addWidget(label)
    announce(label, "  Entry\n saved. ")
    announce(label, "")  # nothing to say: nothing sent
    assert recent() == [Announcement("Entry saved.", False, "announcement")]
    QAccessible.setActive(True)  # the real dispatch path, as with a screen reader running
    try:
        announce(label, "Something went wrong.", assertive=True)
    finally:
        QAccessible.setActive(False)
    assert recent()[-1] == Announcement("Something went wrong.", True, "announcement")
    for i in range(spoken.KEEP + 5):
        announce(label, f"n{i}")
    assert len(recent()) == spoken.KEEP and recent()[-1].text == f"n{spoken.KEEP + 4}"
    # a Qt without announcement events: an alert from the label, which now describes the text
    monkeypatch.setattr(spoken, "ANNOUNCEMENT_EVENT", None)
    announce(label, "Saved.")
    assert recent()[-1] == Announcement("Saved.", False, "alert")
    assert label.accessibleDescription() == "Saved."
    forget()
    assert recent() == []


# ---- journal --------------------------------------------------------------------------------
def test_journal_save_and_failed_save_are_announced(
    qtbot, journal: JournalScreen, open_services: AppServices, tasks_done
) -> None:
    journal.view.save_button.click()  # nothing written yet
    assert _said() == [("Write a title or some text first.", True)]
    journal.view.title_edit.setText("Morning")
    journal.view.body_edit.setPlainText("Coffee on the balcony.")
    with qtbot.waitSignal(journal.entry_saved, timeout=10_000):
        journal.view.save_button.click()
    assert ("Entry saved.", False) in _said()
    tasks_done()
    forget()
    journal.new_entry()
    journal.view.title_edit.setText("x" * 301)  # core.validation: at most 300 characters
    journal.view.body_edit.setPlainText("text")
    journal.view.save_button.click()
    qtbot.waitUntil(lambda: journal.view.save_button.isEnabled(), timeout=10_000)
    message = journal.view.status.text()
    assert "too long" in message and "300" in message
    assert _said() == [(message, True)]
    assert len(open_services.journal.list()) == 1


def test_flagged_save_announces_the_support_panel_once(
    qtbot, journal: JournalScreen, tasks_done
) -> None:
    journal.view.title_edit.setText("Tonight")
    journal.view.body_edit.setPlainText(FLAGGED)
    journal.view.save_button.click()
    panel = journal.crisis_panel
    assert panel.isVisible()
    first_line = panel.message.text().splitlines()[0]
    assert recent()[0] == Announcement(f"Support panel: {first_line}", True, "announcement")
    tasks_done()
    qtbot.waitUntil(lambda: journal.emotion_chips.isEnabled(), timeout=30_000)
    tasks_done()
    said = _said()
    assert ("Entry saved.", False) in said
    # the later model reading shows the same panel again: it is not said twice
    assert sum(text.startswith("Support panel:") for text, _ in said) == 1
    # Tab goes from the region list straight to Dismiss; Esc dismisses
    panel.region_box.setFocus()
    QTest.keyClick(panel.region_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.dismiss_button
    QTest.keyClick(panel.dismiss_button, Qt.Key.Key_Escape)
    assert panel.isHidden()


def test_label_correction_is_shown_and_announced(
    qtbot, journal: JournalScreen, open_services: AppServices, monkeypatch, tasks_done
) -> None:
    journal.view.title_edit.setText("Park")
    journal.view.body_edit.setPlainText("I am so happy, the sun was out all day.")
    journal.view.save_button.click()
    chips = journal.emotion_chips
    qtbot.waitUntil(chips.isEnabled, timeout=30_000)
    tasks_done()
    assert chips.feedback.text() == ""
    forget()
    with qtbot.waitSignal(chips.correction_saved, timeout=10_000):
        chips.label_actions["sadness"].setChecked(True)
    assert chips.feedback.text() == "Saved" and chips.feedback.isVisible()
    assert _said() == [("Correction saved: sadness fits.", False)]
    with qtbot.waitSignal(chips.correction_saved, timeout=10_000):
        chips.label_actions["joy"].setChecked(False)
    assert _said()[-1] == ("Correction saved: joy does not fit.", False)

    def refuse(*_args: object) -> None:
        raise ValidationError("this label cannot be stored")

    monkeypatch.setattr(open_services.analyses, "set_correction", refuse)
    with qtbot.waitSignal(chips.correction_failed, timeout=10_000):
        chips.label_actions["fear"].setChecked(True)
    assert "cannot be stored" in chips.feedback.text()
    assert _said()[-1] == (chips.feedback.text(), True)
    journal.new_entry()  # another entry: the old feedback goes
    assert chips.feedback.text() == ""


# ---- mood -----------------------------------------------------------------------------------
def test_mood_save_and_errors_are_announced(qtbot, mood: MoodScreen, tasks_done) -> None:
    mood.save_button.click()
    assert _said() == [("Choose how you feel (1 to 5) first.", True)]
    assert QApplication.focusWidget() is mood.mood_buttons[3]
    QTest.keyClick(mood.mood_buttons[3], Qt.Key.Key_2)
    with qtbot.waitSignal(mood.checkin_saved, timeout=10_000):
        mood.save_button.click()
    word = mood.mood_buttons[2].text().split(" ", 1)[1]
    assert _said()[-1] == (f"Check-in saved: {word}.", False)
    tasks_done()
    mood.mood_buttons[4].click()
    mood.note_edit.setText(FLAGGED)
    forget()
    mood.save_button.click()
    assert recent()[0].assertive and recent()[0].text.startswith("Support panel: ")
    tasks_done()


def test_mood_buttons_answer_arrows_enter_space_and_digits(mood: MoodScreen) -> None:
    buttons = mood.mood_buttons
    mood.start_checkin()  # focus on the middle of the scale, nothing chosen yet
    assert QApplication.focusWidget() is buttons[3] and mood.selected_mood() is None
    QTest.keyClick(buttons[3], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is buttons[4] and mood.selected_mood() is None
    QTest.keyClick(buttons[4], Qt.Key.Key_Return)
    assert mood.selected_mood() == 4
    QTest.keyClick(buttons[4], Qt.Key.Key_Left)  # once chosen, arrows move the choice
    assert QApplication.focusWidget() is buttons[3] and mood.selected_mood() == 3
    QTest.keyClick(buttons[3], Qt.Key.Key_1)
    assert QApplication.focusWidget() is buttons[1] and mood.selected_mood() == 1
    QTest.keyClick(buttons[1], Qt.Key.Key_5, Qt.KeyboardModifier.KeypadModifier)
    assert QApplication.focusWidget() is buttons[5] and mood.selected_mood() == 5
    QTest.keyClick(buttons[5], Qt.Key.Key_9)  # not on the scale: nothing changes
    assert mood.selected_mood() == 5
    QTest.keyClick(buttons[5], Qt.Key.Key_Left)
    QTest.keyClick(buttons[4], Qt.Key.Key_Left)
    assert mood.selected_mood() == 3
    QTest.keyClick(buttons[3], Qt.Key.Key_Enter)  # Enter on the chosen one keeps it
    assert mood.selected_mood() == 3
    mood.new_checkin()
    buttons[2].setFocus()
    QTest.keyClick(buttons[2], Qt.Key.Key_Space)
    assert mood.selected_mood() == 2
    # Enter on the mood scale chooses; it never saves the check-in
    assert mood.status.text() == "" and mood._current_id is None


# ---- dates ----------------------------------------------------------------------------------
def _date_keys(qtbot, edit: QDateTimeEdit) -> None:
    edit.setDateTime(QDateTime.currentDateTime())
    edit.window().activateWindow()
    qtbot.waitUntil(edit.window().isActiveWindow, timeout=2_000)
    edit.setFocus(Qt.FocusReason.TabFocusReason)  # as when tabbing in: the year is selected
    QApplication.processEvents()
    qtbot.keyClicks(edit, "2024-03-05 09:30")
    assert edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2024-03-05 09:30"
    edit.clearFocus()
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(edit, "2023-1-7 8:05")  # short sections end at their separator
    assert edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2023-01-07 08:05"
    calendar = edit.calendarWidget()
    assert not calendar.isVisible()
    QTest.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(calendar.isVisible, timeout=2_000)
    focus = QApplication.focusWidget()
    assert focus is not None and calendar.isAncestorOf(focus)
    QTest.keyClick(focus, Qt.Key.Key_Right)  # the next day
    QTest.keyClick(focus, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=2_000)
    assert edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2023-01-08 08:05"
    QTest.keyClick(edit, Qt.Key.Key_F4)
    qtbot.waitUntil(calendar.isVisible, timeout=2_000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=2_000)
    assert edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2023-01-08 08:05"


def test_date_fields_open_their_calendar_and_take_typed_dates(
    qtbot, journal: JournalScreen, mood: MoodScreen
) -> None:
    _date_keys(qtbot, journal.view.date_edit)
    _date_keys(qtbot, mood.when_edit)


# ---- safety plan ----------------------------------------------------------------------------
def test_safety_plan_names_and_reading_order(qtbot, open_services: AppServices, qtlog,
                                             tasks_done) -> None:
    editor = SafetyPlanEditor(open_services)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitExposed(editor)
    tasks_done()
    assert not [m.message for m in qtlog.records if "setTabOrder" in m.message]
    focusable = [
        w for w in editor.findChildren(QWidget)
        if w.isVisibleTo(editor) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not w.objectName().startswith("qt_")
    ]
    assert [w for w in focusable if not w.accessibleName()] == []
    reading = [*editor.editors.values(), editor.save_button]
    assert set(reading) <= set(focusable)
    # Tab from the first field visits every field in reading order, then Save
    reading[0].setFocus()
    visited = [QApplication.focusWidget()]
    for _ in reading[1:]:
        QTest.keyClick(visited[-1], Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == reading
    # and the chain itself holds that order (nothing focusable in between)
    chain, widget = [], reading[0].nextInFocusChain()
    while widget is not reading[-1] and len(chain) < 100:
        if widget in focusable:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == reading[1:-1]
    # saving says so; a refused save says why
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save_button.click()
    assert _said()[-1] == ("Safety plan saved.", False)
    editor.editors["coping_strategies"].setPlainText("x" * 600)
    editor.save_button.click()
    tasks_done()
    assert _said()[-1] == (editor.status.text(), True) and "500" in editor.status.text()
