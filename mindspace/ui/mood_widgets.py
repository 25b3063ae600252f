"""Widgets used by the mood screen: the 30-day chart, choice lists and the vocabulary editor.

The chart is also the clinician screen's view of shared moods."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mindspace.app.insights import fill_mood_days, mood_day_text, mood_level, mood_summary
from mindspace.core.entities import MOOD_WORDS
from mindspace.core.rules import SCALE_VALUES, format_day
from mindspace.ui.chart_axis import AxisLabel, DayChart
from mindspace.ui.themes import mood_colour


class MoodPlot(DayChart):
    """Daily average mood as coloured bars (1-5), one slot per day; a painted widget.

    Each bar carries its mood colour and the axis names the words, so colour is never the only
    cue. A day without check-ins keeps its slot and shows a small hollow mark.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[tuple[str, float | None]] = []
        self.counts: dict[str, int] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        h = self.fontMetrics().height()
        return QSize(h * 30, h * 13)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API (follows the text size)
        h = self.fontMetrics().height()
        return QSize(h * 12, h * 11)

    def slot_days(self) -> list[date]:
        return [date.fromisoformat(d) for d, _ in self.days]

    def left_margin(self, fm: QFontMetricsF) -> float:
        return max(fm.horizontalAdvance(w) for w in MOOD_WORDS.values()) + fm.height() / 2

    def text_at(self, index: int) -> str:
        day, value = self.days[index]
        count = self.counts.get(day, 0) if self.counts is not None else None
        return mood_day_text(day, value, count)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_colour = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text_colour)
        grid.setAlpha(70)
        fm = QFontMetricsF(self.font())
        plot = self.plot_rect()

        def y_for(value: float) -> float:
            return plot.bottom() - (value - 0.5) / 5.0 * plot.height()

        for level in SCALE_VALUES:
            y = y_for(level)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y - fm.height() / 2, plot.left() - fm.height() / 4, fm.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                MOOD_WORDS[level],
            )
        slot = self.slot_width()
        bar = slot * 0.7 if slot >= 5 else slot
        mark = max(1.5, min(slot * 0.25, fm.height() / 5))
        for i, (_day, value) in enumerate(self.days):
            x = plot.left() + i * slot
            if value is None:
                painter.setPen(QPen(grid, 1))
                painter.drawEllipse(QPointF(x + slot / 2, plot.bottom() - mark - 1), mark, mark)
                continue
            colour = QColor(mood_colour(mood_level(value)))
            top_y = y_for(value)
            rect = QRectF(x + (slot - bar) / 2, top_y, bar, plot.bottom() - top_y)
            painter.fillRect(rect, colour)
            if slot >= 5:
                painter.setPen(QPen(text_colour, 1))
                painter.drawRect(rect)
        self.paint_frame(painter)
        if not self.days or all(v is None for _, v in self.days):
            painter.setPen(text_colour)
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter),
                             "No data yet" if not self.days else "No check-ins yet")
        painter.end()


