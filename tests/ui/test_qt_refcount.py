"""Many void Qt calls in one process do not abort the interpreter.

PySide6 6.12.0 under CPython 3.11 dropped a reference to None on every call that returns
nothing, and the interpreter aborted after a few thousand ("none_dealloc"): the reason
pyproject.toml pins 6.11.3. This keeps any later upgrade honest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
import mindspace.ui  # noqa: F401 - whatever the app's GUI package sets up on import
from PySide6.QtCore import QCoreApplication, QObject
app = QCoreApplication(sys.argv)
obj = QObject()
for i in range(200_000):
    obj.setObjectName("x")
    QCoreApplication.processEvents()
print("done")
"""


def test_a_long_session_of_void_calls_does_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                          text=True, timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "done"
