"""Keys people expect on two kinds of control that Qt leaves short.

* ``choice_keys(group)``: a group of checkable buttons used as one choice (the mood scale).
  The arrow keys move along the scale in order (wherever the buttons wrap on screen; once a
  value is chosen they move the choice), Space and Enter select the focused one, and the digits
  choose by value, while any of them has focus.
* ``date_keys(edit)``: a ``QDateTimeEdit`` with a calendar popup. Alt+Down (or F4) opens the
  calendar, as on a combo box; and typing a whole date with its separators ("2024-03-05 09:30")
  works: when a section fills up Qt already moves on, so the separator typed next is skipped
  instead of jumping over the following section.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QDateTimeEdit,
    QStyle,
    QStyleOptionComboBox,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
ARROWS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}
SEPARATOR_MODS = (*PLAIN, Qt.KeyboardModifier.ShiftModifier)  # ":" needs Shift on many layouts


class _ChoiceKeys(QObject):
    def __init__(self, group: QButtonGroup) -> None:
        super().__init__(group)
        self._group = group
        for button in group.buttons():
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QAbstractButton):
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() not in PLAIN:
            return False
        target: QAbstractButton | None = None
        step = ARROWS.get(Qt.Key(event.key()))
        if step is not None:  # by order on the scale, wherever the buttons wrap on screen
            ids = sorted(self._group.id(b) for b in self._group.buttons())
            here = self._group.id(watched)
            nxt = ids[max(0, min(len(ids) - 1, ids.index(here) + step))]
            target = self._group.button(nxt)
            if target is None or not target.isEnabled():
                return True
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if self._group.checkedButton() is not None and not target.isChecked():
                target.click()  # once a value is chosen, the arrows move the choice
            return True
        if event.key() in ENTER_KEYS:
            target = watched
        elif event.text().isdigit():
            target = self._group.button(int(event.text()))
        if target is None or not target.isEnabled():
            return False
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if not target.isChecked():
            target.click()
        return True


def choice_keys(group: QButtonGroup) -> None:
    """Enter selects the focused button; a digit selects the button with that id."""
    _ChoiceKeys(group)


class _DateKeys(QObject):
    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._section_before_digit: int | None = None
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        edit = self._edit
        key, mods = event.key(), event.modifiers()
        if (key == Qt.Key.Key_Down and mods == Qt.KeyboardModifier.AltModifier) or (
            key == Qt.Key.Key_F4 and mods in PLAIN
        ):
            if edit.calendarPopup():
                open_calendar(edit)
                return True
            return False
        text = event.text()
        before, self._section_before_digit = self._section_before_digit, None
        if text.isdigit():
            self._section_before_digit = edit.currentSectionIndex()
        elif text and not text.isalnum() and text.isprintable() and mods in SEPARATOR_MODS:
            # a separator right after a digit that filled its section (Qt moved on already)
            return before is not None and edit.currentSectionIndex() != before
        return False


def date_keys(edit: QDateTimeEdit) -> None:
    """Alt+Down / F4 open the calendar; whole typed dates land in the right sections."""
    _DateKeys(edit)


def open_calendar(edit: QDateTimeEdit) -> None:
    """Open `edit`'s calendar popup, as a click on its drop-down arrow does."""
    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    arrow = edit.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, edit
    )
    point = QPointF(arrow.center())
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        point,
        QPointF(edit.mapToGlobal(point)),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(edit, press)
