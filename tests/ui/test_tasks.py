"""TaskRunner: results, progress, failures and cancellation arrive on the GUI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from mindspace.core.errors import ValidationError
from mindspace.storage.errors import WrongPassphraseError
from mindspace.ui.tasks import Cancelled, TaskRunner, describe_error

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.cancel_all()
    r.wait_for_done(10_000)


def test_result_and_progress_arrive_on_gui_thread(qtbot, runner: TaskRunner) -> None:
    gui = QThread.currentThread()
    progress: list[tuple[float, str]] = []
    seen: dict[str, object] = {}

    def job():
        seen["worker_is_gui"] = QThread.currentThread() is gui
        for i in range(3):
            yield (i + 1) / 3, f"step {i + 1}"
        return "done"

    def on_progress(fraction: float, message: str) -> None:
        assert QThread.currentThread() is gui
        progress.append((round(fraction, 2), message))

    task = runner.submit(job, on_success=lambda r: seen.update(result=r), on_progress=on_progress)
    with qtbot.waitSignal(task.finished, timeout=5_000):
        pass
    assert seen["result"] == "done" and seen["worker_is_gui"] is False
    assert progress == [(0.33, "step 1"), (0.67, "step 2"), (1.0, "step 3")]
    qtbot.waitUntil(runner.is_idle)


def test_failure_and_messages(qtbot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def fail() -> None:
        raise WrongPassphraseError()

    task = runner.submit(fail, on_failure=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5_000):
        pass
    assert describe_error(errors[0]) == "Wrong passphrase: the vault was not opened"
    assert describe_error(ValidationError("mood must be 1-5")) == "Mood must be 1-5"
    assert "did not complete" in describe_error(KeyError("x"))


def test_cancel_stops_a_generator(qtbot, runner: TaskRunner) -> None:
    started = threading.Event()
    steps: list[int] = []

    def endless():
        for i in range(10_000):
            started.set()
            steps.append(i)
            time.sleep(0.01)
            yield i / 10_000
        return "finished"

    results: list[object] = []
    task = runner.submit(endless, on_success=results.append)
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5_000):
        task.cancel()
    assert results == [] and len(steps) < 10_000


def test_callbacks_skipped_when_owner_is_gone(qtbot, runner: TaskRunner) -> None:
    owner = QWidget()
    release = threading.Event()
    called: list[object] = []
    task = runner.submit(
        lambda: release.wait(5) and "secret", owner=owner, on_success=called.append
    )
    owner.deleteLater()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner), timeout=2_000)
    with qtbot.waitSignal(task.finished, timeout=5_000):
        release.set()
    assert called == []


def test_with_cancel_passes_the_event(qtbot, runner: TaskRunner) -> None:
    def job(cancel_event: threading.Event) -> str:
        while not cancel_event.wait(0.01):
            pass
        raise Cancelled()

    task = runner.submit(job, with_cancel=True)
    with qtbot.waitSignal(task.cancelled, timeout=5_000):
        task.cancel()


CANARY = "Dr Canary Hartwell-7731"


def test_failures_never_put_user_data_on_stderr(qtbot, runner: TaskRunner, capfd) -> None:
    def bug() -> None:
        raise KeyError(f"no contact named {CANARY}")

    def handled() -> None:
        raise ValidationError(f"{CANARY} is not verified")

    for fn in (bug, handled):
        with qtbot.waitSignal(runner.submit(fn).failed, timeout=5_000):
            pass
    err = capfd.readouterr().err
    assert CANARY not in err
    assert "Traceback" not in err
    # the bug is logged by type and place; the handled error not at all
    assert err.count("mindspace: unexpected failure: KeyError at ") == 1
    assert "ValidationError" not in err


def test_uncaught_exceptions_are_logged_without_their_message(capfd, monkeypatch) -> None:
    import sys

    from mindspace.ui.tasks import install_excepthook

    monkeypatch.delenv("MINDSPACE_DEBUG", raising=False)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook()
    try:
        raise RuntimeError(f"while showing {CANARY}")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    err = capfd.readouterr().err
    assert CANARY not in err and "RuntimeError at " in err
