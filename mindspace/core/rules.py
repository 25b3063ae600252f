"""Value rules that more than one layer needs, each written once.

* Audio: every recording is mono float32 at `SAMPLE_RATE` once decoded or captured.
* Mood and energy are whole numbers on a `SCALE_MIN`..`SCALE_MAX` scale.
* The support panel (safety plan + crisis lines) opens for the crisis levels in
  `SUPPORT_PANEL_LEVELS`; it is information and help, never a diagnosis.
* Dates and times shown to people or written into reports use `format_day` / `format_minute`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

SAMPLE_RATE = 16_000

SCALE_MIN = 1
SCALE_MAX = 5
SCALE_VALUES = tuple(range(SCALE_MIN, SCALE_MAX + 1))

CRISIS_LEVELS = ("none", "concern", "urgent")
SUPPORT_PANEL_LEVELS = frozenset({"concern", "urgent"})


def on_scale(value: object) -> bool:
    """True for a whole number (not a bool) within the mood/energy scale."""
    return isinstance(value, int) and not isinstance(value, bool) and (
        SCALE_MIN <= value <= SCALE_MAX
    )


def opens_support_panel(level: str | None) -> bool:
    """Whether a crisis-screen level opens the support panel."""
    return level in SUPPORT_PANEL_LEVELS


def _parse(value: date | datetime | str) -> date | datetime | None:
    if isinstance(value, date):  # datetime is a date too
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None


def format_day(value: date | datetime | str) -> str:
    """`2026-12-05` for a date, a datetime or an ISO string ("" when it is not a date)."""
    parsed = _parse(value)
    return parsed.strftime("%Y-%m-%d") if parsed is not None else ""


def format_minute(value: date | datetime | str) -> str:
    """`2026-12-05 14:30` (the day alone for a date; "" when it is not a date)."""
    parsed = _parse(value)
    if parsed is None:
        return ""
    if isinstance(parsed, datetime):
        return parsed.strftime("%Y-%m-%d %H:%M")
    return parsed.strftime("%Y-%m-%d")



def utc_now() -> str:
    """A timestamp as the sharing records keep it: UTC, whole seconds, ISO 8601."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
