"""Emotions over time: each day's share of each emotion as a 100 % stacked bar.

The data (`services.analyses.daily_emotions`) loads through the task runner; the range box picks
the last 7, 30 or 90 days or the last year. Every day of the range has a slot, and a day without
entries is drawn hatched, so gaps read as gaps. The day axis labels only as many days as fit
(`chart_axis.day_labels`). Hovering a bar, or moving along the bars with the arrow keys, tells
the day, the number of entries and each emotion's share. The colours (Okabe-Ito) stay apart for
the common colour-vision deficiencies, and the summary below the chart (`app.insights`) says
the same in words.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.insights import (
    RANGES,
    emotion_day_text,
    emotion_summary,
    fill_days,
    ordered_labels,
    range_start,
    shares,
)
from mindspace.core.entities import DailyEmotions
from mindspace.ui import style
from mindspace.ui.chart_axis import DayChart
from mindspace.ui.tasks import default_runner, describe_error

COLOURS = style.EMOTION  # distinguishable with every common colour-vision deficiency
OTHER_COLOUR = "#7f7f7f"  # a label the chart does not know
DEFAULT_RANGE = 30


def legend_html() -> str:
    items = [f"<span style='color:{c}'>■</span>&nbsp;{label}" for label, c in COLOURS.items()]
    items.append("<span>▨</span>&nbsp;no&nbsp;entries")
    return " &nbsp; ".join(items)


class EmotionBars(DayChart):
    """The painted chart: one slot per day of the range."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots: list[tuple[date, DailyEmotions | None]] = []

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        h = self.fontMetrics().height()
        return QSize(h * 36, h * 16)

    def set_slots(self, slots: list[tuple[date, DailyEmotions | None]]) -> None:
        self.slots = list(slots)
        self.current = None
        self.update()

    def slot_days(self) -> list[date]:
        return [d for d, _ in self.slots]

    def left_margin(self, fm: QFontMetricsF) -> float:
        return fm.horizontalAdvance("100 %") + fm.height() / 2

    def text_at(self, index: int) -> str:
        return emotion_day_text(*self.slots[index])

    def tooltip_for(self, day: date) -> str:
        """The text shown when the pointer rests on `day`."""
        data = next((d for when, d in self.slots if when == day), None)
        return emotion_day_text(day, data)

    # ---- painting ---------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        pal = self.palette()
        text_colour = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text_colour)
        grid.setAlpha(70)
        fm = QFontMetricsF(self.font())
        plot = self.plot_rect()
        for frac in (0.0, 0.5, 1.0):
            y = plot.bottom() - frac * plot.height()
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 4, fm.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{round(frac * 100)} %")
        slot = self.slot_width()
        bar = slot * 0.8 if slot >= 5 else slot
        faint = QColor(grid)
        faint.setAlpha(45)
        hatch = QBrush(faint, Qt.BrushStyle.BDiagPattern)
        separator = pal.color(QPalette.ColorRole.Window)
        for i, (_day, data) in enumerate(self.slots):
            x = plot.left() + i * slot + (slot - bar) / 2
            if data is None or not data.means:
                painter.fillRect(QRectF(x, plot.top(), bar, plot.height()), hatch)
                continue
            parts = shares(data.means)
            y = plot.bottom()
            for label in ordered_labels(parts):
                h = parts[label] * plot.height()
                if h <= 0:
                    continue
                painter.fillRect(QRectF(x, y - h, bar, h), QColor(COLOURS.get(label, OTHER_COLOUR)))
                y -= h
                if slot >= 8 and y > plot.top() + 1:
                    painter.setPen(QPen(separator, 1))
                    painter.drawLine(QPointF(x, y), QPointF(x + bar, y))
        self.paint_frame(painter)
        if not any(d is not None for _, d in self.slots):
            painter.setPen(text_colour)
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), "No analysed entries yet")
        painter.end()


class EmotionTrends(QWidget):
    loaded = Signal(int)  # number of days with data

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._today: date | None = None  # a fixed "today" once one is given (tests)
        self._request = 0  # only the latest request's answer is shown
        self.setAccessibleName("Emotions over time")
        self.range_box = QComboBox()
        self.range_box.setAccessibleName("Time range")
        for days, title in RANGES:
            self.range_box.addItem(title, days)
        self.range_box.setCurrentIndex(self.range_box.findData(DEFAULT_RANGE))
        self.range_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.bars = EmotionBars()
        self.bars.setAccessibleName("Emotion chart: each day's share of each emotion")
        self.legend = QLabel(legend_html())
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName("Legend")
        self.summary = QLabel(wordWrap=True)
        self.summary.setAccessibleName("Emotion summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show = QLabel("&Show:")
        show.setBuddy(self.range_box)
        top = QHBoxLayout()
        top.addWidget(show)
        top.addWidget(self.range_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.bars, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.summary)
        self.reload()

    def span(self) -> int:
        return int(self.range_box.currentData() or DEFAULT_RANGE)

    def reload(self, today: date | None = None) -> None:
        if today is not None:
            self._today = today
        end = self._today or date.today()
        span = self.span()
        self._request += 1
        request = self._request
        if not self._services.is_unlocked:
            self._show([], end, span, request)
            return
        store = self._services.analyses
        default_runner().submit(
            store.daily_emotions, range_start(end, span), end, owner=self,
            on_success=lambda days: self._show(days, end, span, request), name="emotion-trends",
            on_failure=lambda e: self._failed(e, request),
        )

    def _failed(self, exc: BaseException, request: int) -> None:
        if request == self._request:
            self.summary.setText(describe_error(exc))

    def _show(self, days: list[DailyEmotions], end: date, span: int, request: int) -> None:
        if request != self._request:
            return  # the answer to a request made before the latest one
        self.bars.set_slots(fill_days(range_start(end, span), end, days))
        text = emotion_summary(days, end, span)
        self.summary.setText(text)
        self.bars.setAccessibleDescription(text)
        self.loaded.emit(sum(1 for d in days if d.count > 0))
