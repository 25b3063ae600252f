"""Emotion-over-time view: per-day mean emotion probabilities as painted stacked bars.

The data (``AnalysisStore.daily_emotions``) loads through the task runner; the range box picks
the last 7, 30 or 90 days. Colours are chosen to stay distinguishable for common colour-vision
deficiencies, and a text summary below the chart states the same figures for screen readers.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mindspace.app import AppServices
from mindspace.core.entities import DailyEmotions
from mindspace.core.wording import plural
from mindspace.ui.tasks import default_runner, describe_error

COLOURS = {
    "joy": "#e69f00", "sadness": "#0072b2", "fear": "#cc79a7", "anger": "#d55e00",
    "surprise": "#009e73", "disgust": "#56b4e9", "neutral": "#bbbbbb",
}
RANGES = ((7, "Last 7 days"), (30, "Last 30 days"), (90, "Last 90 days"))


class _Bars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[DailyEmotions] = []
        self.setMinimumHeight(160)

    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.days:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No analysed entries yet")
            return
        w = self.width() / max(1, len(self.days))
        h = self.height() - 4
        for i, day in enumerate(self.days):
            total = sum(day.means.values()) or 1.0
            y = float(self.height())
            for label in COLOURS:
                frac = day.means.get(label, 0.0) / total
                bar_h = frac * h
                painter.fillRect(QRectF(i * w + 1, y - bar_h, max(1.0, w - 2), bar_h),
                                 QColor(COLOURS[label]))
                y -= bar_h
        painter.end()


class EmotionTrends(QWidget):
    loaded = Signal(int)  # number of days with data

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setAccessibleName("Emotions over time")
        self.range_box = QComboBox()
        self.range_box.setAccessibleName("Time range")
        for days, title in RANGES:
            self.range_box.addItem(title, days)
        self.range_box.setCurrentIndex(1)
        self.range_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.bars = _Bars()
        self.bars.setAccessibleName("Emotion chart")
        self.summary = QLabel(wordWrap=True)
        self.summary.setAccessibleName("Emotion summary")
        legend = QHBoxLayout()
        for label, colour in COLOURS.items():
            swatch = QLabel(f"<span style='color:{colour}'>■</span> {label}")
            legend.addWidget(swatch)
        legend.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(QLabel("Show:"))
        top.addWidget(self.range_box)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.bars, 1)
        layout.addLayout(legend)
        layout.addWidget(self.summary)
        self.reload()

    def reload(self, today: date | None = None) -> None:
        if not self._services.is_unlocked:
            self._show([])
            return
        end = today or date.today()
        start = end - timedelta(days=int(self.range_box.currentData()) - 1)
        store = self._services.analyses
        default_runner().submit(store.daily_emotions, start, end, owner=self,
                                on_success=self._show, name="emotion-trends",
                                on_failure=lambda e: self.summary.setText(describe_error(e)))

    def _show(self, days: list[DailyEmotions]) -> None:
        self.bars.days = list(days)
        self.bars.update()
        if days:
            totals: dict[str, float] = {}
            for d in days:
                for k, v in d.means.items():
                    totals[k] = totals.get(k, 0.0) + v / len(days)
            top = sorted(totals.items(), key=lambda kv: -kv[1])[:3]
            self.summary.setText(f"{plural(len(days), 'day')} with entries. Most present: "
                                 + ", ".join(f"{k} ({v:.0%})" for k, v in top))
        else:
            self.summary.setText("No analysed entries in this range.")
        self.loaded.emit(len(days))
