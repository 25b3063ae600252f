"""Fixtures for GUI tests: real vaults in tmp_path, a shell factory, screenshots, text scans.

Screenshots go to `test-artifacts/screenshots/` at the repository root (git-ignored) for review.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import QModelIndex  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from mindspace.app import AppServices  # noqa: E402
from mindspace.ui.tasks import default_runner  # noqa: E402
from tests.conftest import PASSPHRASE  # noqa: E402

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def new_services(data_dir: Path) -> Iterator[AppServices]:
    """AppServices on a fresh, empty data dir (no vault yet). Locked at teardown."""
    svc = AppServices(data_dir)
    yield svc
    wait_for_tasks()
    svc.close()


@pytest.fixture
def recovery_code(new_services: AppServices) -> str:
    """Create a vault with PASSPHRASE, lock it again; returns its recovery code."""
    code = new_services.create_vault(PASSPHRASE)
    new_services.lock()
    return code


@pytest.fixture
def open_services(new_services: AppServices) -> AppServices:
    """A freshly created vault, open."""
    new_services.create_vault(PASSPHRASE)
    return new_services


def flush_deletes() -> None:
    """Destroy widgets scheduled with deleteLater() now (instead of waiting for the loop)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()


def wait_for_tasks(timeout_ms: int = 20_000) -> None:
    """Process events until every background task has delivered its result."""
    app = QApplication.instance()
    if app is None:
        return
    runner = default_runner()
    deadline = time.monotonic() + timeout_ms / 1000
    while not runner.is_idle() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


@pytest.fixture
def tasks_done(qtbot) -> Callable[[], None]:
    def wait() -> None:
        qtbot.waitUntil(default_runner().is_idle, timeout=20_000)

    return wait


@pytest.fixture
def make_shell(qapp, new_services: AppServices):
    """Build a Shell around `new_services` (not started). Windows are torn down at teardown."""
    from mindspace.ui.application import Shell

    shells = []

    def make() -> Shell:
        shell = Shell(qapp, new_services)
        shells.append(shell)
        return shell

    yield make
    from mindspace.ui.application import _close_dialogs
    from mindspace.ui.themes import apply_theme, use_window_sheets

    _close_dialogs()
    for shell in shells:
        shell.idle.stop()
        for window in (shell.window, shell.main_window):
            if window is not None and shiboken6.isValid(window):
                window.hide()
                window.deleteLater()
        shell.main_window = None
        shell.window = None
    wait_for_tasks()
    use_window_sheets(qapp, False)
    apply_theme(qapp, "system", 1.0)


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[QWidget, str], Path]:
    """screenshot(widget, label) -> path of a PNG under test-artifacts/screenshots/."""
    counter = {"n": 0}
    test_name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)

    def take(widget: QWidget, label: str) -> Path:
        QApplication.processEvents()
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        counter["n"] += 1
        path = SCREENSHOT_DIR / f"{test_name}-{counter['n']:02d}-{label}.png"
        assert widget.grab().save(str(path), "PNG"), f"could not save {path}"
        return path

    return take


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    out: list[str] = []
    if model is None:
        return out

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for col in range(model.columnCount(parent)):
                index = model.index(row, col, parent)
                for role in (0, 3, 256, 257):  # display, tooltip, user roles
                    value = index.data(role)
                    if isinstance(value, str):
                        out.append(value)
                walk(index)

    walk(QModelIndex())
    return out


def all_widget_text() -> str:
    """Every piece of text held by any live widget (to prove locking left nothing behind)."""
    parts: list[str] = []
    for widget in QApplication.allWidgets():
        if not shiboken6.isValid(widget):
            continue
        parts.append(widget.windowTitle())
        parts.append(widget.accessibleDescription())
        if isinstance(widget, QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QLabel):
            parts.append(widget.text())
        elif isinstance(widget, QComboBox):
            parts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView):
            parts.extend(_model_texts(widget))
    return "\n".join(parts)
