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
    assert "0.6508" in emotion.figures.text() and "GoEmotions" in emotion.figures.text()
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
