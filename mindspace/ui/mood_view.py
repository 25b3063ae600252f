"""The mood screen's widgets and layout (no vault, no tasks): the form with the 1-5 mood and
energy buttons, the lists, sleep, note and time, the 30-day chart and the check-in list."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mindspace.core.entities import ENERGY_WORDS, MOOD_WORDS
from mindspace.core.validation import MAX_NOTE_CHARS
from mindspace.ui.keys import choice_keys, date_keys
from mindspace.ui.mood_widgets import ChoiceList, MoodChart
from mindspace.ui.themes import mood_colour
from mindspace.ui.widgets import ReflowSplitter, flow_row, role_label

NO_SLEEP = -0.5


def swatch(colour: str) -> QIcon:
    pix = QPixmap(16, 16)
    pix.fill(QColor(colour))
    return QIcon(pix)



class MoodView(QWidget):
    def _build_form(self) -> QSplitter:
        """The form, the chart and the list; the screen adds the support panel above."""
        self.heading = role_label("How are you feeling?", "subheading")
        self.mood_group = QButtonGroup(self)
        self.mood_group.setExclusive(True)
        mood_row = flow_row()
        self.mood_buttons: dict[int, QPushButton] = {}
        for value, word in MOOD_WORDS.items():
            button = QPushButton(f"&{value} {word}")
            button.setCheckable(True)
            button.setAccessibleName(f"Mood {value} of 5: {word}")
            button.setIcon(swatch(mood_colour(value)))
            self.mood_group.addButton(button, value)
            self.mood_buttons[value] = button
            mood_row.layout().addWidget(button)  # type: ignore[union-attr]
        energy_row = flow_row()
        self.energy_buttons: dict[int, QPushButton] = {}
        for value, word in ENERGY_WORDS.items():
            button = QPushButton(word)
            button.setCheckable(True)
            button.setAccessibleName(f"Energy {value} of 5: {word}")
            button.toggled.connect(lambda on, v=value: self._energy_toggled(v, on))
            self.energy_buttons[value] = button
            energy_row.layout().addWidget(button)  # type: ignore[union-attr]
        self.emotions = ChoiceList("Emotions")
        self.activities = ChoiceList("Activities")
        self.edit_lists_button = QPushButton("Edit &lists...")
        self.edit_lists_button.setAccessibleName("Edit the emotion and activity lists")
        self.sleep_spin = QDoubleSpinBox()
        self.sleep_spin.setRange(NO_SLEEP, 24.0)
        self.sleep_spin.setSingleStep(0.5)
        self.sleep_spin.setDecimals(1)
        self.sleep_spin.setSpecialValueText("not recorded")
        self.sleep_spin.setSuffix(" h")
        self.sleep_spin.setAccessibleName("Hours of sleep")
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(MAX_NOTE_CHARS)
        self.note_edit.setPlaceholderText("A short note (optional)")
        self.note_edit.setAccessibleName("Check-in note")
        self.when_edit = QDateTimeEdit()
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when_edit.setAccessibleName("Check-in date and time")
        choice_keys(self.mood_group)  # Enter and the digits 1-5 choose a mood
        date_keys(self.when_edit)  # Alt+Down opens the calendar; typed dates
        self.save_button = QPushButton("&Save check-in")
        self.save_button.setAccessibleName("Save check-in")
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        self.new_button = QPushButton("N&ew check-in")
        self.new_button.setAccessibleName("New check-in")
        self.delete_button = QPushButton("&Delete...")
        self.delete_button.setAccessibleName("Delete check-in")
        self.status = role_label("")
        self.status.setAccessibleName("Mood status")
        self.chart = MoodChart()
        self.history = QListWidget()
        self.history.setAccessibleName("Mood check-ins, newest first")
        self.history.setWordWrap(True)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Mood:", mood_row)
        form.addRow("Energy:", energy_row)
        form.addRow("Emotions:", self.emotions)
        form.addRow("Activities:", self.activities)
        form.addRow("", self.edit_lists_button)
        form.addRow("S&leep:", self.sleep_spin)
        form.addRow("N&ote:", self.note_edit)
        form.addRow("&When:", self.when_edit)
        buttons = flow_row(self.new_button, self.delete_button, self.save_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(self.heading)
        lv.addLayout(form)
        lv.addWidget(buttons)
        lv.addWidget(self.status)
        lv.addStretch(1)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.addWidget(role_label("Your last 30 days", "subheading"))
        rv.addWidget(self.chart)
        rv.addWidget(role_label("Check-ins", "subheading"))
        rv.addWidget(self.history, 1)
        splitter = ReflowSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        return splitter

    def _energy_toggled(self, value: int, on: bool) -> None:
        if on:  # behave like radio buttons that can also be switched off again
            for other, button in self.energy_buttons.items():
                if other != value and button.isChecked():
                    button.setChecked(False)

