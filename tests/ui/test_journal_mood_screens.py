"""Journal and mood screens standalone: edit, delete, filter, validation messages, vocabularies."""
# mypy: disable-error-code="union-attr, arg-type, var-annotated, func-returns-value"

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt

from mindspace.app import AppServices
from mindspace.ui.journal_screen import JournalScreen
from mindspace.ui.mood_screen import MoodScreen

pytestmark = pytest.mark.gui


@pytest.fixture
def journal(qtbot, open_services: AppServices, tasks_done) -> JournalScreen:
    journal = open_services.journal
    base = datetime(2024, 3, 10, 8, 0)
    journal.add("Garden", "Planted tomatoes and basil.", base, ["outdoors"])
    journal.add("Work", "Long meeting about budgets.", base + timedelta(hours=3), ["work"])
    yesterday = base - timedelta(days=1)
    journal.add("Park run", "5 km in the rain, outdoors again.", yesterday, ["outdoors"])
    screen = JournalScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    tasks_done()
    return screen


def _entry_titles(screen: JournalScreen) -> list[str]:
    tree = screen.view.entry_list
    titles = []
    for i in range(tree.topLevelItemCount()):
        day = tree.topLevelItem(i)
        titles.extend(day.child(j).text(0).split(" ", 1)[1] for j in range(day.childCount()))
    return titles


def test_list_grouped_by_day_and_tag_filter(journal: JournalScreen, tasks_done) -> None:
    tree = journal.view.entry_list
    assert tree.topLevelItemCount() == 2
    assert [tree.topLevelItem(i).childCount() for i in range(2)] == [2, 1]
    combo = journal.view.tag_filter
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All tags",
        "outdoors (2)",
        "work (1)",
    ]
    combo.setCurrentIndex(combo.findData("outdoors"))
    tasks_done()
    assert _entry_titles(journal) == ["Garden - tags: outdoors", "Park run - tags: outdoors"]
    # search respects the tag filter
    journal.view.search_edit.setText("outdoors")
    journal.run_search()
    tasks_done()
    assert tree.topLevelItemCount() == 1 and "Park run" in tree.topLevelItem(0).text(0)
    journal.view.search_edit.setText("nothing-like-this")
    journal.run_search()
    tasks_done()
    assert tree.topLevelItemCount() == 0
    assert journal.view.list_caption.text() == "No entries match this search."


def test_edit_and_delete_with_confirmation(
    qtbot, journal: JournalScreen, open_services: AppServices, tasks_done
) -> None:
    v = journal.view
    garden = v.entry_list.topLevelItem(0).child(1)
    v.entry_list.setCurrentItem(garden)
    assert v.title_edit.text() == "Garden" and v.delete_button.isEnabled()
    v.title_edit.setText("Garden, day one")
    v.date_edit.setDateTime(QDateTime(datetime(2024, 3, 1, 7, 30)))  # back-date it
    v.tags_edit.setText("outdoors, plants")
    with qtbot.waitSignal(journal.entry_saved, timeout=10_000):
        v.save_button.click()
    tasks_done()
    entry = next(e for e in open_services.journal.list() if e.title == "Garden, day one")
    assert entry.entry_at == datetime(2024, 3, 1, 7, 30) and entry.tags == ["outdoors", "plants"]
    assert open_services.journal.count() == 3

    asked = []
    journal.confirm = lambda title, text: asked.append(text) or False  # "No"
    v.delete_button.click()
    tasks_done()
    assert asked and open_services.journal.count() == 3  # nothing deleted
    journal.confirm = lambda title, text: True
    with qtbot.waitSignal(journal.entry_deleted, timeout=10_000):
        v.delete_button.click()
    tasks_done()
    assert open_services.journal.count() == 2
    assert v.title_edit.text() == "" and "deleted" in v.status.text()


def test_bad_input_shows_message_and_keeps_data(
    qtbot, journal: JournalScreen, open_services: AppServices, tasks_done
) -> None:
    v = journal.view
    journal.new_entry()
    journal.save()
    assert v.status.text() == "Write a title or some text first."
    v.title_edit.setText("x" * 301)
    v.body_edit.setPlainText("body")
    journal.save()
    tasks_done()
    assert v.status.text() == "The title is too long (301 characters, at most 300)"
    assert open_services.journal.count() == 3
    assert v.save_button.isEnabled()


