"""Preferences kept outside the vault (needed before unlock, no user content) and where the
data folder is."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from mindspace.storage.files import private_dir, private_write


def default_data_dir() -> Path:
    env = os.environ.get("MINDSPACE_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("MindSpace", appauthor=False))


@dataclass
class Preferences:
    """Non-secret preferences kept outside the vault (needed before unlock). No user content."""

    theme: str = "system"  # system | light | dark | high-contrast
    font_scale: float = 1.0
    autolock_minutes: int = 5
    audio_input_device: str = ""  # microphone name; "" = the system default
    whisper_model_dir: str = ""  # a larger CTranslate2 Whisper model folder; "" = shipped tiny.en
    # the daily check-in reminder (a time and weekdays only: nothing the user wrote)
    reminder_enabled: bool = False
    reminder_time: str = "20:00"  # HH:MM, local wall clock
    reminder_quiet_days: list[int] = field(default_factory=list)  # 0 = Monday ... 6 = Sunday
    start_at_login: bool = False  # an XDG autostart entry exists while this is on

    @classmethod
    def load(cls, path: Path) -> Preferences:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
            prefs = cls(**known)
        except (OSError, ValueError, TypeError):
            return cls()
        if prefs.theme not in ("system", "light", "dark", "high-contrast"):
            prefs.theme = "system"
        prefs.autolock_minutes = max(1, min(240, int(prefs.autolock_minutes)))
        prefs.font_scale = max(0.75, min(2.0, float(prefs.font_scale)))
        prefs.audio_input_device = str(prefs.audio_input_device or "")
        prefs.whisper_model_dir = str(prefs.whisper_model_dir or "")
        _clean_reminder(prefs)
        return prefs

    def save(self, path: Path) -> None:
        private_dir(path.parent)
        private_write(path, json.dumps(asdict(self), indent=2).encode(), "saving preferences")


def _clean_reminder(prefs: Preferences) -> None:
    from mindspace.core.reminders import parse_clock

    prefs.reminder_enabled = prefs.reminder_enabled is True
    prefs.start_at_login = prefs.start_at_login is True
    try:
        prefs.reminder_time = parse_clock(str(prefs.reminder_time)).strftime("%H:%M")
    except ValueError:
        prefs.reminder_time = "20:00"
    days = prefs.reminder_quiet_days if isinstance(prefs.reminder_quiet_days, list) else []
    prefs.reminder_quiet_days = sorted(
        {d for d in days if isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6}
    )
