"""About the models: every shipped model described, sha256 checked on a worker."""
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from mindspace.app import AppServices
from mindspace.ml import registry as reg
from mindspace.ml.registry import ModelRegistry
from mindspace.ui.models_screen import ModelsScreen

pytestmark = pytest.mark.gui


def test_page_shows_each_model_and_its_check(qtbot, open_services: AppServices,
                                             tasks_done) -> None:
    reg.clear_verification_cache()
    page = ModelsScreen(open_services)
    qtbot.addWidget(page)
    names = set(open_services.model_registry().names())
    assert set(page.cards) == names
    emotion = page.cards["text-emotion"]
    assert emotion.integrity.text() == "Checking the files…"
    manifest = json.loads((Path(__file__).resolve().parents[2] / "models" / "manifest.json")
                          .read_text(encoding="utf-8"))
    entry = next(m for m in manifest["models"] if m["name"] == "text-emotion")
    recorded = entry["figures"]["GoEmotions Ekman test (int8)"]["macro_f1"]
    assert f"macro_f1 {recorded}" in emotion.figures.text()  # the figure the manifest records
    with qtbot.waitSignal(page.checked, timeout=60_000) as done:
        page.show()
    assert done.args == [len(names)]
    assert emotion.integrity.text().startswith("Passed")
    assert page.summary.text() == f"All {len(names)} models match the files that shipped."
    tasks_done()


def test_page_reports_an_altered_model(qtbot, open_services: AppServices, tmp_path: Path,
                                       tasks_done, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "models"
    root.mkdir()
    (root / "w.bin").write_bytes(b"tampered")
    (root / "manifest.json").write_text(json.dumps({"models": [
        {"name": "tiny", "version": "1", "kind": "test", "path": "w.bin", "license": "MIT",
         "sha256": hashlib.sha256(b"original").hexdigest(), "data_source": "a test"}]}))
    monkeypatch.setattr(open_services, "model_registry", lambda: ModelRegistry(root))
    page = ModelsScreen(open_services)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.checked, timeout=20_000) as done:
        page.show()
    assert done.args == [0]
    assert page.cards["tiny"].integrity.text().startswith("Failed: model tiny failed")
    assert "Reinstall" in page.summary.text()
    tasks_done()


def test_drift_section_tells_a_language_shift(qtbot, open_services: AppServices,
                                              tasks_done) -> None:
    from datetime import datetime, timedelta

    from tests.app.test_model_drift import spanish_entries

    for i, text in enumerate(spanish_entries(24)):
        open_services.journal.add("", text, datetime(2026, 2, 1) + timedelta(days=i), [])
    open_services.analysis_service().reanalyze()
    page = ModelsScreen(open_services)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: bool(page.drift.report), timeout=30_000)
    text = page.drift.results.text()
    assert "Most of your entries are in Spanish; the emotion model reads English only" in text
    assert "language PSI" in text
    page.clear()
    assert page.drift.results.text() == ""
    tasks_done()


def test_calibration_section_learns_and_rolls_back(qtbot, open_services: AppServices,
                                                   tasks_done) -> None:
    from tests.app.test_personal_calibration import fill_with_corrections

    page = ModelsScreen(open_services)
    qtbot.addWidget(page)
    panel = page.calibration
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        panel.train_button.click()
    assert "at least 15" in panel.result.text()
    fill_with_corrections(open_services)
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        panel.train_button.click()
    assert panel.result.text().startswith("New personal layer adopted: held-out log-loss")
    assert panel.state_label.text().startswith("A personal layer is in use")
    assert panel.off_button.isEnabled()
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        panel.off_button.click()
    assert panel.state_label.text().startswith("No personal layer is in use")
    assert "previous layer is kept" in panel.state_label.text()
    with qtbot.waitSignal(panel.changed, timeout=30_000):
        panel.previous_button.click()
    assert panel.state_label.text().startswith("A personal layer is in use")
    tasks_done()
