"""The one lookup of shipped files, in a source tree and inside the bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mindspace.core import paths

REPO = Path(__file__).resolve().parents[2]


def test_source_tree_uses_the_repository() -> None:
    assert paths.app_root() == REPO
    assert (paths.models_dir() / "manifest.json").is_file()
    assert (paths.resources_dir() / "crisis").is_dir()


def test_frozen_bundle_uses_its_own_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.app_root() == tmp_path
    assert paths.models_dir() == tmp_path / "models"
    assert paths.resources_dir() == tmp_path / "resources"
