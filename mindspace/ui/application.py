"""Composition root of the desktop app: arguments, QApplication, AppServices and the shell.

Start-up is kept fast: only QtWidgets, the services façade and the unlock (or first-start) screen
are imported before the first window appears; the main window and its pages are imported after
unlocking. `Shell` moves between three states: "create" (first start), "locked" and "unlocked".
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from mindspace.core.wording import plural
from mindspace.ui.idle import IdleWatcher
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.themes import apply_theme, icon, style_window, use_window_sheets
from mindspace.ui.warmup import start_screen_warmup, start_warmup

if TYPE_CHECKING:
    from mindspace.app import AppServices, Preferences
    from mindspace.ui.main_window import MainWindow
    from mindspace.ui.unlock_screen import UnlockScreen


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """`--data-dir PATH` (else MINDSPACE_DATA_DIR, else the platform data dir); rest is for Qt."""
    parser = argparse.ArgumentParser(prog="mindspace", description="MindSpace desktop app")
    parser.add_argument("--data-dir", type=Path, default=None, help="where the vault lives")
    args, rest = parser.parse_known_args(argv)
    if args.data_dir is None and os.environ.get("MINDSPACE_DATA_DIR"):
        args.data_dir = Path(os.environ["MINDSPACE_DATA_DIR"])
    return args, rest


class Shell(QObject):
    """Owns the top-level window and the lock/unlock life cycle (GUI thread)."""

    state_changed = Signal(str)  # "create" | "locked" | "unlocked"
    _locked_elsewhere = Signal()

    def __init__(
        self,
        app: QApplication,
        services: AppServices,
        runner: TaskRunner | None = None,
        prefs: Preferences | None = None,
    ) -> None:
        super().__init__()
        self.app = app
        self.services = services
        self.runner = runner or default_runner()
        self.prefs = prefs or services.load_preferences()
        self.state = ""
        self.window: QWidget | None = None
        self.main_window: MainWindow | None = None
        self.unlock_screen: UnlockScreen | None = None
        self.idle = IdleWatcher(IdleWatcher.minutes_to_ms(self.prefs.autolock_minutes), self)
        self.idle.idle_timeout.connect(lambda: self.lock("idle"))
        self._locked_elsewhere.connect(self._on_locked_elsewhere)
        services.add_lock_listener(self._locked_elsewhere.emit)  # may fire on a worker thread
        from mindspace.ui.reminders import ReminderController

        self.reminders = ReminderController(lambda: self.window, self)
        self.reminders.open_requested.connect(self._bring_to_front)

    # ---- windows --------------------------------------------------------------------------
    def start(self) -> None:
        use_window_sheets(self.app)
        self.apply_preferences(self.prefs)
        if self.services.vault_exists():
            self.show_unlock()
        else:
            self.show_create()

    def _set_window(self, widget: QWidget) -> None:
        old, self.window = self.window, widget
        widget.setWindowIcon(icon("mindspace"))
        style_window(widget)
        widget.show()
        widget.raise_()
        widget.activateWindow()
        if old is not None and old is not widget:
            old.hide()
            old.deleteLater()

    def _set_state(self, state: str) -> None:
        self.state = state
        self.state_changed.emit(state)

    def show_create(self) -> None:
        from mindspace.ui.create_vault_screen import CreateVaultScreen

        screen = CreateVaultScreen(self.services, runner=self.runner)
        screen.vault_ready.connect(lambda: self.enter_main(False, "", created=True))
        start_screen_warmup(self.runner)
        height = screen.fontMetrics().height()
        screen.resize(height * 40, height * 34)
        self._set_window(screen)
        self._set_state("create")

    def show_unlock(self, locking: bool = False) -> UnlockScreen:
        from mindspace.ui.unlock_screen import UnlockScreen

        screen = UnlockScreen(self.services, runner=self.runner)
        screen.unlocked.connect(self.enter_main)
        start_screen_warmup(self.runner)
        height = screen.fontMetrics().height()
        screen.resize(height * 34, height * 20)
        if locking:
            screen.set_locking(True)
        self.unlock_screen = screen
        self._set_window(screen)
        self._set_state("locked")
        return screen

    def enter_main(self, via_recovery: bool, recovery_code: str, created: bool = False) -> None:
        """Show the main window on its first page (Today); the first-run tour when it is due."""
        from mindspace.ui.change_passphrase_dialog import can_reset_with_recovery
        from mindspace.ui.main_window import MainWindow
        from mindspace.ui.tour import offer_tour

        window = MainWindow(self.services, runner=self.runner)
        window.lock_requested.connect(lambda: self.lock("manual"))
        window.quit_requested.connect(self.request_quit)
        window.preferences_saved.connect(self.apply_preferences)
        window.close_means_quit = True
        self.main_window = window
        self.unlock_screen = None
        self._set_window(window)
        self.idle.start()
        self._set_state("unlocked")
        self._reanalyse_in_background(window)
        self._check_vault_in_background(window)
        if not via_recovery:  # a new passphrase comes first; the tour waits for the next unlock
            offer_tour(self.services, window, created, self.runner)
        start_warmup(self.services, self.runner)
        if via_recovery:
            if can_reset_with_recovery(self.services) and recovery_code:
                window.open_change_passphrase(recovery_code=recovery_code)
            else:
                window.statusBar().showMessage("Opened with your recovery code.", 15_000)

    def _reanalyse_in_background(self, window: Any) -> None:
        """Bring stored analyses up to the shipped model (after an update, or entries edited
        elsewhere, e.g. by the CLI). Loads the text model early, which also warms it up."""
        services = self.services

        def work(cancel_event: Any) -> int:
            return int(services.analysis_service().reanalyze(cancel=cancel_event))

        def done(count: int) -> None:
            shown = self.main_window
            if count and shown is not None and shown is window:
                text = f"Updated the insights of {plural(count, 'entry')}."
                shown.statusBar().showMessage(text, 10_000)

        self.runner.submit(
            work,
            name="reanalyse",
            owner=window,
            with_cancel=True,
            on_success=done,
            on_failure=lambda _exc: None,  # locked or cancelled: it resumes at the next unlock
        )

    def _check_vault_in_background(self, window: Any) -> None:
        """Every few days, read the whole vault (all pages, all audio) to find damage in parts
        nobody opened; tell the person at once, with what to do, if anything is wrong."""
        from mindspace.app.vault_check import check_due, run_check

        services = self.services

        def work() -> Any:
            return run_check(services) if check_due(services) else None

        def done(report: Any) -> None:
            shown = self.main_window
            if report is None or report.ok or shown is None or shown is not window:
                return
            shown.show_vault_damage(report.problems, report.to_dict()["what_to_do"])

        self.runner.submit(work, name="vault-check", owner=window, on_success=done,
                           on_failure=lambda _exc: None)  # locked meanwhile: next time

    # ---- preferences ----------------------------------------------------------------------
    def apply_preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        apply_theme(self.app, prefs.theme, prefs.font_scale)
        self.idle.set_interval_ms(IdleWatcher.minutes_to_ms(prefs.autolock_minutes))
        self.reminders.apply(prefs)

    def _bring_to_front(self) -> None:
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    # ---- locking --------------------------------------------------------------------------
    def lock(self, reason: str = "manual", then: Callable[[], None] | None = None) -> None:
        """Tear down every page now, then save drafts and lock the vault on a worker.

        Shows the unlock screen (disabled until the vault has closed) unless `then` is given,
        in which case `then()` runs once the vault is locked (used for quitting).
        """
        window = self.main_window
        if window is None:
            if then is not None:
                then()
            return
        if reason == "idle" and window.blocks_auto_lock():
            self.idle.start()  # try again after another idle period
            return
        self.idle.stop()
        self.main_window = None
        drafts = window.pending_work()
        _close_dialogs()
        window.clear_all()
        screen = self.show_unlock(locking=True) if then is None else None
        window.hide()
        window.deleteLater()
        if self.window is window:
            self.window = None
        services = self.services

        def do_lock() -> list[str]:
            problems: list[str] = []
            for save in drafts:
                try:
                    save()
                except Exception as exc:  # noqa: BLE001 - reported, locking goes on
                    problems.append(describe_error(exc))
            services.lock()
            return problems

        def locked(problems: list[str]) -> None:
            if screen is not None:
                screen.set_locking(False)
                if problems:
                    screen.show_message("An unsaved draft could not be saved: " + problems[0])
                elif reason == "idle":
                    screen.show_message("Locked after a period without activity.")
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            if screen is not None:
                screen.set_locking(False)
                screen.show_message(describe_error(exc))
            if then is not None:
                then()

        self.runner.submit(do_lock, name="lock", on_success=locked, on_failure=failed)

    def _on_locked_elsewhere(self) -> None:
        if self.main_window is not None and not self.services.is_unlocked:
            self.lock("external")

    def request_quit(self) -> None:
        self.lock("quit", then=self.app.quit)

    def shutdown(self) -> None:
        """After the event loop ends: wait for workers and make sure the vault is locked."""
        self.idle.stop()
        self.reminders.stop()
        self.runner.cancel_all()
        self.runner.wait_for_done(30_000)
        self.services.close()


def _close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(int(QDialog.DialogCode.Rejected))


def main(argv: list[str] | None = None) -> int:
    """Run the desktop app; returns the process exit code."""
    args, qt_args = parse_args(sys.argv[1:] if argv is None else list(argv))
    program = sys.argv[0] if sys.argv else "mindspace"
    app = QApplication.instance() or QApplication([program, *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationName("MindSpace")
    app.setApplicationDisplayName("MindSpace")
    app.setDesktopFileName("mindspace")
    app.setWindowIcon(icon("mindspace"))
    from mindspace.app import AppServices

    try:
        services = AppServices(args.data_dir)
    except Exception as exc:  # noqa: BLE001 - a readable message instead of a traceback
        QMessageBox.critical(None, "MindSpace", f"MindSpace could not start: {exc}")
        return 1
    shell = Shell(app, services)
    shell.start()
    if os.environ.get("MINDSPACE_EXIT_AFTER_SHOW") == "1":  # cold-start benchmark hook
        QTimer.singleShot(0, lambda: (print("window-shown", flush=True), app.quit()))
    try:
        return int(app.exec())
    finally:
        shell.shutdown()
