"""The Questionnaires page: fill in the PHQ-9, GAD-7 or WHO-5, see the result with its range and
reliable change, the history per instrument as a chart with a text alternative, and the schedule.

Items and response labels are shown exactly as written in the shipped file. Keyboard first: the
number keys pick the option with that value for the current question, Enter moves to the next
one (and saves after the last), Up/Down move between questions. "One question at a time" shows a
single item; otherwise all items are on one page. A PHQ-9 item-9 answer other than "Not at all"
opens the support panel (safety plan and crisis lines) at once, before the form is finished.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.measures import MeasureResult
from mindspace.core.questionnaires import ASKED, NOT_A_DIAGNOSIS, Instrument, catalog
from mindspace.core.questionnaires import safety_followup_needed as needs_followup
from mindspace.ui.announce import announce
from mindspace.ui.chart_axis import DayChart
from mindspace.ui.tasks import default_runner, describe_error
from mindspace.ui.widgets import flow_row, role_label

ITEM9_TEXT = (
    "Thank you for answering question 9 honestly. Thoughts like these matter, whatever your other "
    "answers. Please consider reaching out now: your safety plan and crisis lines are below. "
    "Your therapist will see this answer if you share your questionnaires."
)
SCHEDULE_CHOICES = ((0, "No reminder"), (7, "Every week"), (14, "Every 2 weeks"),
                    (28, "Every 4 weeks"), (56, "Every 8 weeks"), (84, "Every 12 weeks"))


class ItemBox(QGroupBox):
    """One item: its text as written and its options as radio buttons (value shown first)."""

    answered = Signal(str, int)

    def __init__(self, instrument: Instrument, index: int, parent: QWidget | None = None) -> None:
        item = instrument.scored_items[index]
        super().__init__(f"{item.number}.", parent)
        self.item_id = item.id
        self.setAccessibleName(f"Question {item.number}: {item.text}")
        self.text = QLabel(item.text, wordWrap=True)
        self.text.setAccessibleName(f"Question {item.number}")
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.buttons: dict[int, QRadioButton] = {}
        for option in item.options:
            button = QRadioButton(f"{option.value}   {option.label}")
            button.setAccessibleName(option.label)
            button.setAccessibleDescription(f"press {option.value}")
            self.group.addButton(button, option.value)
            self.buttons[option.value] = button
            layout.addWidget(button)
        self.group.idClicked.connect(lambda value: self.answered.emit(self.item_id, value))

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked

    def choose(self, value: int) -> bool:
        button = self.buttons.get(value)
        if button is None:
            return False
        button.setChecked(True)
        button.setFocus()
        self.answered.emit(self.item_id, value)
        return True


class MeasurePlot(DayChart):
    """Scores over time, one slot per completed form; the band limits as faint lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[date, int, str]] = []  # (day, score, text)
        self.low, self.high = 0, 27
        self.cuts: list[int] = []

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        h = self.fontMetrics().height()
        return QSize(h * 30, h * 12)

    def slot_days(self) -> list[date]:
        return [p[0] for p in self.points]

    def text_at(self, index: int) -> str:
        return self.points[index][2]

    def left_margin(self, fm: QFontMetricsF) -> float:
        return fm.horizontalAdvance(str(self.high)) + fm.height()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        grid = pal.color(QPalette.ColorRole.Mid)
        fm = QFontMetricsF(self.font())
        plot = self.plot_rect()
        span = max(1, self.high - self.low)

        def y_for(value: float) -> float:
            return plot.bottom() - (value - self.low) / span * plot.height()

        for cut in [self.low, *self.cuts, self.high]:
            y = y_for(cut)
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 4, fm.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             str(cut))
        slot = self.slot_width()
        line = pal.color(QPalette.ColorRole.Highlight)
        previous: QPointF | None = None
        for i, (_day, value, _t) in enumerate(self.points):
            point = QPointF(plot.left() + (i + 0.5) * slot, y_for(value))
            painter.setPen(QPen(line, 2))
            if previous is not None:
                painter.drawLine(previous, point)
            painter.setBrush(line)
            painter.drawEllipse(point, 3.5, 3.5)
            previous = point
        self.paint_frame(painter)
        if not self.points:
            painter.setPen(text)
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), "No results yet")
        painter.end()


