"""MindSpace: a private, offline journal, mood tracker and on-device companion."""

from __future__ import annotations

import os
import sys

# onnxruntime's official wheels collect usage telemetry unless told not to; MindSpace never sends
# anything anywhere. This must be set before onnxruntime is imported anywhere in the process.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
from importlib import metadata
from pathlib import Path


def _version() -> str:
    try:
        return metadata.version("mindspace")
    except metadata.PackageNotFoundError:  # frozen bundle or source tree without install
        bundled = app_root() / "VERSION"
        return bundled.read_text(encoding="utf-8").strip() if bundled.exists() else "0.0.0"


def app_root() -> Path:
    """Folder holding `models/` and `resources/`: the bundle root when frozen, else the repo."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


__version__ = _version()