def test_mood_checkin_edit_delete_and_vocabulary(
    qtbot, open_services: AppServices, tasks_done
) -> None:
    screen = MoodScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    tasks_done()
    screen.save()
    assert screen.status.text() == "Choose how you feel (1 to 5) first."
    assert open_services.mood.list() == []

    screen.mood_buttons[2].click()
    screen.energy_buttons[2].click()
    screen.energy_buttons[2].click()  # energy is optional: a second click clears it
    screen.when_edit.setDateTime(QDateTime(datetime.now() - timedelta(days=2)))
    with qtbot.waitSignal(screen.checkin_saved, timeout=10_000):
        screen.save_button.click()
    tasks_done()
    stored = open_services.mood.list()[0]
    assert (stored.mood, stored.energy, stored.sleep_hours) == (2, None, None)
    assert screen.chart.data()[-3][1] == 2.0

    # edit it
    screen.history.setCurrentRow(0)
    assert screen.selected_mood() == 2 and screen.delete_button.isEnabled()
    screen.mood_buttons[5].click()
    with qtbot.waitSignal(screen.checkin_saved, timeout=10_000):
        screen.save_button.click()
    tasks_done()
    assert [c.mood for c in open_services.mood.list()] == [5]

    # vocabulary: add an activity through the dialog
    screen.edit_vocabulary()
    dialog = screen.vocabulary_dialog
    dialog.activities_edit.setPlainText(dialog.activities_edit.toPlainText() + "\nhiking")
    dialog.buttons.buttons()[0].click()
    tasks_done()
    assert "hiking" in open_services.mood.vocabulary("activity")
    assert "hiking" in screen.activities.words()
    screen.activities.findItems("hiking", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    screen.mood_buttons[3].click()
    with qtbot.waitSignal(screen.checkin_saved, timeout=10_000):
        screen.save_button.click()
    tasks_done()
    assert open_services.mood.list()[0].activities == ["hiking"]

    # delete with confirmation
    screen.history.setCurrentRow(0)
    screen.confirm = lambda title, text: True
    with qtbot.waitSignal(screen.checkin_deleted, timeout=10_000):
        screen.delete_button.click()
    tasks_done()
    assert len(open_services.mood.list()) == 1 and screen.history.count() == 1
    screen.clear()
    assert screen.history.count() == 0 and screen.chart.data() == []


def test_keeping_unsaved_changes_puts_the_list_back_on_the_open_entry(
    qtbot, journal: JournalScreen
) -> None:
    v = journal.view
    tree = v.entry_list
    garden, work = tree.topLevelItem(0).child(1), tree.topLevelItem(0).child(0)
    tree.setCurrentItem(garden)
    assert v.title_edit.text() == "Garden"
    v.body_edit.setPlainText("Planted tomatoes, basil and chives.")
    asked = []
    journal.confirm = lambda title, text: asked.append(text) or False  # "No": keep editing
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(work).center())
    assert asked
    qtbot.waitUntil(lambda: tree.currentItem() is garden)
    assert v.title_edit.text() == "Garden"
    assert v.body_edit.toPlainText() == "Planted tomatoes, basil and chives."
    assert tree.selectedItems() == [garden]
    # the click after that, answered "Yes", opens the other entry
    journal.confirm = lambda title, text: True
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(work).center())
    assert v.title_edit.text() == "Work" and tree.selectedItems() == [work]


def test_list_previews_show_markdown_as_plain_words(
    journal: JournalScreen, open_services: AppServices, tasks_done
) -> None:
    from mindspace.ui.widgets import HTML_ROLE

    open_services.journal.add("Marked", "# Big **day**\n- _walked_ to [town](https://x.org)",
                              datetime(2024, 3, 11, 9, 0))
    journal.refresh()
    tasks_done()
    item = journal.view.entry_list.topLevelItem(0).child(0)
    assert "Big day walked to town" in item.data(0, HTML_ROLE)
