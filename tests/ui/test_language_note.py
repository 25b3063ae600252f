"""A journal entry in another language than English: the strip names the language and says the
emotion and tone models read English only (no English-model reading of it); a Spanish crisis
text still opens the support panel; reopening the entry shows the same from the vault."""
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mindspace.app import AppServices
from mindspace.ui.journal_screen import JournalScreen

pytestmark = pytest.mark.gui


def _write(qtbot, screen: JournalScreen, title: str, body: str) -> None:
    screen.new_entry()
    screen.view.title_edit.setText(title)
    screen.view.body_edit.setPlainText(body)
    qtbot.mouseClick(screen.view.save_button, Qt.MouseButton.LeftButton)


def test_non_english_entry_shows_language_and_english_only_note(
        qtbot, open_services: AppServices, tasks_done) -> None:
    screen = JournalScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    tasks_done()
    with qtbot.waitSignal(screen.insights.analysed, timeout=60_000) as done:
        _write(qtbot, screen, "Domingo", "Hoy fue un buen día con mis amigos en el parque.")
    assert done.args[2] == "none"
    chips = screen.emotion_chips
    qtbot.waitUntil(lambda: chips.isEnabled(), timeout=10_000)
    names = [c.accessibleName() for c in chips.chips]
    assert len(names) == 1 and "Spanish" in names[0] and "English only" in names[0]
    assert chips.sentiment_label.isHidden() and chips.english_only
    stored = open_services.analyses.get("journal", screen._current_id)
    assert stored is not None and stored.emotions is None and stored.language == "es"
    assert stored.reading["wellbeing"] == {"low_mood": None, "anxiety": None, "stress": None}

    entry_id = screen._current_id
    chips.reset()
    assert not chips.chips
    screen.insights.show_stored("journal", entry_id)
    qtbot.waitUntil(lambda: bool(chips.chips), timeout=10_000)
    assert "Spanish" in chips.chips[0].accessibleName()

    with qtbot.waitSignal(screen.insights.analysed, timeout=60_000) as risky:
        _write(qtbot, screen, "", "Quiero morir, tengo las pastillas.")
    assert risky.args[2] == "urgent"
    qtbot.waitUntil(lambda: screen.crisis_panel.isVisible(), timeout=10_000)


def test_english_entry_keeps_emotions_and_tone(qtbot, open_services: AppServices,
                                               tasks_done) -> None:
    screen = JournalScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    tasks_done()
    with qtbot.waitSignal(screen.insights.analysed, timeout=60_000):
        _write(qtbot, screen, "Walk", "I went for a long walk by the river and felt calm.")
    chips = screen.emotion_chips
    qtbot.waitUntil(lambda: chips.isEnabled(), timeout=10_000)
    assert chips.english_only is None and "Tone:" in chips.sentiment_label.text()
    assert not any("English only" in c.accessibleName() for c in chips.chips)
    stored = open_services.analyses.get("journal", screen._current_id)
    assert stored is not None and stored.language == "en"
    assert set(stored.reading["wellbeing"]) == {"low_mood", "anxiety", "stress"}
