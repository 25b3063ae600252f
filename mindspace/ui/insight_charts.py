"""QtCharts views of the insights: what goes with mood (a forest plot of differences with their
95 % intervals), trends by week or month, and the forecast's back-test.

Every chart takes its colours from the theme tokens (`ui/style.py` via `themes.current_colours`)
and re-applies them when the palette changes, so it reads in light, dark and high contrast.
Each carries its text alternative as the accessible description (the same sentences the page
shows). Horizontal axes name only the slots that fit: `fitted_labels` picks every 1st, 2nd,
3rd, 7th or 14th slot counted back from the last, from the measured label widths, as
`chart_axis.day_labels` does for the painted charts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from mindspace.app.insights_report import Association, BacktestDay, Period
from mindspace.ui import style
from mindspace.ui.chart_axis import STEPS, day_text
from mindspace.ui.themes import current_colours


def fitted_labels(texts: Sequence[str], slot: float, text_width: Callable[[str], float],
                  gap: float) -> list[int]:
    """Indices of the slots to label so that no two labels touch (right to left)."""
    n = len(texts)
    if n == 0 or slot <= 0:
        return []
    widest = max(text_width(t) for t in texts)
    step = next((s for s in STEPS if s * slot >= widest + gap), None)
    if step is None:
        step = max(1, int((widest + gap) // slot) + 1)
    return sorted(range(n - 1, -1, -step))


def _named(name: str) -> QLineSeries:
    series = QLineSeries()
    series.setName(name)
    return series


class ThemedChartView(QChartView):
    """A chart view whose chart follows the theme; `refresh_theme` colours the series."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(QChart(), parent)
        self.setAccessibleName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.chart().setMargins(QMargins(4, 4, 4, 4))
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setMinimumHeight(self.fontMetrics().height() * 14)
        self._restyling = False

    def set_description(self, text: str) -> None:
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def colours(self) -> style.Colours:
        return current_colours()

    def refresh_theme(self) -> None:
        c = self.colours()
        chart = self.chart()
        chart.setBackgroundBrush(QColor(c.surface))
        chart.setBackgroundPen(QPen(QColor(c.card_border)))
        chart.setPlotAreaBackgroundVisible(False)
        chart.setTitleBrush(QColor(c.text))
        chart.legend().setLabelColor(QColor(c.text))
        chart.legend().setFont(self.font())
        grid = QColor(style.blend(c.muted, c.surface, 0.35))
        for axis in chart.axes():
            axis.setLabelsColor(QColor(c.text))
            axis.setLabelsFont(self.font())
            axis.setTitleBrush(QColor(c.text))
            axis.setGridLineColor(grid)
            axis.setLinePenColor(QColor(c.control_border))
        self.colour_series(c)

    def colour_series(self, c: style.Colours) -> None:
        """Subclasses colour their series from the tokens."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange,
                            QEvent.Type.FontChange) and not self._restyling:
            # the theme records its name after the palette has gone out: read it next turn
            self._restyling = True
            QTimer.singleShot(0, self, self._restyle)

    def _restyle(self) -> None:
        self._restyling = False
        self.refresh_theme()
        self.relabel()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.relabel()

    def relabel(self) -> None:
        """Subclasses re-pick the axis labels that fit the width."""

    def clear_chart(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)


def _pen(colour: str, width: float, dashed: bool = False) -> QPen:
    pen = QPen(QColor(colour))
    pen.setWidthF(width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class IndexedChart(ThemedChartView):
    """A chart over slots 0..n-1 (weeks, months or days) with a fitted category axis."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.slot_texts: list[str] = []
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)

    def labelled_slots(self) -> list[int]:
        fm = QFontMetricsF(self.font())
        width = self.chart().plotArea().width() or float(self.width())
        slot = width / max(1, len(self.slot_texts))
        return fitted_labels(self.slot_texts, slot, fm.horizontalAdvance, fm.height())

    def relabel(self) -> None:
        if not self.slot_texts:
            return
        for label in list(self.x_axis.categoriesLabels()):
            self.x_axis.remove(label)
        for i in self.labelled_slots():
            self.x_axis.append(self.slot_texts[i], float(i))
        self.x_axis.setRange(-0.5, len(self.slot_texts) - 0.5)
        self.x_axis.setStartValue(-0.5)

    def attach_x(self) -> None:
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.chart().addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)


