"""Models page section: the personal emotion calibration learned from your corrections.

Shows whether a layer is in use and its held-out figure; "Learn from my corrections" trains a
candidate on the task runner (adopted only if it does better on your most recent corrections);
"Use previous layer" and "Turn off" roll back. ``changed`` is emitted after every action.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindspace.app import AppServices
from mindspace.app.personal_calibration import METRIC, Decision
from mindspace.ui.announce import announce
from mindspace.ui.tasks import default_runner, describe_error
from mindspace.ui.widgets import role_label


def _describe(state: dict[str, Any]) -> str:
    active = state["active"]
    if active is None:
        text = "No personal layer is in use: emotion labels come from the shipped model alone."
    else:
        text = (f"A personal layer is in use (since {active.get('trained_at', '?')}): {METRIC} "
                f"{active.get('candidate', float('nan')):.3f} against "
                f"{active.get('current', float('nan')):.3f} for the {active.get('against', '?')}"
                f" on {active.get('n_held', 0)} held-out corrections.")
    if state["previous"]:
        text += " A previous layer is kept and can be restored."
    return text


class CalibrationPanel(QGroupBox):
    changed = Signal(str)  # the sentence shown

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__("Personal emotion calibration", parent)
        self._services = services
        self.setAccessibleName("Personal emotion calibration")
        layout = QVBoxLayout(self)
        layout.addWidget(role_label(
            "When you correct emotion labels, MindSpace can learn a small adjustment for you. "
            "A new one is used only if it predicts your most recent corrections better than "
            "the current one; it stays encrypted in your vault.", "muted"))
        self.state_label = role_label("")
        self.state_label.setAccessibleName("Personal layer status")
        self.result = role_label("")
        self.result.setAccessibleName("Personal layer result")
        layout.addWidget(self.state_label)
        layout.addWidget(self.result)
        self.train_button = QPushButton("&Learn from my corrections")
        self.train_button.setAccessibleName("Learn a personal layer from my corrections")
        self.previous_button = QPushButton("Use &previous layer")
        self.previous_button.setAccessibleName("Go back to the previous personal layer")
        self.off_button = QPushButton("&Turn off")
        self.off_button.setAccessibleName("Turn the personal layer off")
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.train_button, self.previous_button, self.off_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.train_button.clicked.connect(self.train)
        self.previous_button.clicked.connect(lambda: self._act("use_previous"))
        self.off_button.clicked.connect(lambda: self._act("use_none"))

    def _state(self) -> dict[str, Any]:
        cal = self._services.personal_calibration()
        active, previous = cal.active(), cal.previous()
        return {"active": active.meta if active else None, "previous": previous is not None}

    def refresh(self) -> None:
        if not self._services.is_unlocked:
            return
        default_runner().submit(self._state, owner=self, on_success=self._show_state,
                                on_failure=self._failed, name="calibration-state")

    def _show_state(self, state: dict[str, Any]) -> None:
        self.state_label.setText(_describe(state))
        self.previous_button.setEnabled(state["previous"])
        self.off_button.setEnabled(state["active"] is not None)

    def train(self) -> None:
        self.train_button.setEnabled(False)
        self.result.setText("Learning from your corrections…")

        def work() -> tuple[Decision, dict[str, Any]]:
            return self._services.personal_calibration().train(), self._state()

        default_runner().submit(work, owner=self, on_success=self._trained,
                                on_failure=self._failed, name="calibration-train")

    def _trained(self, result: tuple[Decision, dict[str, Any]]) -> None:
        decision, state = result
        self.train_button.setEnabled(True)
        self._show_state(state)
        self._say(decision.sentence())

    def _act(self, method: str) -> None:
        def work() -> dict[str, Any]:
            getattr(self._services.personal_calibration(), method)()
            return self._state()

        def done(state: dict[str, Any]) -> None:
            self._show_state(state)
            self._say("Personal layer turned off." if method == "use_none"
                      else "Previous personal layer restored.")

        default_runner().submit(work, owner=self, on_success=done, on_failure=self._failed,
                                name=f"calibration-{method}")

    def _say(self, text: str) -> None:
        self.result.setText(text)
        announce(self.result, text)
        self.changed.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self.train_button.setEnabled(True)
        self.result.setText(describe_error(exc))
        announce(self.result, self.result.text(), assertive=True)
        self.changed.emit(self.result.text())

    def clear(self) -> None:
        self.state_label.setText("")
        self.result.setText("")
