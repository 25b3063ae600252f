"""Saving text in the journal or mood screen analyses it in the background: emotions appear for
the entry, and risky words open the calm crisis panel (non-blocking) with the region's lines."""
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mindspace.app import AppServices
from mindspace.ui.journal_screen import JournalScreen
from mindspace.ui.mood_screen import MoodScreen

pytestmark = pytest.mark.gui


def _write(qtbot, screen: JournalScreen, title: str, body: str) -> None:
    screen.new_entry()
    screen.view.title_edit.setText(title)
    screen.view.body_edit.setPlainText(body)
    qtbot.mouseClick(screen.view.save_button, Qt.MouseButton.LeftButton)


def test_journal_save_shows_emotions_and_crisis_panel(qtbot, open_services: AppServices,
                                                      tasks_done, screenshot) -> None:
    screen = JournalScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    tasks_done()
    with qtbot.waitSignal(screen.insights.analysed, timeout=60_000) as happy:
        _write(qtbot, screen, "Great day", "I am so happy today, we laughed all afternoon!")
    assert happy.args[2] == "none"
    assert screen.crisis_panel.isHidden()
    qtbot.waitUntil(lambda: screen.emotion_chips.isEnabled(), timeout=10_000)
    chip_names = [c.accessibleName() for c in screen.emotion_chips.chips]
    assert chip_names and chip_names[0].startswith("joy")
    stored = open_services.analyses.get("journal", screen._current_id)
    assert stored is not None and stored.model_id.startswith("text-emotion@")

    with qtbot.waitSignal(screen.insights.analysed, timeout=60_000) as risky:
        _write(qtbot, screen, "Tonight", "I can't go on. I have the pills ready and I want to "
               "end my life tonight.")
    assert risky.args[2] == "urgent"
    assert screen.crisis_panel.isVisible()
    assert screen.view.body_edit.isEnabled()  # non-blocking: writing can go on
    screenshot(screen, "journal-crisis-panel")
    screen.crisis_panel.dismiss()
    assert screen.crisis_panel.isHidden()


def test_idiom_does_not_open_the_panel(qtbot, open_services: AppServices, tasks_done) -> None:
    screen = JournalScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    tasks_done()
    with qtbot.waitSignal(screen.insights.analysed, timeout=60_000) as blocker:
        _write(qtbot, screen, "Commute", "This traffic is killing me. I'd die for a pizza.")
    assert blocker.args[2] == "none"
    assert screen.crisis_panel.isHidden()


def test_mood_note_is_analysed(qtbot, open_services: AppServices, tasks_done) -> None:
    screen = MoodScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    tasks_done()
    screen.mood_buttons[1].setChecked(True)
    screen.note_edit.setText("everyone would be better off without me")
    with qtbot.waitSignal(screen.insights.analysed, timeout=60_000) as blocker:
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == "mood" and blocker.args[2] in ("concern", "urgent")
    assert screen.crisis_panel.isVisible()


def test_unlock_brings_analyses_up_to_date(qtbot, make_shell, open_services: AppServices,
                                           tasks_done) -> None:
    """Entries written elsewhere (here: straight through the repository, like the CLI) are
    analysed in the background after the next unlock."""
    from tests.ui.test_shell_story import _unlock_via_gui

    services = open_services
    entry = services.journal.add("From the command line", "We laughed so much, a lovely day.")
    assert services.analyses.get("journal", entry.id) is None
    services.lock()
    shell = make_shell()
    shell.start()
    _unlock_via_gui(qtbot, shell)
    qtbot.waitUntil(lambda: services.analyses.get("journal", entry.id) is not None,
                    timeout=60_000)
    tasks_done()
    assert services.analyses.get("journal", entry.id).emotions["joy"] > 0.5
