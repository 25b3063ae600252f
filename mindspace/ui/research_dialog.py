"""The research consent screen: choose a study, read in plain words what is shared, with whom
and how to withdraw, pick the privacy level (epsilon), then consent, withdraw or export.

Nothing is exported until consent is given here (or with `mindspace research consent --yes`).
All vault work runs on the task runner through `services.research()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.research import Consent
from mindspace.core.research import DEFAULT_EPSILON, EPSILON_CHOICES
from mindspace.ui.announce import announce
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error

EPSILON_WORDS = {0.5: "more noise, more privacy", 1.0: "balanced", 2.0: "less noise"}


class ResearchDialog(QDialog):
    consent_given = Signal(object)  # Consent
    withdrawn = Signal(object)  # Consent
    exported = Signal(dict)
    studies_loaded = Signal(int)
    text_shown = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self._consents: dict[str, Consent] = {}
        self.setWindowTitle("Take part in a research study")
        self.setAccessibleName("Research study consent")
        self.study_combo = QComboBox()
        self.study_combo.setAccessibleName("Study")
        self.epsilon_combo = QComboBox()
        self.epsilon_combo.setAccessibleName("Privacy level (epsilon)")
        for value in EPSILON_CHOICES:
            self.epsilon_combo.addItem(f"epsilon {value:g} ({EPSILON_WORDS[value]})", value)
        self.epsilon_combo.setCurrentIndex(EPSILON_CHOICES.index(DEFAULT_EPSILON))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("What is shared, with whom, and how to withdraw")
        self.agree = QCheckBox("I have &read this and agree to share these numbers")
        self.agree.setAccessibleName("I have read this and agree")
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Consent state")
        self.consent_button = QPushButton("&Give consent")
        self.consent_button.setAccessibleName("Give consent to this study")
        self.withdraw_button = QPushButton("&Withdraw consent")
        self.withdraw_button.setAccessibleName("Withdraw consent from this study")
        self.export_button = QPushButton("&Export for the study...")
        self.export_button.setAccessibleName("Write an anonymised export for this study")
        self.close_button = QPushButton("&Close")
        self.close_button.setAccessibleName("Close")

        form = QFormLayout()
        form.addRow("&Study:", self.study_combo)
        form.addRow("&Privacy:", self.epsilon_combo)
        buttons = QHBoxLayout()
        for button in (self.consent_button, self.withdraw_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.agree)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        height = self.fontMetrics().height()
        self.resize(height * 44, height * 34)

        self.study_combo.currentIndexChanged.connect(lambda _i: self.show_text())
        self.epsilon_combo.currentIndexChanged.connect(lambda _i: self.show_text())
        self.agree.toggled.connect(lambda _on: self._update_buttons())
        self.consent_button.clicked.connect(self.give_consent)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.export_button.clicked.connect(self._choose_file)
        self.close_button.clicked.connect(self.reject)
        self._update_buttons()
        self.load()

    # ---- state ------------------------------------------------------------------------------
    def study_id(self) -> str:
        return str(self.study_combo.currentData() or "")

    def epsilon(self) -> float:
        return float(self.epsilon_combo.currentData() or DEFAULT_EPSILON)

    def _active(self) -> Consent | None:
        found = self._consents.get(self.study_id())
        return found if found is not None and found.active else None

    def _update_buttons(self) -> None:
        chosen = bool(self.study_id())
        active = self._active()
        self.consent_button.setEnabled(chosen and self.agree.isChecked() and active is None)
        self.withdraw_button.setEnabled(active is not None)
        self.export_button.setEnabled(active is not None)
        self.epsilon_combo.setEnabled(active is None)
        if not chosen:
            self.state.setText("No study yet: add the study's contact card (role study) on the"
                               " Share page and compare the safety number first.")
        elif active is not None:
            self.state.setText(f"You consented on {active.given_at[:10]} with epsilon"
                               f" {active.epsilon:g}; {active.exports} exports so far.")
        else:
            self.state.setText("You have not consented to this study.")

    # ---- behaviour --------------------------------------------------------------------------
    def load(self) -> None:
        def work() -> tuple[list[tuple[str, str]], list[Consent]]:
            research = self.services.research()
            return ([(c.id, c.display_name) for c in research.studies()], research.consents())

        self.runner.submit(work, name="research-load", owner=self,
                           on_success=self._loaded, on_failure=self._fail)

    def _loaded(self, result: tuple[list[tuple[str, str]], list[Consent]]) -> None:
        studies, consents = result
        self._consents = {c.contact_id: c for c in consents}
        self.study_combo.blockSignals(True)
        self.study_combo.clear()
        for contact_id, name in studies:
            self.study_combo.addItem(name, contact_id)
        self.study_combo.blockSignals(False)
        self.studies_loaded.emit(len(studies))
        self.show_text()

    def show_text(self) -> None:
        study, epsilon = self.study_id(), self.epsilon()
        self.agree.setChecked(False)
        self._update_buttons()
        if not study:
            self.text.clear()
            return
        active = self._active()
        if active is not None:
            epsilon = active.epsilon
        self.runner.submit(lambda: self.services.research().consent_text(study, epsilon),
                           name="research-text", owner=self, on_success=self._show_text,
                           on_failure=self._fail)

    def _show_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self.text_shown.emit()

    def give_consent(self) -> None:
        study, epsilon = self.study_id(), self.epsilon()
        if not (study and self.agree.isChecked()):
            return
        self.runner.submit(lambda: self.services.research().give_consent(study, epsilon),
                           name="research-consent", owner=self, on_success=self._consented,
                           on_failure=self._fail)

    def _consented(self, consent: Consent) -> None:
        self._consents[consent.contact_id] = consent
        self._update_buttons()
        announce(self, f"Consent recorded for {consent.study}.")
        self.consent_given.emit(consent)

    def withdraw(self) -> None:
        study = self.study_id()
        if not study:
            return
        self.runner.submit(lambda: self.services.research().withdraw(study),
                           name="research-withdraw", owner=self, on_success=self._withdrawn,
                           on_failure=self._fail)

    def _withdrawn(self, consent: Consent) -> None:
        self._consents[consent.contact_id] = consent
        self.agree.setChecked(False)
        self._update_buttons()
        self.state.setText(f"Consent withdrawn for {consent.study}; no further exports.")
        announce(self, f"Consent withdrawn for {consent.study}.")
        self.withdrawn.emit(consent)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the research export",
                                              str(Path.home() / "research.msresearch"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        study = self.study_id()
        self.state.setText("Writing the export...")
        self.runner.submit(lambda: self.services.research().export(study, path),
                           name="research-export", owner=self, on_success=self._exported,
                           on_failure=self._fail)

    def _exported(self, result: dict[str, Any]) -> None:
        consent = self._consents.get(self.study_id())
        if consent is not None:
            consent.exports += 1
        self._update_buttons()
        text = f"Export written for {result['study']} (epsilon {result['epsilon']:g})."
        self.state.setText(text)
        announce(self, text)
        self.exported.emit(result)

    def _fail(self, exc: BaseException) -> None:
        text = describe_error(exc)
        self.state.setText(text)
        announce(self, text, assertive=True)