class TrendChart(IndexedChart):
    """Average mood (1-5, left) and the share of difficult emotions (%, right) per period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Trend chart: mood and difficult emotions by period", parent)
        self.mood = QLineSeries()
        self.negative = QLineSeries()

    def set_periods(self, periods: Sequence[Period], period: str, text: str) -> None:
        self.clear_chart()
        chart = self.chart()
        self.slot_texts = [day_text(p.start) if period == "week" else f"{p.start:%b %Y}"
                           for p in periods]
        self.mood = _named("Average mood (1-5)")
        self.negative = _named("Difficult emotions in your words (%)")
        for series in (self.mood, self.negative):
            series.setPointsVisible(True)
        for i, p in enumerate(periods):
            if p.mood is not None:
                self.mood.append(QPointF(i, p.mood))
            if p.shares:
                self.negative.append(QPointF(i, p.negative * 100))
        chart.addSeries(self.mood)
        chart.addSeries(self.negative)
        self.attach_x()
        left, right = QValueAxis(), QValueAxis()
        left.setRange(1, 5)
        left.setTickCount(5)
        left.setLabelFormat("%d")
        left.setTitleText("Mood")
        right.setRange(0, 100)
        right.setTickCount(5)
        right.setLabelFormat("%d %%")
        right.setTitleText("Difficult emotions")
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        self.mood.attachAxis(self.x_axis)
        self.mood.attachAxis(left)
        self.negative.attachAxis(self.x_axis)
        self.negative.attachAxis(right)
        self.relabel()
        self.refresh_theme()
        self.set_description(text)

    def colour_series(self, c: style.Colours) -> None:
        self.mood.setPen(_pen(c.accent, 3))
        self.mood.setColor(QColor(c.accent))
        self.negative.setPen(_pen(c.warning, 2, dashed=True))
        self.negative.setColor(QColor(c.warning))


class BacktestChart(IndexedChart):
    """The back-test: what happened, what the forecast said, and yesterday's value again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Forecast back-test chart", parent)
        self.actual = QLineSeries()
        self.model = QLineSeries()
        self.naive = QLineSeries()

    def set_days(self, days: Sequence[BacktestDay], target: str, text: str) -> None:
        self.clear_chart()
        chart = self.chart()
        self.slot_texts = [day_text(b.day) for b in days]
        self.actual = _named(f"Your {target}")
        self.model = _named("Forecast")
        self.naive = _named("Simple guess: the day before")
        for i, b in enumerate(days):
            self.actual.append(QPointF(i, b.actual))
            self.model.append(QPointF(i, b.model))
            self.naive.append(QPointF(i, b.last))
        for series in (self.naive, self.actual, self.model):
            chart.addSeries(series)
        self.attach_x()
        y = QValueAxis()
        y.setRange(1, 5)
        y.setTickCount(5)
        y.setLabelFormat("%d")
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for series in (self.naive, self.actual, self.model):
            series.attachAxis(self.x_axis)
            series.attachAxis(y)
        self.relabel()
        self.refresh_theme()
        self.set_description(text)

    def colour_series(self, c: style.Colours) -> None:
        self.actual.setPen(_pen(c.text, 2))
        self.model.setPen(_pen(c.accent, 3))
        self.naive.setPen(_pen(c.muted, 1.5, dashed=True))


class ForestChart(ThemedChartView):
    """One row per compared factor: the mood difference (dot) and its 95 % interval (line);
    findings in the accent colour, the others muted; a line at zero (no difference)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("What goes with mood: differences with 95 % intervals", parent)
        self.rows: list[Association] = []
        self._lines: list[tuple[QLineSeries, bool]] = []
        self._dots: list[tuple[QScatterSeries, bool]] = []
        self._zero = QLineSeries()
        self.chart().legend().hide()

    def set_rows(self, rows: Sequence[Association], text: str) -> None:
        self.clear_chart()
        chart = self.chart()
        self.rows = list(rows)
        self._lines, self._dots = [], []
        n = len(self.rows)
        x = QValueAxis()
        widest = max([1.0, *(max(abs(a.low), abs(a.high)) for a in self.rows)])
        span = math.ceil(widest * 2 + 0.2) / 2  # half points, with a little room
        x.setRange(-span, span)
        x.setTickCount(int(min(9, 4 * span + 1)) if span <= 2 else 5)
        x.setLabelFormat("%+.1f")
        x.setTitleText("Difference in mood (points on the 1-5 scale)")
        y = QCategoryAxis()
        y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        y.setTruncateLabels(False)  # the longest factor's name stays whole at 200 % text
        y.setRange(-0.5, max(0.5, n - 0.5))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        self._zero = QLineSeries()
        self._zero.append(0.0, -0.5)
        self._zero.append(0.0, max(0.5, n - 0.5))
        chart.addSeries(self._zero)
        self._zero.attachAxis(x)
        self._zero.attachAxis(y)
        for i, a in enumerate(reversed(self.rows)):
            line = QLineSeries()
            line.append(a.low, i)
            line.append(a.high, i)
            dot = QScatterSeries()
            dot.append(a.diff, i)
            dot.setMarkerSize(self.fontMetrics().height() * 0.6)
            for series in (line, dot):
                chart.addSeries(series)
                series.attachAxis(x)
                series.attachAxis(y)
            self._lines.append((line, a.finding))
            self._dots.append((dot, a.finding))
            mark = " *" if a.finding else ""
            y.append(f"{a.factor.label}{mark} (n={a.n_with}/{a.n_without})", float(i))
        self.refresh_theme()
        self.set_description(text)
        self.setMinimumHeight(self.fontMetrics().height() * max(8, 2 * n + 5))

    def colour_series(self, c: style.Colours) -> None:
        self._zero.setPen(_pen(c.control_border, 1, dashed=True))
        for line, found in self._lines:
            line.setPen(_pen(c.accent if found else c.muted, 3 if found else 2))
        for dot, found in self._dots:
            dot.setColor(QColor(c.accent if found else c.muted))
            dot.setBorderColor(QColor(c.text))
