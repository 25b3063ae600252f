"""Crisis panel, safety-plan editor, emotion chips and trends with real widgets and a real vault."""
# mypy: disable-error-code="union-attr, arg-type"

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QPlainTextEdit, QWidget

from mindspace.app import AppServices
from mindspace.ui.crisis_panel import CrisisPanel
from mindspace.ui.emotion_chips import EmotionChips
from mindspace.ui.emotion_trends import EmotionTrends
from mindspace.ui.safety_plan_editor import SafetyPlanEditor

from .conftest import PASSPHRASE, wait_for_tasks

pytestmark = pytest.mark.gui


def _named(widget: QWidget) -> None:
    for child in widget.findChildren(QWidget):
        if isinstance(child, (QAbstractButton, QComboBox, QPlainTextEdit)):
            assert child.accessibleName(), f"{type(child).__name__} has no accessible name"


def test_crisis_panel_region_switching_and_fallback(qtbot, open_services: AppServices,
                                                   monkeypatch) -> None:
    monkeypatch.setattr("mindspace.ui.crisis_panel.system_region", lambda: None)
    open_services.analyses.save_safety_plan({"people_to_ask": ["Sam 0123"],
                                             "reasons_for_living": ["My dog"]})
    panel = CrisisPanel(open_services)
    qtbot.addWidget(panel)
    _named(panel)
    assert panel.isHidden()
    panel.show_for("urgent", ["expresses thoughts of suicide"])
    wait_for_tasks()
    assert panel.isVisible() and not panel.isModal()
    assert "Sam 0123" in panel.plan_label.text() and "My dog" in panel.plan_label.text()
    assert "not a diagnosis" in panel.note.text()
    # no region chosen yet: the fallback shows the emergency number and directories
    assert panel.current_region().is_fallback and "112" in panel.lines_label.text()
    assert "findahelpline" in panel.lines_label.text()
    panel.set_region("GB")
    wait_for_tasks()
    assert "116 123" in panel.lines_label.text() and "999" in panel.lines_label.text()
    assert open_services.analyses.region() == "GB"
    idx = panel.region_box.findData("AU")
    panel.region_box.setCurrentIndex(idx)
    panel.region_box.activated.emit(idx)
    wait_for_tasks()
    assert "13 11 14" in panel.lines_label.text() and "000" in panel.lines_label.text()
    panel.set_region("ZZ")  # unknown code -> fallback
    assert panel.current_region().is_fallback
    wait_for_tasks()
    # a new panel picks up the saved region from the vault
    open_services.analyses.set_region("US")
    second = CrisisPanel(open_services)
    qtbot.addWidget(second)
    second.show_for("concern")
    wait_for_tasks()
    assert "988" in second.lines_label.text()
    with qtbot.waitSignal(second.dismissed):
        qtbot.mouseClick(second.dismiss_button, Qt.MouseButton.LeftButton)
    assert second.isHidden()


def test_safety_plan_editor_save_lock_unlock(qtbot, open_services: AppServices) -> None:
    editor = SafetyPlanEditor(open_services)
    qtbot.addWidget(editor)
    _named(editor)
    wait_for_tasks()
    editor.editors["warning_signs"].setPlainText("Not sleeping\n\nSkipping meals")
    editor.editors["reasons_for_living"].setPlainText("My sister")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save_button.click()
    assert editor.status.text() == "Saved."
    open_services.lock()
    wait_for_tasks()
    qtbot.waitUntil(lambda: editor.editors["warning_signs"].toPlainText() == "")
    open_services.unlock(PASSPHRASE)
    with qtbot.waitSignal(editor.loaded, timeout=10_000):
        editor.reload()
    assert editor.editors["warning_signs"].toPlainText() == "Not sleeping\nSkipping meals"
    assert editor.plan()["reasons_for_living"] == ["My sister"]
    # an over-long item is refused with a message; the text stays in the editor
    editor.editors["coping_strategies"].setPlainText("x" * 600)
    editor.save_button.click()
    wait_for_tasks()
    assert "500" in editor.status.text()
    assert editor.editors["coping_strategies"].toPlainText() == "x" * 600
    assert open_services.analyses.safety_plan()["coping_strategies"] == []


def test_emotion_chips_label_correction(qtbot, open_services: AppServices) -> None:
    entry = open_services.journal.add("t", "I am so happy")
    outcome = open_services.analysis_service().analyze_journal_entry(entry.id)
    chips = EmotionChips(open_services)
    qtbot.addWidget(chips)
    _named(chips)
    a = outcome.analysis
    chips.show_result("journal", entry.id, a.emotions, a.sentiment.compound, a.labels)
    assert len(chips.chips) == 3 and "positive" in chips.sentiment_label.text()
    assert chips.label_actions["joy"].isChecked()
    with qtbot.waitSignal(chips.correction_saved, timeout=10_000) as sig:
        chips.label_actions["sadness"].setChecked(True)
    assert sig.args == ["sadness", True]
    with qtbot.waitSignal(chips.correction_saved, timeout=10_000):
        chips.label_actions["joy"].setChecked(False)
    got = {c["label"]: c["present"] for c in open_services.analyses.corrections("journal",
                                                                                 entry.id)}
    assert got == {"sadness": True, "joy": False}
    assert open_services.analyses.corrections()[0]["model_id"] == outcome.model_id


def test_emotion_trends_view(qtbot, open_services: AppServices) -> None:
    store = open_services.analyses
    for day, joy in ((1, 0.9), (2, 0.1)):
        e = open_services.journal.add("d", "x", entry_at=datetime(2026, 5, day, 10))
        store.save("journal", e.id, "m@1", {"emotions": {"joy": joy, "sadness": 1 - joy},
                                            "sentiment": {"compound": 0.1},
                                            "crisis": {"level": "none"}},
                   e.entry_at, e.updated_at)
    view = EmotionTrends(open_services)
    qtbot.addWidget(view)
    _named(view)
    wait_for_tasks()
    with qtbot.waitSignal(view.loaded, timeout=10_000) as sig:
        view.reload(today=date(2026, 5, 3))
    assert sig.args == [2]
    assert view.summary.text() == ("Over the last 30 days, joy and sadness were the most "
                                   "frequent emotions (each 1 of 2 days with entries).")
    assert len(view.bars.slots) == 30 and view.bars.slots[-1] == (date(2026, 5, 3), None)
    view.resize(400, 240)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paints the bars without error


def test_region_follows_the_system_locale_until_one_is_chosen(
    qtbot, open_services: AppServices, monkeypatch
) -> None:
    monkeypatch.setattr("mindspace.ui.crisis_panel.system_region", lambda: "GB")
    panel = CrisisPanel(open_services)
    qtbot.addWidget(panel)
    panel.show_for("concern", ["mentions feeling like a burden"])
    wait_for_tasks()
    assert "116 123" in panel.lines_label.text()  # Samaritans
    assert open_services.analyses.region() is None  # a guess, not a stored choice
