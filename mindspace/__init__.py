"""MindSpace: a private, offline journal, mood tracker and on-device companion."""

from __future__ import annotations

import os
from typing import Any

# onnxruntime's official wheels collect usage telemetry unless told not to; MindSpace never sends
# anything anywhere. This must be set before onnxruntime is imported anywhere in the process.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"


def _version() -> str:
    from importlib import metadata  # about 40 ms: read only when the version is asked for

    try:
        return metadata.version("mindspace")
    except metadata.PackageNotFoundError:  # frozen bundle or source tree without install
        from mindspace.core.paths import app_root

        bundled = app_root() / "VERSION"
        return bundled.read_text(encoding="utf-8").strip() if bundled.exists() else "0.0.0"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