class QuestionnaireScreen(QWidget):
    """Fill in, results, history and schedule (see the module docstring)."""

    saved = Signal(object)  # MeasureResult
    history_shown = Signal()
    _BACK = (Qt.Key.Key_Up,)
    _NEXT = (Qt.Key.Key_Down,)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from mindspace.ui.crisis_panel import CrisisPanel

        self.services = services
        self.runner = default_runner()
        self.setAccessibleName("Questionnaires")
        self.catalog = catalog()
        self.instrument: Instrument = self.catalog.get("phq9")
        self.boxes: list[ItemBox] = []
        self.current = 0
        self.last_result: MeasureResult | None = None

        self.crisis_panel = CrisisPanel(services, self)
        self.crisis_panel.note.setText(
            "Question 9 cannot tell passing thoughts from plans; only a person can assess "
            "that. This is not a diagnosis."
        )
        self.picker = QComboBox()
        self.picker.setAccessibleName("Questionnaire")
        for inst_id in ASKED:
            inst = self.catalog.get(inst_id)
            self.picker.addItem(inst.name, inst_id)
        self.one_at_a_time = QCheckBox("One question at a time")
        self.one_at_a_time.setAccessibleName("One question at a time")
        self.one_at_a_time.toggled.connect(lambda _on: self.go_to(self.current))
        self.start_button = QPushButton("&Start")
        self.start_button.setAccessibleName("Start the questionnaire")
        self.start_button.clicked.connect(self.start)
        self.instructions = role_label("")
        self.instructions.setAccessibleName("Instructions")
        self.progress = role_label("", "muted")
        self.progress.setAccessibleName("Question number")
        self.form = QWidget()
        self.form_layout = QVBoxLayout(self.form)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.save_button = QPushButton("Sa&ve answers")
        self.save_button.setAccessibleName("Save answers")
        self.save_button.clicked.connect(self.submit)
        self.save_button.setEnabled(False)
        self.result_label = role_label("")
        self.result_label.setAccessibleName("Result")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = role_label("", "error")
        self.error_label.setAccessibleName("Questionnaire problem")
        self.error_label.hide()
        self.licence_label = role_label("", "muted")
        self.licence_label.setAccessibleName("Licence")

        self.history_picker = QComboBox()
        self.history_picker.setAccessibleName("History of questionnaire")
        for inst_id in ASKED:
            self.history_picker.addItem(self.catalog.get(inst_id).short_name, inst_id)
        self.history_picker.currentIndexChanged.connect(lambda _i: self.load_history())
        self.plot = MeasurePlot(self)
        self.plot.setAccessibleName("Questionnaire results chart")
        self.history_text = role_label("")
        self.history_text.setAccessibleName("Questionnaire results in words")
        self.history_list = QListWidget()
        self.history_list.setAccessibleName("Questionnaire results")

        self.schedule_boxes: dict[str, QComboBox] = {}
        schedule = QFormLayout()
        for inst_id in ASKED:
            box = QComboBox()
            name = self.catalog.get(inst_id).short_name
            box.setAccessibleName(f"{name} reminder")
            for days, text in SCHEDULE_CHOICES:
                box.addItem(text, days)
            box.activated.connect(lambda _i, k=inst_id: self.save_schedule(k))
            self.schedule_boxes[inst_id] = box
            schedule.addRow(name, box)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(role_label("Questionnaires", "heading"))
        layout.addWidget(role_label(NOT_A_DIAGNOSIS, "muted"))
        layout.addWidget(flow_row(self.picker, self.one_at_a_time, self.start_button))
        layout.addWidget(self.instructions)
        layout.addWidget(self.progress)
        layout.addWidget(self.form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result_label)
        layout.addWidget(self.licence_label)
        layout.addWidget(role_label("History", "subheading"))
        layout.addWidget(self.history_picker)
        layout.addWidget(self.plot)
        layout.addWidget(self.history_text)
        layout.addWidget(self.history_list)
        sched = QGroupBox("Reminders on the Today page")
        sched.setLayout(schedule)
        layout.addWidget(sched)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName("Questionnaires page")
        outer = QVBoxLayout(self)
        outer.addWidget(self.crisis_panel)
        outer.addWidget(scroll, 1)
        self.start()
        self.load_history()
        self.load_schedule()

    # ---- filling in --------------------------------------------------------------------------
    def start(self, instrument_id: str | None = None) -> None:
        """Show a blank form of the chosen (or given) questionnaire."""
        if instrument_id is not None:
            self.picker.setCurrentIndex(self.picker.findData(instrument_id))
        self.instrument = self.catalog.get(str(self.picker.currentData()))
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        inst = self.instrument
        stem = f" {inst.item_stem}:" if inst.item_stem else ""
        self.instructions.setText(inst.instructions + stem)
        for index in range(len(inst.scored_ids)):
            box = ItemBox(inst, index, self.form)
            box.answered.connect(self._answered)
            self.form_layout.addWidget(box)
            self.boxes.append(box)
        self.licence_label.setText(inst.license)
        self.result_label.clear()
        self.error_label.hide()
        self.save_button.setEnabled(False)
        self.go_to(0)

    def go_to(self, index: int) -> None:
        self.current = max(0, min(len(self.boxes) - 1, index))
        single = self.one_at_a_time.isChecked()
        for i, box in enumerate(self.boxes):
            box.setVisible(not single or i == self.current)
            box.setProperty("current", i == self.current)
        box = self.boxes[self.current]
        self.progress.setText(f"Question {self.current + 1} of {len(self.boxes)}")
        value = box.value()
        target = box.buttons[value] if value is not None else next(iter(box.buttons.values()))
        target.setFocus()

    def answers(self) -> list[int | None]:
        return [box.value() for box in self.boxes]

    def _answered(self, item_id: str, value: int) -> None:
        self.save_button.setEnabled(all(v is not None for v in self.answers()))
        if needs_followup(self.instrument, {item_id: value}):
            self.open_support()

    def open_support(self) -> None:
        self.crisis_panel.show_for("urgent", owner=("measure", None), text=ITEM9_TEXT)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if not self.boxes:
            super().keyPressEvent(event)
            return
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            if self.boxes[self.current].choose(key - Qt.Key.Key_0):
                return
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next_question()
            return
        elif key in self._BACK:
            self.go_to(self.current - 1)
            return
        elif key in self._NEXT:
            self.go_to(self.current + 1)
            return
        super().keyPressEvent(event)

    def next_question(self) -> None:
        """Enter: the next question, or save after the last when everything is answered."""
        if self.current < len(self.boxes) - 1:
            self.go_to(self.current + 1)
        elif all(v is not None for v in self.answers()):
            self.submit()
        else:
            missing = next(i for i, v in enumerate(self.answers()) if v is None)
            self.go_to(missing)
            announce(self, f"Question {missing + 1} has no answer yet")

    def submit(self) -> None:
        answers = self.answers()
        if any(v is None for v in answers):
            return
        self.save_button.setEnabled(False)
        self.runner.submit(self.services.measures().record, self.instrument.id, answers,
                           owner=self, on_success=self._saved, on_failure=self._failed,
                           name="measure-save")

    def _saved(self, result: MeasureResult) -> None:
        self.last_result = result
        lines = [result.score.summary(), result.change_text()]
        lines += [s.summary() for s in result.short_forms]
        if result.score.further_assessment:
            lines.append("This result suggests talking it over with a clinician.")
        self.result_label.setText("\n".join(lines))
        announce(self, lines[0])
        if result.score.safety_followup:
            self.open_support()
        self.history_picker.setCurrentIndex(self.history_picker.findData(result.record.instrument))
        self.load_history()
        self.saved.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.error_label.setText(describe_error(exc))
        self.error_label.show()
        self.save_button.setEnabled(True)

    # ---- history and schedule ----------------------------------------------------------------
    def load_history(self) -> None:
        if not self.services.is_unlocked:
            return
        inst_id = str(self.history_picker.currentData())
        def show(rows: list[MeasureResult]) -> None:
            self._show_history(inst_id, rows)

        self.runner.submit(self.services.measures().history, inst_id, owner=self,
                           on_success=show,
                           on_failure=self._failed, name="measure-history")

    def _show_history(self, inst_id: str, rows: list[MeasureResult]) -> None:
        inst = self.catalog.get(inst_id)
        scored = [r for r in rows if r.score.total is not None]
        self.plot.low, self.plot.high = inst.min, inst.max
        self.plot.cuts = [b.min for b in inst.bands[1:]]
        self.plot.points = [(r.record.taken_at.date(), int(r.score.total or 0),
                             f"{r.record.taken_at:%d %b %Y}: {r.score.summary()}")
                            for r in scored]
        self.plot.current = None
        self.plot.update()
        self.history_list.clear()
        for r in reversed(rows):
            alert = " · item 9 answered" if r.score.safety_followup else ""
            change = f" · {r.reliable_change}" if r.reliable_change else ""
            self.history_list.addItem(f"{r.record.taken_at:%d %b %Y}  {r.score.summary()}"
                                      f"{change}{alert}")
        direction = "higher is better" if inst.higher_is_better else "lower is better"
        if scored:
            last = scored[-1]
            words = (f"{inst.short_name}, {len(scored)} result(s), {direction}. "
                     f"Latest: {last.score.summary()}. {last.change_text()}")
        else:
            words = f"No {inst.short_name} results yet."
        self.history_text.setText(words)
        self.plot.setAccessibleDescription(words)
        self.history_shown.emit()

    def load_schedule(self) -> None:
        if not self.services.is_unlocked:
            return
        self.runner.submit(self.services.measures().schedule, owner=self,
                           on_success=self._show_schedule, on_failure=self._failed,
                           name="measure-schedule")

    def _show_schedule(self, schedule: dict[str, int]) -> None:
        for inst_id, box in self.schedule_boxes.items():
            index = box.findData(schedule.get(inst_id, 14))
            if index < 0:
                box.addItem(f"Every {schedule[inst_id]} days", schedule[inst_id])
                index = box.count() - 1
            box.setCurrentIndex(index)

    def save_schedule(self, inst_id: str) -> None:
        days = int(self.schedule_boxes[inst_id].currentData())
        self.runner.submit(self.services.measures().set_schedule, inst_id, days, owner=self,
                           on_failure=self._failed, name="measure-schedule-save")

    def clear(self) -> None:
        """Forget every answer and result shown (the vault is locking)."""
        for box in self.boxes:
            box.group.setExclusive(False)
            for button in box.buttons.values():
                button.setChecked(False)
            box.group.setExclusive(True)
        self.result_label.clear()
        self.history_list.clear()
        self.history_text.clear()
        self.plot.points = []
        self.plot.update()
        self.last_result = None

    def current_answers(self) -> dict[str, Any]:
        return {box.item_id: box.value() for box in self.boxes}
