"""The day axis shared by the painted charts: one slot per day, labels that never collide.

`DayChart` is the base of the painted charts: slot geometry, the axis, tooltips on hover and
the arrow keys (Left, Right, Home, End) that walk the days and speak each one's text.

`day_labels` decides which days get a label from the measured width of the text: every day,
every 2nd, 3rd, 7th or 14th day counted back from the last one, or month names when even a
fortnight is too narrow. Labels are then placed right to left and a label that would touch
one already placed is left out, so no two ever overlap whatever the width or text size.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

STEPS = (1, 2, 3, 7, 14)


@dataclass(frozen=True)
class AxisLabel:
    index: int  # the slot (day) it names
    left: float
    width: float
    text: str

    @property
    def right(self) -> float:
        return self.left + self.width


def day_text(day: date) -> str:
    return f"{day.day} {day:%b}"


def month_text(day: date) -> str:
    return f"{day:%b}"  # the year is in the tooltips and the summary


def day_labels(
    days: Sequence[date],
    left: float,
    slot: float,
    text_width: Callable[[str], float],
    limits: tuple[float, float],
    gap: float,
) -> list[AxisLabel]:
    """The labels to draw under slots of width `slot` starting at x = `left`, inside
    `limits` (min x, max x), at least `gap` apart; ordered left to right."""
    n = len(days)
    if n == 0 or slot <= 0:
        return []
    widest = max(text_width(day_text(d)) for d in days)
    step = next((s for s in STEPS if s * slot >= widest + gap), None)
    if step is not None:
        wanted = [(i, day_text(days[i])) for i in range(n - 1, -1, -step)]
    else:
        wanted = [(i, month_text(d)) for i, d in reversed(list(enumerate(days))) if d.day == 1]
        if not wanted:
            wanted = [(n - 1, day_text(days[-1]))]
    placed: list[AxisLabel] = []
    for index, text in wanted:
        width = text_width(text)
        centre = left + (index + 0.5) * slot
        x = min(max(limits[0], centre - width / 2), limits[1] - width)
        if x < limits[0]:
            continue  # wider than the whole axis
        label = AxisLabel(index, x, width, text)
        if all(label.right + gap <= p.left or p.right + gap <= label.left for p in placed):
            placed.append(label)
    return sorted(placed, key=lambda lab: lab.index)


def slot_at(x: float, left: float, slot: float, count: int) -> int | None:
    """The slot under x, or None outside the plot."""
    if slot <= 0 or x < left:
        return None
    index = int((x - left) // slot)
    return index if index < count else None


def paint_labels(
    painter: QPainter,
    labels: Sequence[AxisLabel],
    fm: QFontMetricsF,
    plot_left: float,
    slot: float,
    top: float,
    colour: QColor,
) -> None:
    """A short tick at each labelled slot and its text below it, starting at y = `top`."""
    tick = max(3.0, fm.height() / 4)
    painter.setPen(QPen(colour, 1))
    for label in labels:
        x = plot_left + (label.index + 0.5) * slot
        painter.drawLine(QPointF(x, top), QPointF(x, top + tick))
        rect = QRectF(label.left, top + tick, label.width, fm.height())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label.text)


def axis_height(fm: QFontMetricsF) -> float:
    """Room below the plot for the ticks and one line of labels."""
    return max(3.0, fm.height() / 4) + fm.height() + 2


class DayChart(QWidget):
    """A painted chart with one slot per day; subclasses give the days, the plot area and the
    text of a day, and paint the data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current: int | None = None  # the day chosen with the keyboard
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API (follows the text size)
        h = self.fontMetrics().height()
        return QSize(h * 12, h * 9)

    def slot_days(self) -> list[date]:
        """The days along the axis (a chart without data has none)."""
        return []

    def text_at(self, index: int) -> str:
        """The words for slot `index` (tooltip and screen readers); charts fill it in."""
        return ""

    def left_margin(self, fm: QFontMetricsF) -> float:
        """Room left of the plot for the value labels; none by default."""
        return 0.0

    def plot_rect(self) -> QRectF:
        fm = QFontMetricsF(self.font())
        left = self.left_margin(fm)
        top = fm.height() / 2 + 2
        bottom = axis_height(fm) + 2
        return QRectF(left, top, max(10.0, self.width() - left - fm.height() / 2),
                      max(10.0, self.height() - top - bottom))

    def slot_width(self) -> float:
        return self.plot_rect().width() / max(1, len(self.slot_days()))

    def axis_labels(self) -> list[AxisLabel]:
        """The day labels as painted at the current width and font."""
        fm = QFontMetricsF(self.font())
        return day_labels(self.slot_days(), self.plot_rect().left(), self.slot_width(),
                          fm.horizontalAdvance, (0.0, float(self.width())), fm.height() / 2)

    def index_at(self, x: float) -> int | None:
        return slot_at(x, self.plot_rect().left(), self.slot_width(), len(self.slot_days()))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(float(event.pos().x()))
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.text_at(index), self)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        n = len(self.slot_days())
        key = Qt.Key(event.key())
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
        if n == 0 or key not in (*moves, Qt.Key.Key_Home, Qt.Key.Key_End):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Home:
            self.current = 0
        elif key == Qt.Key.Key_End or self.current is None:
            self.current = n - 1
        else:
            self.current = max(0, min(n - 1, self.current + moves[key]))
        text = self.text_at(self.current)
        self.setAccessibleDescription(text)
        plot = self.plot_rect()
        x = plot.left() + (self.current + 0.5) * self.slot_width()
        QToolTip.showText(self.mapToGlobal(QPoint(int(x), int(plot.top()))), text, self)
        self.update()

    def paint_frame(self, painter: QPainter) -> None:
        """The keyboard's day (when there is one) and the day axis."""
        pal = self.palette()
        plot, slot = self.plot_rect(), self.slot_width()
        if self.current is not None and self.current < len(self.slot_days()):
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(QRectF(plot.left() + self.current * slot, plot.top(), slot,
                                    plot.height()))
        paint_labels(painter, self.axis_labels(), QFontMetricsF(self.font()), plot.left(), slot,
                     plot.bottom(), pal.color(QPalette.ColorRole.WindowText))
