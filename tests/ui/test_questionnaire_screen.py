"""The Questionnaires page with real widgets and a real vault: keyboard answering, item 9
opening the support panel at once, results with range and reliable change, history, schedule."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mindspace.app import AppServices
from mindspace.core.questionnaires import catalog
from mindspace.ui.questionnaire_screen import ITEM9_TEXT, QuestionnaireScreen
from tests.ui.test_accessibility import assert_all_named

pytestmark = pytest.mark.gui


def _screen(qtbot, services: AppServices) -> QuestionnaireScreen:
    screen = QuestionnaireScreen(services)
    qtbot.addWidget(screen)
    screen.resize(900, 1000)
    screen.show()
    qtbot.waitUntil(lambda: screen.history_text.text() != "", timeout=20_000)
    return screen


def _type(qtbot, screen: QuestionnaireScreen, digits: list[int]) -> None:
    """Keys go to the focused control (an option button), as when a person types."""
    for digit in digits:
        QTest.keyClick(screen.focusWidget() or screen, Qt.Key(Qt.Key.Key_0 + digit))
        QTest.keyClick(screen.focusWidget() or screen, Qt.Key.Key_Return)


def test_items_are_shown_exactly_as_written(qtbot, open_services: AppServices) -> None:
    screen = _screen(qtbot, open_services)
    phq9 = catalog().get("phq9")
    assert [b.text.text() for b in screen.boxes] == [i.text for i in phq9.scored_items]
    assert screen.instructions.text().startswith(phq9.instructions)
    labels = [b.accessibleName() for b in screen.boxes[0].buttons.values()]
    assert labels == ["Not at all", "Several days", "More than half the days",
                      "Nearly every day"]
    assert "No permission required" in screen.licence_label.text()
    screen.start("who5")
    assert [b.text.text() for b in screen.boxes][0] == "I have felt cheerful and in good spirits"
    assert list(screen.boxes[0].buttons) == [5, 4, 3, 2, 1, 0]
    assert_all_named(screen, "questionnaires")


def test_item9_opens_the_support_panel_at_once(qtbot, open_services: AppServices) -> None:
    screen = _screen(qtbot, open_services)
    screen.one_at_a_time.setChecked(True)
    screen.start("phq9")
    _type(qtbot, screen, [0] * 8)
    assert screen.current == 8 and not screen.crisis_panel.isVisible()
    assert screen.boxes[8].isVisible() and not screen.boxes[0].isVisible()  # one per screen
    QTest.keyClick(screen, Qt.Key.Key_1)  # item 9: "Several days", total still 1
    assert screen.crisis_panel.isVisible()  # before saving, whatever the total
    assert screen.crisis_panel.message.text() == ITEM9_TEXT
    assert "call" in screen.crisis_panel.lines_label.text().lower()
    with qtbot.waitSignal(screen.saved, timeout=20_000) as saved:
        QTest.keyClick(screen, Qt.Key.Key_Return)
    result = saved.args[0]
    assert (result.score.total, result.score.item9, result.score.safety_followup) == (1, 1, True)
    stored = open_services.measures().repository.get(result.record.id)
    assert stored.item9 == 1 and stored.safety_followup
    assert screen.result_label.text().startswith("PHQ-9 1, minimal range")


def test_item9_at_zero_does_not_open_it(qtbot, open_services: AppServices) -> None:
    screen = _screen(qtbot, open_services)
    screen.start("phq9")
    _type(qtbot, screen, [3] * 8)
    QTest.keyClick(screen, Qt.Key.Key_0)
    assert not screen.crisis_panel.isVisible()


def test_result_history_and_change(qtbot, open_services: AppServices) -> None:
    open_services.measures().record("gad7", [3] * 7, taken_at=datetime(2026, 1, 1, 9))
    screen = _screen(qtbot, open_services)
    screen.start("gad7")
    for box in screen.boxes:  # all on one page: every item visible
        assert box.isVisible()
    QTest.keyClick(screen, Qt.Key.Key_7)  # not an option: ignored
    assert screen.boxes[0].value() is None
    with (qtbot.waitSignal(screen.history_shown, timeout=20_000),
          qtbot.waitSignal(screen.saved, timeout=20_000)):
        _type(qtbot, screen, [1] * 7)
    text = screen.result_label.text()
    assert text.startswith("GAD-7 7, mild range")
    assert "GAD-7 21 → 7 (-14): improved (RCI" in text
    assert "GAD-2 2" in text
    assert len(screen.plot.points) == 2
    assert "Latest: GAD-7 7, mild range" in screen.plot.accessibleDescription()
    assert screen.history_list.count() == 2 and "improved" in screen.history_list.item(0).text()


def test_schedule_is_saved_in_the_vault(qtbot, open_services: AppServices) -> None:
    screen = _screen(qtbot, open_services)
    box = screen.schedule_boxes["who5"]
    box.setCurrentIndex(box.findData(28))
    box.activated.emit(box.currentIndex())
    qtbot.waitUntil(lambda: open_services.measures().schedule()["who5"] == 28, timeout=20_000)
