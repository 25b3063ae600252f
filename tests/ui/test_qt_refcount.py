"""Many void Qt calls in one process do not abort the interpreter (see ui/qt_refcount.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
import mindspace.ui  # noqa: F401 - the reserve is added on import
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
