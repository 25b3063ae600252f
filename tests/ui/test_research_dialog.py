"""The research consent screen: plain words, consent only after agreeing, export, withdrawal,
reachable from the File menu with every control named."""
# mypy: disable-error-code="union-attr"

from __future__ import annotations

from pathlib import Path

import pytest

from mindspace.ui.research_dialog import ResearchDialog
from tests.app.research_helpers import study_and_participant
from tests.ui.test_accessibility import assert_all_named

pytestmark = pytest.mark.gui


def test_consent_export_and_withdraw(qtbot, tmp_path: Path, tasks_done) -> None:
    study, participant = study_and_participant(tmp_path)
    services = participant.services
    try:
        services.mood.add(4)
        dialog = ResearchDialog(services)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.text_shown, timeout=10_000):
            dialog.show()
        assert dialog.study_combo.currentText() == "Sleep Study 2026"
        text = dialog.text.toPlainText()
        for words in ("What is shared", "What is never shared", "With whom",
                      "How to withdraw", "epsilon 1 per export"):
            assert words in text
        assert_all_named(dialog, "research consent")
        assert not dialog.consent_button.isEnabled()  # not before agreeing
        assert not dialog.export_button.isEnabled()
        dialog.epsilon_combo.setCurrentIndex(dialog.epsilon_combo.findData(0.5))
        qtbot.waitUntil(lambda: "epsilon 0.5 per export" in dialog.text.toPlainText())
        dialog.agree.setChecked(True)
        with qtbot.waitSignal(dialog.consent_given, timeout=10_000) as given:
            dialog.consent_button.click()
        assert given.args[0].epsilon == 0.5
        assert dialog.export_button.isEnabled() and not dialog.consent_button.isEnabled()
        out = tmp_path / "export.msresearch"
        with qtbot.waitSignal(dialog.exported, timeout=20_000):
            dialog.export_to(out)
        assert out.exists()
        with qtbot.waitSignal(dialog.withdrawn, timeout=10_000):
            dialog.withdraw_button.click()
        assert not dialog.export_button.isEnabled()
        kinds = [r.kind for r in services.audit().rows(newest_first=False)][-3:]
        assert kinds == ["research.consent", "research.export", "research.withdraw"]
        tasks_done()
    finally:
        study.services.close()
        services.close()


def test_reachable_from_the_file_menu(qtbot, open_services, tasks_done) -> None:
    from mindspace.ui.main_window import MainWindow

    window = MainWindow(open_services)
    qtbot.addWidget(window)
    window.show()
    window.actions_by_name["research"].trigger()
    dialog = window.dialog
    assert isinstance(dialog, ResearchDialog)
    with qtbot.waitSignal(dialog.studies_loaded, timeout=10_000) as loaded:
        pass
    assert loaded.args == [0]
    assert "No study yet" in dialog.state.text()
    dialog.done(0)
    tasks_done()
