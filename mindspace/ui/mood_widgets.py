"""Widgets used by the mood screen: the 30-day chart, choice lists and the vocabulary editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
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

from mindspace.core.entities import MOOD_COLOURS, MOOD_WORDS
from mindspace.core.rules import SCALE_VALUES


class MoodChart(QWidget):
    """Daily average mood as coloured bars (1-5) for the last N days; a painted widget.

    Each bar carries its mood colour and the axis names the words, so colour is never the only
    cue. The accessible description summarises the data in words.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._days: list[tuple[str, float | None]] = []
        self.setAccessibleName("Mood over the last 30 days")
        self.setMinimumHeight(self.fontMetrics().height() * 11)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        h = self.fontMetrics().height()
        return QSize(h * 30, h * 13)

    def set_data(self, days: list[tuple[str, float | None]]) -> None:
        self._days = list(days)
        self.setAccessibleDescription(self.summary())
        self.update()

    def data(self) -> list[tuple[str, float | None]]:
        return list(self._days)

    def summary(self) -> str:
        values = [v for _, v in self._days if v is not None]
        if not values:
            return f"No check-ins in the last {len(self._days)} days."
        mean = sum(values) / len(values)
        word = MOOD_WORDS[max(1, min(5, round(mean)))]
        return (
            f"Check-ins on {len(values)} of the last {len(self._days)} days; "
            f"average mood {mean:.1f} ({word}), "
            f"lowest {min(values):.1f}, highest {max(values):.1f}."
        )

    def clear(self) -> None:
        self.set_data([])

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_colour = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text_colour)
        grid.setAlpha(60)
        fm = self.fontMetrics()
        left = max(fm.horizontalAdvance(w) for w in MOOD_WORDS.values()) + 12
        top, bottom = fm.height() // 2 + 2, fm.height() * 2 + 4
        plot = QRectF(
            left, top, max(10, self.width() - left - 8), max(10, self.height() - top - bottom)
        )

        def y_for(value: float) -> float:
            return plot.bottom() - (value - 0.5) / 5.0 * plot.height()

        painter.setPen(QPen(grid, 1))
        for level in SCALE_VALUES:
            y = y_for(level)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, y - fm.height() / 2, left - 6, fm.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                MOOD_WORDS[level],
            )
            painter.setPen(QPen(grid, 1))
        n = len(self._days)
        if n == 0:
            painter.setPen(text_colour)
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), "No data yet")
            return
        slot = plot.width() / n
        for i, (day, value) in enumerate(self._days):
            x = plot.left() + i * slot
            if value is not None:
                colour = QColor(MOOD_COLOURS[max(1, min(5, round(value)))])
                top_y = y_for(value)
                rect = QRectF(x + slot * 0.15, top_y, slot * 0.7, plot.bottom() - top_y)
                painter.fillRect(rect, colour)
                painter.setPen(QPen(text_colour, 1))
                painter.drawRect(rect)
            if (n - 1 - i) % 7 == 0:  # today and every week before it
                painter.setPen(text_colour)
                label = date.fromisoformat(day).strftime("%d %b")
                width = fm.horizontalAdvance(label)
                lx = min(max(0.0, x + slot / 2 - width / 2), self.width() - width - 2.0)
                painter.drawText(QPointF(lx, plot.bottom() + fm.height() + 2), label)
        if not any(v is not None for _, v in self._days):
            painter.setPen(text_colour)
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), "No check-ins yet")


class ChoiceList(QListWidget):
    """A wrapping list of checkable words (emotions or activities)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.setMaximumHeight(self.fontMetrics().height() * 6)
        self.itemActivated.connect(self._toggle)

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
