"""Where the shipped files live: `models/` and `resources/` beside the package in a source tree,
or inside the PyInstaller bundle when frozen. The one place that knows about `sys._MEIPASS`."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """Folder holding `models/` and `resources/`: the bundle root when frozen, else the repo."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return app_root() / "resources"


def models_dir() -> Path:
    """Folder holding `manifest.json` and the shipped models."""
    return app_root() / "models"
