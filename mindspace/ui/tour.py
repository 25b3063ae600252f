"""The first-run tour: three short steps shown over the main window after a vault is created.

It is a small non-modal dialog (Next, Back, Skip; Enter goes on, Escape skips). Whether it has
been seen is kept inside the vault (`TOUR_KEY` in the vault settings), never in a plain file:
creating a vault sets it to False, finishing or skipping sets it to True. A tour left open when
the vault locks comes back at the next unlock; vaults made before the tour existed never show it.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindspace.app import AppServices
from mindspace.ui.tasks import Task, TaskRunner, default_runner
from mindspace.ui.widgets import role_label

TOUR_KEY = "tour.done"


@dataclass(frozen=True)
class TourStep:
    title: str
    text: str


STEPS = (
    TourStep(
        "Write or speak",
        "Write in your journal, or record a voice check-in when typing feels like too much. "
        "Everything stays on this computer, encrypted with your passphrase; nothing is sent "
        "anywhere.",
    ),
    TourStep(
        "See what helps",
        "Insights show how your mood and feelings move over the weeks, and which activities "
        "go with better days. They describe what you noted; they never diagnose.",
    ),
    TourStep(
        "Help when it is hard",
        "Keep a safety plan for hard moments. When your words suggest you are struggling, a "
        "support panel opens with your plan and crisis lines you can call. If you are in danger "
        "now, call your local emergency number.",
    ),
)


class TourDialog(QDialog):
    tour_closed = Signal(bool)  # True when finished, False when skipped

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.step = 0
        self.setModal(False)
        self.setWindowTitle("Welcome to MindSpace")
        self.setAccessibleName("Welcome tour")
        self.step_label = role_label("")
        self.title_label = role_label("", "subheading")
        self.text_label = role_label("")
        width = self.fontMetrics().averageCharWidth() * 52
        self.text_label.setMinimumWidth(width)
        # room for the longest step, so the dialog keeps its size (and nothing is cut off)
        heights = []
        for step in STEPS:
            self.text_label.setText(step.text)
            heights.append(self.text_label.heightForWidth(width))
        self.text_label.setMinimumHeight(max(heights))
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.skip_button = QPushButton("&Skip tour")
        self.skip_button.setAccessibleName("Skip the tour")
        self.back_button = QPushButton("&Back")
        self.back_button.setAccessibleName("Previous step")
        self.next_button = QPushButton("&Next")
        self.next_button.setAccessibleName("Next step")
        self.next_button.setDefault(True)
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._show_step()

    @property
    def step_count(self) -> int:
        return len(STEPS)

    def _show_step(self) -> None:
        step = STEPS[self.step]
        last = self.step == len(STEPS) - 1
        self.step_label.setText(f"Step {self.step + 1} of {len(STEPS)}")
        self.title_label.setText(step.title)
        self.text_label.setText(step.text)
        self.setAccessibleDescription(f"Step {self.step + 1} of {len(STEPS)}: {step.title}")
        self.back_button.setEnabled(self.step > 0)
        self.next_button.setText("&Finish" if last else "&Next")
        self.next_button.setAccessibleName("Finish the tour" if last else "Next step")
        self.next_button.setFocus()

    def next(self) -> None:
        if self.step < len(STEPS) - 1:
            self.step += 1
            self._show_step()
        else:
            self._close_tour(True)

    def back(self) -> None:
        if self.step > 0:
            self.step -= 1
            self._show_step()

    def skip(self) -> None:
        self._close_tour(False)

    def reject(self) -> None:
        """Escape or the window's close button: the same as Skip."""
        self._close_tour(False)

    def _close_tour(self, finished: bool) -> None:
        services = self.services
        self.runner.submit(
            lambda: services.settings.set(TOUR_KEY, True),
            name="tour-done",
            on_failure=lambda _exc: None,  # locked meanwhile: the tour comes back next time
        )
        self.tour_closed.emit(finished)
        self.done(int(QDialog.DialogCode.Accepted if finished else QDialog.DialogCode.Rejected))


def offer_tour(
    services: AppServices, window: QWidget, created: bool, runner: TaskRunner | None = None
) -> Task:
    """Show the tour over `window` if this vault has not seen it yet (read on a worker);
    `created`: the vault was just made, so it is marked as not seen first."""
    runner = runner or default_runner()

    def due() -> bool:
        settings = services.settings
        if created and settings.get(TOUR_KEY) is None:
            settings.set(TOUR_KEY, False)
        return settings.get(TOUR_KEY) is False

    def show(is_due: bool) -> None:
        if not is_due or not shiboken6.isValid(window) or not window.isVisible():
            return
        if window.findChild(TourDialog) is not None:
            return
        dialog = TourDialog(services, window, runner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.next_button.setFocus()

    return runner.submit(
        due, name="tour-due", owner=window, on_success=show, on_failure=lambda _exc: None
    )
