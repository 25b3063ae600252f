"""Run work off the GUI thread and deliver progress and results back on it.

Contract:
* `TaskRunner.submit(fn, *args, ...)` runs `fn` on a worker thread of a private QThreadPool and
  returns a `Task` (a QObject living in the GUI thread). Every DB, key-derivation or model call
  the GUI makes goes through here; nothing slow ever runs on the GUI thread.
* If `fn` returns a generator, each yielded value is a progress report (a fraction 0..1, a
  `(fraction, message)` pair, or a message string) and the generator's return value is the
  result. `Task.cancel()` stops a generator at its next yield; callables submitted with
  `with_cancel=True` receive the `threading.Event` as `cancel_event=` and should poll it.
* Results, failures and progress reach the GUI thread through queued Qt signals; callbacks
  (`on_success`, `on_failure`, `on_progress`) are then called on the GUI thread. When an `owner`
  widget is given and it has been destroyed by the time the result arrives (e.g. the vault was
  locked and the screen torn down), the callbacks are skipped and the result is dropped.
"""

from __future__ import annotations

import inspect
import os
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from mindspace.app.errors import is_user_error, user_message
from mindspace.core.errors import Cancelled, bug_summary


def report_bug(exc: BaseException) -> None:
    """Log an unexpected failure on stderr: its type and place only, never its message or a
    traceback with values (either may quote the user's words, a contact's name...).
    A `UserError` is shown to the person and logged nowhere."""
    if is_user_error(exc):
        return
    sys.stderr.write(f"mindspace: unexpected failure: {bug_summary(exc)}\n")
    sys.stderr.flush()


def install_excepthook() -> None:
    """Uncaught exceptions (e.g. in a Qt slot) are logged by `report_bug`, not as tracebacks;
    MINDSPACE_DEBUG=1 keeps Python's full report for development."""
    if os.environ.get("MINDSPACE_DEBUG"):
        return

    def hook(
        _type: type[BaseException], exc: BaseException, _tb: TracebackType | None
    ) -> None:
        report_bug(exc)

    sys.excepthook = hook


def describe_error(exc: BaseException) -> str:
    """One line a person can read (the mapping lives in `mindspace.app.errors`)."""
    return user_message(exc)


class Task(QObject):
    """Handle for one background job. Lives in the GUI thread; signals arrive there."""

    progress_changed = Signal(float, str)  # fraction 0..1 (-1 = unknown), message
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()  # always last, after succeeded / failed / cancelled

    # emitted from the worker thread; queued to the slots below (this object is a GUI object)
    _w_progress = Signal(float, str)
    _w_result = Signal(object)
    _w_error = Signal(object)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.cancel_event = threading.Event()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._owner: QObject | None = None
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Callable[[float, str], None] | None = None
        self._w_progress.connect(self._deliver_progress)
        self._w_result.connect(self._deliver_result)
        self._w_error.connect(self._deliver_error)

    def cancel(self) -> None:
        """Ask the job to stop; it ends with `cancelled` (or its result if already finishing)."""
        self.cancel_event.set()

    def _owner_alive(self) -> bool:
        return self._owner is None or shiboken6.isValid(self._owner)

    @Slot(float, str)
    def _deliver_progress(self, fraction: float, message: str) -> None:
        if self.done:
            return
        self.progress_changed.emit(fraction, message)
        if self._on_progress and self._owner_alive():
            self._on_progress(fraction, message)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self.done, self.result = True, result
        try:
            if self._owner_alive():
                self.succeeded.emit(result)
                if self._on_success:
                    self._on_success(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        self.done, self.error = True, exc
        try:
            if self._owner_alive():
                if isinstance(exc, Cancelled):
                    self.cancelled.emit()
                else:
                    self.failed.emit(exc)
                if self._on_failure:
                    self._on_failure(exc)
        finally:
            self._finish()

    def _finish(self) -> None:
        self._on_success = self._on_failure = self._on_progress = None
        self.result = None  # do not keep user data alive longer than needed
        self.finished.emit()


def _progress_tuple(item: Any) -> tuple[float, str]:
    if isinstance(item, tuple) and len(item) == 2:
        return float(item[0]), str(item[1])
    if isinstance(item, str):
        return -1.0, item
    if isinstance(item, int | float):
        return float(item), ""
    return -1.0, ""


class _Job(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._task, self._fn, self._args, self._kwargs = task, fn, args, kwargs

    def run(self) -> None:  # worker thread
        task = self._task
        try:
            result = self._fn(*self._args, **self._kwargs)
            if inspect.isgenerator(result):
                result = self._drive(result)
        except BaseException as exc:  # noqa: BLE001 - everything is reported to the GUI
            report_bug(exc)
            task._w_error.emit(exc)
        else:
            task._w_result.emit(result)
        finally:
            self._fn = self._args = self._kwargs = None  # type: ignore[assignment]

    def _drive(self, gen: Any) -> Any:
        task = self._task
        try:
            while True:
                if task.cancel_event.is_set():
                    gen.close()
                    raise Cancelled()
                item = next(gen)
                task._w_progress.emit(*_progress_tuple(item))
        except StopIteration as stop:
            return stop.value


class TaskRunner(QObject):
    """Owns a thread pool; create one per application (on the GUI thread)."""

    busy_changed = Signal(bool)

    def __init__(self, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(max_threads)
        self._active: dict[Task, _Job] = {}

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        name: str = "",
        owner: QObject | None = None,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        with_cancel: bool = False,
        priority: int = 0,
        **kwargs: Any,
    ) -> Task:
        """Run `fn(*args, **kwargs)` on a worker; see the module docstring for the contract.
        A job with a lower `priority` waits behind higher ones while every worker is busy."""
        task = Task(name or getattr(fn, "__name__", "task"))
        task._owner = owner
        task._on_success, task._on_failure, task._on_progress = on_success, on_failure, on_progress
        if with_cancel:
            kwargs["cancel_event"] = task.cancel_event
        job = _Job(task, fn, args, kwargs)
        was_idle = not self._active
        self._active[task] = job
        task.finished.connect(lambda: self._forget(task))
        self._pool.start(job, priority)
        if was_idle:
            self.busy_changed.emit(True)
        return task

    def _forget(self, task: Task) -> None:
        self._active.pop(task, None)
        task.deleteLater()
        if not self._active:
            self.busy_changed.emit(False)

    def is_idle(self) -> bool:
        """True when no submitted task is still waiting for its result to be delivered."""
        return not self._active

    def cancel_all(self) -> None:
        for task in list(self._active):
            task.cancel()

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until worker threads finish (used at shutdown only)."""
        return bool(self._pool.waitForDone(msecs))


_default_runner: TaskRunner | None = None


def default_runner() -> TaskRunner:
    """The application-wide runner (created on first use; call from the GUI thread)."""
    global _default_runner
    if _default_runner is None or not shiboken6.isValid(_default_runner):
        _default_runner = TaskRunner()
    return _default_runner
