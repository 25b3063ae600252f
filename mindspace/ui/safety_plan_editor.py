"""Safety-plan editor: the seven Stanley-Brown steps, one item per line, saved in the vault.

Loading and saving run through the task runner; locking the vault clears the fields. Save with
the button or Ctrl+S. Invalid input (over-long items) shows a one-line message and keeps the
text in the editor so nothing is lost.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.core.entities import SAFETY_PLAN_STEPS
from mindspace.ui.announce import announce
from mindspace.ui.tasks import default_runner, describe_error
from mindspace.ui.widgets import role_label

HINTS = {
    "warning_signs": "Thoughts, moods or situations that tell me a crisis may be starting",
    "coping_strategies": "Things I can do on my own to take my mind off things",
    "distractions": "People and places that help me feel better",
    "people_to_ask": "People I can ask for help (name and number)",
    "professionals": "My therapist, doctor, crisis lines",
    "safe_environment": "How I can make my surroundings safer",
    "reasons_for_living": "What matters most to me and is worth living for",
}


class SafetyPlanEditor(QWidget):
    saved = Signal()
    loaded = Signal()
    _locked = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setAccessibleName("Safety plan")
        self.editors: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for step, title in SAFETY_PLAN_STEPS:
            edit = QPlainTextEdit()
            edit.setPlaceholderText(HINTS[step] + " (one per line)")
            edit.setAccessibleName(title)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(72)
            self.editors[step] = edit
            form.addRow(QLabel(f"<b>{title}</b>"), edit)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setAccessibleName("Safety plan steps")
        # not a stop of its own: Tab goes from field to field and the area follows the focus
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save_button = QPushButton("&Save plan")
        self.save_button.setAccessibleName("Save safety plan")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setAccessibleName("Safety plan status")
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(role_label("A plan you write for yourself, for hard moments. It stays "
                                    "encrypted on this device."))
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        # reading order, set once every field sits in this window (Qt ignores it before)
        order = [*self.editors.values(), self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)
        self._locked.connect(self.clear)
        services.add_lock_listener(self._on_lock)
        forget = self._on_lock
        self.destroyed.connect(lambda *_: services.remove_lock_listener(forget))
        self.reload()

    def plan(self) -> dict[str, list[str]]:
        return {step: [ln.strip() for ln in e.toPlainText().splitlines() if ln.strip()]
                for step, e in self.editors.items()}

    def reload(self) -> None:
        if not self._services.is_unlocked:
            self.clear()
            return
        self.status.setText("Loading…")
        default_runner().submit(lambda: self._services.analyses.safety_plan(), owner=self,
                                on_success=self._fill, on_failure=self._failed,
                                name="safety-plan-load")

    def save(self) -> None:
        if not self._services.is_unlocked:
            self.status.setText("Unlock MindSpace to save your plan.")
            announce(self.status, self.status.text(), assertive=True)
            return
        plan = self.plan()
        self.save_button.setEnabled(False)
        self.status.setText("Saving…")
        default_runner().submit(self._services.analyses.save_safety_plan, plan, owner=self,
                                on_success=self._saved, on_failure=self._failed,
                                name="safety-plan-save")

    def clear(self) -> None:
        for edit in self.editors.values():
            edit.clear()
        self.status.clear()

    def _fill(self, plan: dict[str, list[str]]) -> None:
        for step, edit in self.editors.items():
            edit.setPlainText("\n".join(plan.get(step, [])))
        self.status.clear()
        self.loaded.emit()

    def _saved(self, _plan: object) -> None:
        self.save_button.setEnabled(True)
        self.status.setText("Saved.")
        announce(self.status, "Safety plan saved.")
        self.saved.emit()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(describe_error(exc))
        announce(self.status, self.status.text(), assertive=True)

    def _on_lock(self) -> None:  # locking thread
        if shiboken6.isValid(self):
            self._locked.emit()