class MoodChart(QWidget):
    """The mood plot with its caption: the summary in words, also the accessible description.

    `set_data` takes (YYYY-MM-DD, mean mood or None) per day, oldest first; missing days between
    the first and the last are added as gaps. `counts` (check-ins per day), when given, go into
    the tooltips and the average.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Mood over the last 30 days")
        self.plot = MoodPlot(self)
        self.plot.setAccessibleName("Mood chart")
        self.caption = QLabel(wordWrap=True)
        self.caption.setAccessibleName("Mood summary")
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        self.set_data([])

    def set_data(
        self, days: list[tuple[str, float | None]], counts: Mapping[str, int] | None = None
    ) -> None:
        self.plot.days = fill_mood_days(days)
        self.plot.counts = dict(counts) if counts is not None else None
        self.plot.current = None
        text = self.summary()
        self.caption.setText(text if days else "")
        self.setAccessibleDescription(text)
        self.plot.setAccessibleDescription(text)
        self.plot.update()

    def data(self) -> list[tuple[str, float | None]]:
        return list(self.plot.days)

    def summary(self) -> str:
        return mood_summary(self.plot.days, self.plot.counts)

    def tooltip_for(self, day: date | str) -> str:
        """The text shown when the pointer rests on `day`."""
        key = format_day(day)
        days = [d for d, _ in self.plot.days]
        if key in days:
            return self.plot.text_at(days.index(key))
        return mood_day_text(key, None, 0 if self.plot.counts is not None else None)

    def axis_labels(self) -> list[AxisLabel]:
        return self.plot.axis_labels()

    def clear(self) -> None:
        self.set_data([])


class ChoiceList(QListWidget):
    """A wrapping list of checkable words (emotions or activities).

    Words are never cut short: when the width is short they wrap onto more rows and the list
    grows in height (it never scrolls; the page around it does).
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(2)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._hinted_height = -1
        self.itemActivated.connect(self._toggle)

    def _item_sizes(self) -> list[QSize]:
        return [self.sizeHintForIndex(self.model().index(i, 0)) for i in range(self.count())]

    def _frame(self) -> int:
        """Border and padding around the viewport (the style sheet pads item views)."""
        m = self.contentsMargins()
        return max(m.left() + m.right(), m.top() + m.bottom(), self.frameWidth() * 2)

    def height_for(self, width: int) -> int:
        """The height that shows every word when the list is `width` pixels wide."""
        gap = self.spacing()
        room = max(1, width - self._frame())
        x, y, row = gap, gap, 0
        for size in self._item_sizes():  # as QListView places them: `gap` on every side
            if x > gap and x + size.width() > room:
                x, y, row = gap, y + row + gap * 2, 0
            x += size.width() + gap * 2
            row = max(row, size.height())
        lines = y + row + gap * 2
        return max(lines, self.fontMetrics().height() + gap * 2) + self._frame()

    def _width(self) -> int:
        return self.width() if self.width() > 0 else self.sizeHint().width()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        widest = max((s.width() for s in self._item_sizes()), default=0)
        width = widest + self.spacing() * 2 + self._frame()
        return QSize(width, self.height_for(max(width, self._width())))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        width = self.fontMetrics().height() * 16
        return QSize(width, self.height_for(self.width() if self.width() > 0 else width))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._refit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_items()
            self._hinted_height = -1
            self._refit()

    def _size_items(self) -> None:
        """Room for each whole word, its check box and padding (the style sheet's check box
        follows the text size, which Qt's own item size does not count)."""
        fm = self.fontMetrics()
        line = fm.height()
        for i in range(self.count()):
            item = self.item(i)
            item.setSizeHint(QSize(fm.horizontalAdvance(item.text()) + line * 2, line + line // 2))

    def _refit(self) -> None:
        height = self.height_for(self._width())
        if height != self._hinted_height:
            self._hinted_height = height
            self.updateGeometry()

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def set_words(self, words: list[str], checked: list[str] | None = None) -> None:
        keep = {w.casefold() for w in (checked if checked is not None else self.checked())}
        self.clear()
        extra = [w for w in (checked or []) if w.casefold() not in {x.casefold() for x in words}]
        for word in [*words, *extra]:
            item = QListWidgetItem(word)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable
            )
            state = Qt.CheckState.Checked if word.casefold() in keep else Qt.CheckState.Unchecked
            item.setCheckState(state)
            self.addItem(item)
        self._size_items()
        self._hinted_height = -1
        self._refit()

    def words(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def checked(self) -> list[str]:
        return [
            self.item(i).text()
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, words: list[str]) -> None:
        self.set_words(self.words(), checked=words)


class VocabularyDialog(QDialog):
    """Edit the emotion and activity lists: one word or short phrase per line."""

    def __init__(
        self, emotions: list[str], activities: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit emotions and activities")
        self.emotions_edit = QPlainTextEdit("\n".join(emotions))
        self.emotions_edit.setAccessibleName("Emotions, one per line")
        self.emotions_edit.setTabChangesFocus(True)
        self.activities_edit = QPlainTextEdit("\n".join(activities))
        self.activities_edit.setAccessibleName("Activities, one per line")
        self.activities_edit.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName("Save lists")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        for title, edit in (("Emotions", self.emotions_edit), ("Activities", self.activities_edit)):
            col = QVBoxLayout()
            caption = QLabel(title + ":")
            caption.setBuddy(edit)
            col.addWidget(caption)
            col.addWidget(edit)
            columns.addLayout(col)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("One word or short phrase per line (at most 40 characters each)."))
        layout.addLayout(columns)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.emotions_edit, self.activities_edit)

    @staticmethod
    def _lines(edit: QPlainTextEdit) -> list[str]:
        return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]

    def emotions(self) -> list[str]:
        return self._lines(self.emotions_edit)

    def activities(self) -> list[str]:
        return self._lines(self.activities_edit)
