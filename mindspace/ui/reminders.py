"""The daily check-in reminder in the desktop app: a tray icon and a single-shot timer.

`ReminderController.apply(prefs)` (GUI thread) arms the timer for the next reminder, or stops
everything and hides the tray icon when the user has turned reminders off: nothing runs then.
The notification is always the fixed `REMINDER_TEXT`; it never shows anything the user wrote.
Where the desktop has no system tray (or under the offscreen platform) the reminder still fires:
the window is flagged for attention and the text is announced, and `tray` stays None.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from mindspace.app import Preferences
from mindspace.app.reminders import next_fire
from mindspace.core.reminders import REMINDER_TEXT, REMINDER_TITLE, milliseconds_until
from mindspace.ui.announce import announce
from mindspace.ui.themes import icon

_MAX_WAIT_MS = 24 * 3_600_000  # re-check at least daily (sleep, clock changes)


class ReminderController(QObject):
    reminder_shown = Signal(str)  # the fixed text, after it was shown (tray or fallback)
    open_requested = Signal()  # the user clicked the tray icon or its "Open" entry

    def __init__(
        self,
        window: Callable[[], QWidget | None] = lambda: None,
        parent: QObject | None = None,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        clock: Callable[[], datetime] = lambda: datetime.now().astimezone(),
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._tray_available = tray_available
        self._clock = clock
        self.prefs = Preferences()
        self.next_at: datetime | None = None
        self.tray: QSystemTrayIcon | None = None
        self._menu: QMenu | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may fire early
        self.timer.timeout.connect(self._tick)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def apply(self, prefs: Preferences) -> None:
        """Follow the saved preferences: arm the next reminder, or stop all of it."""
        self.prefs = prefs
        if not prefs.reminder_enabled:
            self.stop()
            return
        self._ensure_tray()
        self._arm()

    def stop(self) -> None:
        self.timer.stop()
        self.next_at = None
        tray, self.tray = self.tray, None
        if tray is not None:
            # the tray lets go of its menu before either goes; both go on the event loop
            tray.hide()
            tray.setContextMenu(None)  # type: ignore[arg-type]
            tray.setParent(None)  # gone on the event loop, not with this object (a double delete)
            tray.deleteLater()
        menu, self._menu = self._menu, None
        if menu is not None:
            menu.deleteLater()

    def _arm(self, now: datetime | None = None) -> None:
        now = now or self._clock()
        self.next_at = next_fire(self.prefs, now)
        if self.next_at is None:  # every day is quiet
            self.timer.stop()
            return
        self.timer.start(min(_MAX_WAIT_MS, milliseconds_until(now, self.next_at)))

    def _tick(self) -> None:
        if not self.prefs.reminder_enabled:
            return
        due, now = self.next_at, self._clock()  # one reading: a second could pass the due time
        if due is not None and now >= due:
            self.show_reminder()
        self._arm(now)

    def show_reminder(self) -> None:
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(REMINDER_TITLE, REMINDER_TEXT,
                                  QSystemTrayIcon.MessageIcon.Information, 15_000)
        else:
            window = self._window()
            if window is not None:
                QApplication.alert(window)
                announce(window, REMINDER_TEXT)
        self.reminder_shown.emit(REMINDER_TEXT)

    def _ensure_tray(self) -> None:
        if self.tray is not None or not self._tray_available():
            return
        tray = QSystemTrayIcon(icon("mindspace"), self)
        tray.setToolTip("MindSpace: daily check-in reminder")
        menu = QMenu()
        open_action = QAction("Open MindSpace", menu)
        open_action.triggered.connect(self.open_requested.emit)
        menu.addAction(open_action)
        tray.setContextMenu(menu)
        tray.activated.connect(lambda _reason: self.open_requested.emit())
        tray.messageClicked.connect(self.open_requested.emit)
        self._menu = menu
        tray.show()
        self.tray = tray
