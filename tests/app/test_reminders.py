"""Reminder settings and the start-at-login entry."""

from __future__ import annotations

import json
import stat
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mindspace.app.preferences import Preferences
from mindspace.app.reminders import autostart_path, next_fire, set_start_at_login, starts_at_login


def test_reminder_preferences_round_trip_and_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    Preferences(reminder_enabled=True, reminder_time="07:30", reminder_quiet_days=[6, 5]).save(path)
    prefs = Preferences.load(path)
    assert (prefs.reminder_enabled, prefs.reminder_time, prefs.reminder_quiet_days) == (
        True, "07:30", [5, 6])
    path.write_text(json.dumps({"reminder_enabled": "yes", "reminder_time": "99:99",
                                "reminder_quiet_days": [1, 9, "x", True, 1]}))
    prefs = Preferences.load(path)
    assert (prefs.reminder_enabled, prefs.reminder_time, prefs.reminder_quiet_days) == (
        False, "20:00", [1])


def test_next_fire_is_none_when_turned_off() -> None:
    now = datetime(2024, 5, 15, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert next_fire(Preferences(reminder_enabled=False), now) is None
    on = Preferences(reminder_enabled=True, reminder_time="08:00", reminder_quiet_days=[3])
    assert next_fire(on, now) == datetime(2024, 5, 17, 8, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_start_at_login_writes_and_removes_the_autostart_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert autostart_path() == tmp_path / "config" / "autostart" / "mindspace.desktop"
    assert not starts_at_login()
    path = set_start_at_login(True, data_dir=tmp_path / "my data")
    text = path.read_text()
    assert text.startswith("[Desktop Entry]\n") and "Type=Application" in text
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert "-m mindspace" in exec_line and f'"{tmp_path}/my data"' in exec_line
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and starts_at_login()
    set_start_at_login(False)
    assert not path.exists() and not starts_at_login()
    set_start_at_login(False)  # turning it off twice is fine
