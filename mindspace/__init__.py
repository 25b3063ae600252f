"""MindSpace: a private, offline journal, mood tracker and on-device companion."""

from __future__ import annotations

import os

# onnxruntime's official wheels collect usage telemetry unless told not to; MindSpace never sends
# anything anywhere. This must be set before onnxruntime is imported anywhere in the process.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
from importlib import metadata


def _version() -> str:
    try:
        return metadata.version("mindspace")
    except metadata.PackageNotFoundError:  # frozen bundle or source tree without install
        from mindspace.core.paths import app_root

        bundled = app_root() / "VERSION"
        return bundled.read_text(encoding="utf-8").strip() if bundled.exists() else "0.0.0"


__version__ = _version()
