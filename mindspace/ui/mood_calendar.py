"""The mood calendar (one month, Monday first) and the year in pixels (12 rows of 31 days).

Both are painted: a day with check-ins carries a swatch of its mood colour (the theme's mood
scale, `themes.mood_colour`), a day without keeps an empty outline. The day's number and the
month names are drawn in the text colour on the page, never on a swatch, so they keep their
contrast in every theme. Hovering, or moving with the arrow keys (Home/End for the first and
last day), tells the day and its mood; the summary in words is the accessible description.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mindspace.app.insights import month_mood_text, mood_day_text, mood_level, year_mood_text
from mindspace.app.insights_report import month_grid, year_cell_exists
from mindspace.ui.themes import mood_colour

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class DayGrid(QWidget):
    """A grid of day cells; subclasses give the cells' days and rectangles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.moods: dict[date, float] = {}
        self.current: date | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def cells(self) -> list[tuple[date, QRectF]]:
        """The day cells this view draws (a view without days draws none)."""
        return []

    def summary(self) -> str:
        """The view in words for screen readers (views say what they show)."""
        return ""

    def day_text(self, day: date) -> str:
        return mood_day_text(day.isoformat(), self.moods.get(day))

    def set_moods(self, moods: dict[date, float]) -> None:
        self.moods = dict(moods)
        self.refresh()

    def refresh(self) -> None:
        text = self.summary()
        self.setAccessibleDescription(text)
        self.update()

    def day_at(self, x: float, y: float) -> date | None:
        return next((d for d, r in self.cells() if r.contains(x, y)), None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(float(event.pos().x()), float(event.pos().y()))
            if day is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.day_text(day), self)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        days = [d for d, _ in self.cells()]
        key = Qt.Key(event.key())
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7,
                 Qt.Key.Key_Down: 7}
        if not days or key not in (*moves, Qt.Key.Key_Home, Qt.Key.Key_End):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Home:
            self.current = days[0]
        elif key == Qt.Key.Key_End or self.current is None:
            self.current = days[-1]
        else:
            wanted = self.current + timedelta(days=self.step(moves[key]))
            self.current = min(max(wanted, days[0]), days[-1])
        text = self.day_text(self.current)
        self.setAccessibleDescription(text)
        rect = dict(self.cells()).get(self.current)
        if rect is not None:
            QToolTip.showText(self.mapToGlobal(QPoint(int(rect.left()), int(rect.top()))),
                              text, self)
        self.update()

    def step(self, move: int) -> int:
        return move

    def paint_cell(self, painter: QPainter, day: date, rect: QRectF, number: str) -> None:
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        faint = QColor(text)
        faint.setAlpha(90)
        fm = QFontMetricsF(self.font())
        swatch = rect.adjusted(1, 1, -1, -1)
        if number:
            label = QRectF(rect.left(), rect.top(), rect.width(), fm.height())
            painter.setPen(text)
            painter.drawText(label, int(Qt.AlignmentFlag.AlignCenter), number)
            swatch = QRectF(rect.left() + 2, rect.top() + fm.height(), rect.width() - 4,
                            max(2.0, rect.height() - fm.height() - 2))
        value = self.moods.get(day)
        if value is None:
            painter.setPen(QPen(faint, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(swatch)
        else:
            painter.fillRect(swatch, QColor(mood_colour(mood_level(value))))
        if day == self.current and self.hasFocus():
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)


class MoodCalendar(DayGrid):
    """One month; the arrow keys move a day (left/right) or a week (up/down)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = date.today()
        self.year, self.month = today.year, today.month
        self.setAccessibleName("Mood calendar")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        h = self.fontMetrics().height()
        return QSize(h * 24, h * 18)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        h = self.fontMetrics().height()
        return QSize(h * 14, h * 12)

    def show_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.current = None
        self.refresh()

    def summary(self) -> str:
        return month_mood_text(self.year, self.month, self.moods)

    def _geometry(self) -> tuple[float, float, float]:
        fm = QFontMetricsF(self.font())
        header = fm.height() + 4
        rows = len(month_grid(self.year, self.month))
        w = self.width() / 7
        h = (self.height() - header) / max(1, rows)
        return header, w, h

    def cells(self) -> list[tuple[date, QRectF]]:
        header, w, h = self._geometry()
        out = []
        for r, week in enumerate(month_grid(self.year, self.month)):
            for c, day in enumerate(week):
                if day is not None:
                    out.append((day, QRectF(c * w + 2, header + r * h + 2, w - 4, h - 4)))
        return out

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        header, w, _h = self._geometry()
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for c, name in enumerate(WEEKDAYS):
            painter.drawText(QRectF(c * w, 0, w, header), int(Qt.AlignmentFlag.AlignCenter), name)
        for day, rect in self.cells():
            self.paint_cell(painter, day, rect, str(day.day))
        painter.end()


class YearPixels(DayGrid):
    """The year: a row per month, a column per day of the month; up/down move a month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = date.today().year
        self.setAccessibleName("Year in pixels")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        h = self.fontMetrics().height()
        return QSize(h * 40, h * 16)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        h = self.fontMetrics().height()
        return QSize(h * 20, h * 10)

    def show_year(self, year: int) -> None:
        self.year = year
        self.current = None
        self.refresh()

    def summary(self) -> str:
        return year_mood_text(self.year, self.moods)

    def step(self, move: int) -> int:
        if abs(move) == 7 and self.current is not None:  # up/down: the same day a month away
            month = self.current.month + (1 if move > 0 else -1)
            if 1 <= month <= 12:
                day = min(self.current.day, 28 if month == 2 else 30)
                return (date(self.year, month, day) - self.current).days
            return 0
        return move

    def _geometry(self) -> tuple[float, float, float, float]:
        fm = QFontMetricsF(self.font())
        left = max(fm.horizontalAdvance(f"{date(2000, m, 1):%b}") for m in range(1, 13)) + 6
        top = fm.height() + 2
        size = min((self.width() - left) / 31, (self.height() - top) / 12)
        return left, top, max(2.0, size), fm.height()

    def cells(self) -> list[tuple[date, QRectF]]:
        left, top, size, _ = self._geometry()
        return [(date(self.year, m, d),
                 QRectF(left + (d - 1) * size, top + (m - 1) * size, size - 1, size - 1))
                for m in range(1, 13) for d in range(1, 32) if year_cell_exists(self.year, m, d)]

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        left, top, size, line = self._geometry()
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        for m in range(1, 13):
            painter.drawText(QRectF(0, top + (m - 1) * size, left - 4, size),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{date(2000, m, 1):%b}")
        for d in (1, 5, 10, 15, 20, 25, 31):
            painter.drawText(QRectF(left + (d - 1) * size - size, 0, size * 3, line),
                             int(Qt.AlignmentFlag.AlignCenter), str(d))
        for day, rect in self.cells():
            self.paint_cell(painter, day, rect, "")
        painter.end()
