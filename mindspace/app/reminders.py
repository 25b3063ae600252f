"""The daily check-in reminder outside the GUI: when it fires next, and the optional start at
login (an XDG autostart entry in ``$XDG_CONFIG_HOME/autostart``, written only while the user has
it turned on and removed when they turn it off). Only settings live here, never user content.
"""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import datetime
from pathlib import Path

from mindspace.app.preferences import Preferences
from mindspace.core.errors import UserError
from mindspace.core.reminders import next_reminder, parse_clock
from mindspace.storage.files import private_write

AUTOSTART_NAME = "mindspace.desktop"


def next_fire(prefs: Preferences, now: datetime | None = None) -> datetime | None:
    """When the reminder fires next (local time), or None when it is off or every day is
    quiet."""
    if not prefs.reminder_enabled:
        return None
    moment = now or datetime.now().astimezone()
    return next_reminder(moment, parse_clock(prefs.reminder_time), set(prefs.reminder_quiet_days))


def autostart_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "autostart"


def autostart_path() -> Path:
    return autostart_dir() / AUTOSTART_NAME


def launch_command(data_dir: Path | None = None) -> str:
    """The Exec line that starts the desktop app (quoted for a desktop entry)."""
    if getattr(sys, "frozen", False):
        parts = [sys.executable]
    else:
        parts = [sys.executable, "-m", "mindspace"]
    if data_dir is not None:
        parts += ["--data-dir", str(data_dir)]
    return " ".join(_quote(p) for p in parts)


def _quote(arg: str) -> str:
    if arg and all(c.isalnum() or c in "/._-+=:," for c in arg):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def desktop_entry(command: str) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=MindSpace\n"
        "Comment=Private journal and mood tracker (daily check-in reminder)\n"
        f"Exec={command}\n"
        "Icon=mindspace\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def set_start_at_login(enabled: bool, data_dir: Path | None = None) -> Path:
    """Write (enabled) or remove (disabled) the autostart entry; returns its path."""
    path = autostart_path()
    try:
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            private_write(path, desktop_entry(launch_command(data_dir)).encode(),
                          "saving the start-at-login entry")
        else:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    except OSError as exc:
        raise UserError(f"could not change {path}: {exc.strerror or exc}") from None
    return path


def starts_at_login() -> bool:
    return autostart_path().is_file()


__all__ = ["autostart_path", "next_fire", "set_start_at_login"]
