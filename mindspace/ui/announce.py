"""Spoken announcements: tell a screen reader what just happened (a save, an error, the panel).

``announce(widget, text, assertive=False)`` sends a Qt accessibility announcement from
``widget``: polite ones are read when the screen reader is idle, assertive ones at once (errors,
the support panel). Where Qt has no announcement event, the text goes into the widget's
accessible description and an alert event is sent from it instead.

The last few announcements are kept in memory (``recent()``) so tests can check what was said.
They are the app's own sentences; ``forget()`` empties the list (the screens call it on lock).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget

# None on a Qt without announcement events (before 6.8): the alert fallback is used then
ANNOUNCEMENT_EVENT: Any = getattr(
    QtGui, "QAccessibleAnnouncementEvent", None
)
KEEP = 20


@dataclass(frozen=True)
class Announcement:
    text: str
    assertive: bool
    kind: str  # "announcement" or "alert" (the fallback)


_recent: deque[Announcement] = deque(maxlen=KEEP)


def announce(widget: QObject, text: str, assertive: bool = False) -> None:
    """Have a screen reader say `text` (one line), spoken from `widget`."""
    text = " ".join(text.split())
    if not text or not shiboken6.isValid(widget):
        return
    event: QAccessibleEvent
    if ANNOUNCEMENT_EVENT is not None:
        spoken = ANNOUNCEMENT_EVENT(widget, text)
        politeness = QAccessible.AnnouncementPoliteness
        spoken.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
        event = spoken
        kind = "announcement"
    else:
        if isinstance(widget, QWidget):  # what the alert makes the screen reader read
            widget.setAccessibleDescription(text)
        event = QAccessibleEvent(widget, QAccessible.Event.Alert)
        kind = "alert"
    _recent.append(Announcement(text, assertive, kind))
    QAccessible.updateAccessibility(event)


def recent() -> list[Announcement]:
    """The last announcements, oldest first."""
    return list(_recent)


def last_text() -> str:
    return _recent[-1].text if _recent else ""


def forget() -> None:
    _recent.clear()
