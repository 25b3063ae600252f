"""The reminder tray and timer, with and without a system tray, and its Preferences section."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QWidget

from mindspace.app import AppServices, Preferences
from mindspace.core.reminders import REMINDER_TEXT
from mindspace.ui.preferences_dialog import PreferencesDialog
from mindspace.ui.reminders import ReminderController

BERLIN = ZoneInfo("Europe/Berlin")


def running_clock(start: datetime):  # noqa: ANN201 - a clock that moves with real time
    """Reads ``start`` at its first call, then moves with real time (so a slow machine between
    building the controller and arming it cannot skip past the reminder)."""
    began: list[datetime] = []

    def now() -> datetime:
        if not began:
            began.append(datetime.now(UTC))
        return start + (datetime.now(UTC) - began[0])

    return now


def test_fires_without_a_tray_and_stops_when_turned_off(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    start = datetime(2024, 5, 15, 19, 59, 59, 700_000, tzinfo=BERLIN)
    reminders = ReminderController(lambda: window, tray_available=lambda: False,
                                   clock=running_clock(start))
    on = Preferences(reminder_enabled=True, reminder_time="20:00")
    with qtbot.waitSignal(reminders.reminder_shown, timeout=5_000) as shown:
        reminders.apply(on)
        assert reminders.tray is None and reminders.active
    assert shown.args == [REMINDER_TEXT]
    assert reminders.next_at == datetime(2024, 5, 16, 20, 0, tzinfo=BERLIN)  # re-armed
    reminders.apply(Preferences(reminder_enabled=False, reminder_time="20:00"))
    assert not reminders.active and reminders.next_at is None


def test_a_timer_that_wakes_early_does_not_skip_the_day(qtbot) -> None:
    """The clock passes the due time between two readings of one wake-up: still shown today."""
    readings = iter([datetime(2024, 5, 15, 19, 59, 59, 990_000, tzinfo=BERLIN),  # armed
                     datetime(2024, 5, 15, 19, 59, 59, 995_000, tzinfo=BERLIN)])  # woke early
    late = datetime(2024, 5, 15, 20, 0, 0, 1_000, tzinfo=BERLIN)
    reminders = ReminderController(tray_available=lambda: False,
                                   clock=lambda: next(readings, late))
    with qtbot.waitSignal(reminders.reminder_shown, timeout=5_000):
        reminders.apply(Preferences(reminder_enabled=True, reminder_time="20:00"))
    assert reminders.next_at == datetime(2024, 5, 16, 20, 0, tzinfo=BERLIN)
    reminders.stop()


def test_tray_icon_when_available_and_gone_when_off(qtbot) -> None:
    start = datetime(2024, 5, 17, 21, 0, tzinfo=BERLIN)  # a Friday evening
    reminders = ReminderController(tray_available=lambda: True, clock=running_clock(start))
    reminders.apply(Preferences(reminder_enabled=True, reminder_time="08:00",
                                reminder_quiet_days=[5, 6]))
    assert reminders.tray is not None and "reminder" in reminders.tray.toolTip()
    assert reminders.next_at == datetime(2024, 5, 20, 8, 0, tzinfo=BERLIN)  # Monday
    with qtbot.waitSignal(reminders.reminder_shown):
        reminders.show_reminder()  # through the tray (or the fallback where it cannot show)
    with qtbot.waitSignal(reminders.open_requested):
        reminders.tray.messageClicked.emit()
    reminders.apply(Preferences(reminder_enabled=True, reminder_quiet_days=list(range(7))))
    assert not reminders.active and reminders.next_at is None  # every day is quiet
    reminders.stop()
    assert reminders.tray is None and not reminders.active


def test_nothing_is_armed_while_turned_off(qtbot) -> None:
    reminders = ReminderController(tray_available=lambda: True,
                                   clock=lambda: datetime.now(UTC) - timedelta(seconds=1))
    reminders.apply(Preferences())
    assert reminders.tray is None and not reminders.active


def test_preferences_section_saves_reminder_and_autostart(
    qtbot, open_services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / "mindspace.desktop"
    dialog = PreferencesDialog(open_services)
    qtbot.addWidget(dialog)
    section = dialog.reminder_settings
    assert not section.time_edit.isEnabled()
    section.enabled_check.setChecked(True)
    section.time_edit.setTime(QTime(7, 45))
    section.day_checks[6].setChecked(True)
    section.login_check.setChecked(True)
    with qtbot.waitSignal(dialog.preferences_saved) as saved:
        dialog.save()
    prefs = saved.args[0]
    assert (prefs.reminder_enabled, prefs.reminder_time, prefs.reminder_quiet_days,
            prefs.start_at_login) == (True, "07:45", [6], True)
    assert open_services.load_preferences().reminder_time == "07:45"
    assert entry.is_file() and "Exec=" in entry.read_text()
    again = PreferencesDialog(open_services)
    qtbot.addWidget(again)
    assert again.reminder_settings.login_check.isChecked()
    again.reminder_settings.login_check.setChecked(False)
    again.save()
    assert not entry.exists()
