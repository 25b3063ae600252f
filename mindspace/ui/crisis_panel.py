"""A calm, non-blocking support panel shown inline (top of a screen) when an entry is flagged.

It shows a gentle message, highlights from the user's own safety plan, the crisis lines for the
chosen region (with the emergency number, and the fallback entry when the region has no lines or
none is chosen) and a plain "this is not a diagnosis" note. It never blocks input and can be
dismissed with the button or Esc. Vault reads/writes run through the task runner.
"""

from __future__ import annotations

import html
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.core.crisis_resources import FALLBACK_CODE, RegionResources
from mindspace.ui.announce import announce
from mindspace.ui.tasks import default_runner

HIGHLIGHT_STEPS = (
    ("coping_strategies", "Things you said help"),
    ("people_to_ask", "People you can reach out to"),
    ("reasons_for_living", "Your reasons"),
)
NOT_A_DIAGNOSIS = ("MindSpace noticed some words that can mean things are hard right now. "
                   "This is not a diagnosis, and MindSpace can't assess risk.")


class CrisisPanel(QFrame):
    """Inline support panel. ``show_for(level, reasons)`` fills and shows it."""

    dismissed = Signal()
    region_changed = Signal(str)
    _locked = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._resources = services.crisis_resources()
        self._plan: dict[str, list[str]] = {}
        self.owner: tuple[str, str | None] | None = None
        self.level = "none"
        self.setObjectName("crisisPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Support panel")

        self.message = QLabel(wordWrap=True)
        self.message.setAccessibleName("Support message")
        self.plan_label = QLabel(wordWrap=True)
        self.plan_label.setAccessibleName("Safety plan highlights")
        self.lines_label = QLabel(wordWrap=True)
        self.lines_label.setAccessibleName("Crisis lines")
        self.lines_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.lines_label.setOpenExternalLinks(False)  # offline app: show links, never open them
        self.note = QLabel(NOT_A_DIAGNOSIS, wordWrap=True)
        self.note.setAccessibleName("Not a diagnosis")
        self.note.setProperty("role", "muted")

        self.region_box = QComboBox()
        self.region_box.setAccessibleName("Crisis line region")
        for region in self._resources.regions():
            self.region_box.addItem(region.country, region.code)
        self.region_box.addItem("Other / not listed", FALLBACK_CODE)
        self.region_box.activated.connect(self._on_region_picked)
        self.dismiss_button = QPushButton("&Dismiss")
        self.dismiss_button.setAccessibleName("Dismiss support panel")
        self.dismiss_button.clicked.connect(self.dismiss)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.dismiss,
                  Qt.ShortcutContext.WidgetWithChildrenShortcut)

        top = QHBoxLayout()
        top.addWidget(QLabel("Region:"))
        top.addWidget(self.region_box, 1)
        top.addWidget(self.dismiss_button)
        # the content scrolls inside the panel when space is short (a small window, large
        # text): every line stays reachable and the panel never makes the window grow
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        for w in (self.message, self.plan_label, self.lines_label):
            body.addWidget(w)
        body.addLayout(top)
        body.addWidget(self.note)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setAccessibleName("Support panel content")
        self.scroll_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area)
        self.setTabOrder(self.region_box, self.dismiss_button)
        self._region_code: str | None = None
        self._show_region(None)
        self._locked.connect(self._clear)
        services.add_lock_listener(self._on_lock)
        forget = self._on_lock
        self.destroyed.connect(lambda *_: services.remove_lock_listener(forget))
        self.hide()

    # ---- public ---------------------------------------------------------------------------
    def show_for(self, level: str, reasons: list[str] | None = None,
                 owner: tuple[str, str | None] | None = None, text: str | None = None) -> None:
        """Fill (safety plan + region from the vault, in the background) and show inline.
        `owner` is the entry that raised it (source type, id; id None while being saved):
        the panel belongs to that entry and goes when another one is shown. `text` replaces
        the opening message (a questionnaire answer rather than words noticed)."""
        self.owner = owner
        self.level = level
        if text is None and level == "urgent":
            text = ("It sounds like things may be really hard right now. You don't have to go "
                    "through this alone: please consider reaching out to someone now.")
        elif text is None:
            text = ("It sounds like things are heavy at the moment. It might help to look at "
                    "your plan or talk to someone you trust.")
        repeat = not self.isHidden() and self.message.text() == text
        self.message.setText(text)
        self.setProperty("level", level)
        self.show()
        if not repeat:  # said once, at once; the same panel shown again stays quiet
            announce(self, f"Support panel: {text.splitlines()[0]}", assertive=True)
        self.refresh()

    def refresh(self) -> None:
        if not self._services.is_unlocked:
            self._apply({"plan": {}, "region": None})
            return
        default_runner().submit(self._load, owner=self, on_success=self._apply,
                                on_failure=lambda _e: None, name="crisis-panel-load")

    def set_region(self, code: str | None) -> None:
        """Show ``code``'s lines (fallback if unknown) and remember the choice in the vault."""
        self._show_region(code)
        if self._services.is_unlocked:
            store = self._services.analyses
            default_runner().submit(store.set_region, code, owner=self, name="save-region",
                                    on_failure=lambda _e: None)
        self.region_changed.emit(self.current_region().code)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """As tall as the content, up to 40 % of the window it sits in (then it scrolls)."""
        hint = super().sizeHint()
        inner = self.scroll_area.widget()
        content = (inner.sizeHint().height() if inner else 0) + 2 * self.frameWidth() + 24
        window = self.window().height() if self.window() is not self else 10_000
        return QSize(hint.width(), min(content, max(160, int(window * 0.4))))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(super().minimumSizeHint().width(), 120)

    def current_region(self) -> RegionResources:
        return self._resources.for_region(self._region_code)

    def dismiss(self) -> None:
        self.hide()
        self.owner = None
        self.level = "none"
        self.dismissed.emit()

    def release(self, owner: tuple[str, str | None] | None) -> None:
        """Hide the panel unless it belongs to `owner` (another entry is now shown)."""
        if self.isVisible() and self.owner != owner:
            self.hide()
            self.owner = None
            self.level = "none"

    def adopt(self, owner: tuple[str, str]) -> None:
        """The entry being saved got its id: the open panel now belongs to it."""
        if self.owner is not None and self.owner[1] is None and self.owner[0] == owner[0]:
            self.owner = owner

    # ---- internals ------------------------------------------------------------------------
    def _load(self) -> dict[str, Any]:
        store = self._services.analyses
        return {"plan": store.safety_plan(), "region": store.region()}

    def _apply(self, data: dict[str, Any]) -> None:
        self._plan = data.get("plan") or {}
        self._show_region(data.get("region"))
        parts = []
        for step, title in HIGHLIGHT_STEPS:
            items = self._plan.get(step) or []
            if items:
                shown = ", ".join(html.escape(i) for i in items[:3])
                parts.append(f"<b>{title}:</b> {shown}")
        self.plan_label.setText("<br>".join(parts) if parts else
                                "You can write a safety plan in the Safety plan screen.")

    def _show_region(self, code: str | None) -> None:
        self._region_code = code or system_region()
        region = self.current_region()
        idx = self.region_box.findData(region.code)
        if idx >= 0:
            self.region_box.setCurrentIndex(idx)
        rows = [f"<b>If you are in immediate danger, call {html.escape(region.emergency)}.</b>"]
        # a region without verified lines shows the fallback directories too
        lines = list(region.lines) or list(self._resources.fallback.lines)
        if region.emergency_note:
            rows.append(html.escape(region.emergency_note))
        for line in lines:
            contact = " · ".join(html.escape(x) for x in (line.phone and f"Call {line.phone}",
                                                          line.text, line.website) if x)
            rows.append(f"{html.escape(line.name)}: {contact} ({html.escape(line.hours)})")
        self.lines_label.setText("<br>".join(rows))

    def _on_region_picked(self, index: int) -> None:
        self.set_region(self.region_box.itemData(index))

    def _on_lock(self) -> None:  # locking thread
        if shiboken6.isValid(self):
            self._locked.emit()

    def _clear(self) -> None:
        self._plan = {}
        self.plan_label.clear()
        self.owner = None
        self.level = "none"
        self.hide()


def system_region() -> str | None:
    """The two-letter country of the system locale (e.g. "GB" for en_GB), until one is chosen."""
    from PySide6.QtCore import QLocale

    code = QLocale.territoryToCode(QLocale.system().territory())
    return code.upper() if len(code) == 2 else None
