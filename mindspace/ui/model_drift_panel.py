"""Models page section: does what you write still look like what the models learned from?

Counts are made from the vault on the task runner (``AppServices.model_drift``); only the plain
sentences and the PSI figures are shown. ``updated`` is emitted with how many models drifted.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mindspace.app import AppServices
from mindspace.app.model_drift import ModelDrift
from mindspace.ui.announce import announce
from mindspace.ui.tasks import default_runner, describe_error
from mindspace.ui.widgets import role_label

FEATURE_NAMES = {"language": "language", "length_words": "length",
                 "top_confidence": "model certainty"}


def drift_text(d: ModelDrift) -> str:
    if not d.enough:
        return f"{d.model}: not enough to compare yet ({d.seen} read so far)."
    figures = ", ".join(f"{FEATURE_NAMES.get(f.feature, f.feature)} PSI {f.psi:.2f}"
                        for f in d.features if f.psi is not None)
    if d.drifted:
        return f"{d.model}: " + " ".join(d.messages) + f" ({figures})"
    return f"{d.model}: what you write looks like what it learned from ({figures})."


class DriftPanel(QGroupBox):
    updated = Signal(int)  # how many models drifted

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__("Do the models still fit what you write?", parent)
        self._services = services
        self.setAccessibleName("Model drift")
        layout = QVBoxLayout(self)
        layout.addWidget(role_label(
            "MindSpace compares the language, length and model certainty of your entries and "
            "voice notes with the data each model learned from. Only counts are used, on this "
            "device; nothing is sent anywhere.", "muted"))
        self.results = role_label("")
        self.results.setAccessibleName("Model drift results")
        layout.addWidget(self.results)
        self.check_button = QPushButton("Compare &now")
        self.check_button.setAccessibleName("Compare what the models read with their training")
        self.check_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.report: list[ModelDrift] = []

    def refresh(self) -> None:
        if not self._services.is_unlocked:
            return
        self.check_button.setEnabled(False)
        self.results.setText("Comparing…")
        default_runner().submit(self._services.model_drift, owner=self, on_success=self._show,
                                on_failure=self._failed, name="model-drift")

    def _show(self, report: list[ModelDrift]) -> None:
        self.report = report
        self.check_button.setEnabled(True)
        self.results.setText("\n\n".join(drift_text(d) for d in report) or
                             "No model has reference figures to compare with.")
        drifted = sum(1 for d in report if d.drifted)
        if drifted:
            announce(self.results, " ".join(m for d in report for m in d.messages))
        self.updated.emit(drifted)

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.results.setText(describe_error(exc))
        announce(self.results, self.results.text(), assertive=True)

    def clear(self) -> None:
        self.report = []
        self.results.setText("")


__all__ = ["DriftPanel"]
