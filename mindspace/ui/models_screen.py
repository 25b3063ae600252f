"""About the models: what each on-device model is, what it was trained on, how it was evaluated
and whether its files still match the sha256 recorded in the manifest.

The description comes from the manifest on the GUI thread (a small JSON file); hashing the files
(about 125 MB) runs on the task runner and fills in each model's check when it is done
(``checked`` is emitted with the number of models that passed). Further sections (drift, the
personal emotion calibration) are added below the models by ``add_section``.
"""

from __future__ import annotations

import html

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from mindspace.app import AppServices
from mindspace.app.model_info import ModelInfo, check_models, list_models
from mindspace.ui.announce import announce
from mindspace.ui.tasks import default_runner, describe_error
from mindspace.ui.widgets import role_label

INTRO = ("MindSpace reads your words and voice with small models that run only on this "
         "device. Here is what each one is, what it learned from, how well it did when it was "
         "tested, and whether its files are exactly the ones that shipped.")


def size_text(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1e6:.1f} MB"
    return f"{size / 1e3:.1f} kB"


def figures_html(info: ModelInfo) -> str:
    if not info.figures:
        return "No figures recorded (see the model card)."
    rows = []
    for set_name, metrics in info.figures.items():
        shown = ", ".join(f"{html.escape(k)} {v:g}" for k, v in metrics.items())
        rows.append(f"<b>{html.escape(set_name)}</b>: {shown}")
    return "<br>".join(rows)


def check_text(info: ModelInfo) -> tuple[str, str]:
    """(text, label role) for the sha256 result."""
    if info.sha256_ok is None:
        return "Checking the files…", "muted"
    if info.sha256_ok:
        return "Passed: every file matches its sha256 in the manifest.", "ok"
    return f"Failed: {info.integrity_error}", "error"


class ModelCard(QGroupBox):
    def __init__(self, info: ModelInfo, parent: QWidget | None = None) -> None:
        super().__init__(f"{info.name} {info.version}", parent)
        self.info = info
        self.setAccessibleName(f"Model {info.name}")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        def row(title: str, text: str, rich: bool = False) -> QLabel:
            label = role_label(text)
            label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(f"{info.name} {title.lower()}")
            form.addRow(f"{title}:", label)
            return label

        row("Version", info.version)
        row("Size", f"{size_text(info.size)} in {info.files} file(s)")
        row("Licence", info.licence or "not recorded")
        row("Trained on", info.trained_on or "not recorded")
        if info.base_model:
            row("Based on", info.base_model)
        self.figures = row("Evaluation", figures_html(info), rich=True)
        self.integrity = row("sha256 check", "")
        self.set_check(info)

    def set_check(self, info: ModelInfo) -> None:
        self.info = info
        text, role = check_text(info)
        self.integrity.setText(text)
        self.integrity.setProperty("role", role)
        self.integrity.style().unpolish(self.integrity)
        self.integrity.style().polish(self.integrity)


class ModelsScreen(QWidget):
    checked = Signal(int)  # how many models passed the sha256 check

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setAccessibleName("About the models")
        self.cards: dict[str, ModelCard] = {}
        inner = QWidget()
        self._column = QVBoxLayout(inner)
        self._column.addWidget(role_label("About the models", "heading"))
        self._column.addWidget(role_label(INTRO))
        self.summary = role_label("", "muted")
        self.summary.setAccessibleName("Model check summary")
        self._column.addWidget(self.summary)
        try:
            infos = list_models(services.model_registry())
        except Exception as exc:  # a missing or broken manifest is shown, not raised
            infos = []
            self.summary.setText(describe_error(exc))
        for info in infos:
            card = ModelCard(info)
            self.cards[info.name] = card
            self._column.addWidget(card)
        self._sections = QVBoxLayout()
        self._column.addLayout(self._sections)
        self._column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setAccessibleName("Models")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._add_sections()
        if infos:
            self.check(infos)

    def _add_sections(self) -> None:
        """Sections about the user's own use of the models (need the open vault)."""
        from mindspace.ui.calibration_panel import CalibrationPanel
        from mindspace.ui.model_drift_panel import DriftPanel

        self.drift = DriftPanel(self._services)
        self.calibration = CalibrationPanel(self._services)
        self.add_section(self.drift)
        self.add_section(self.calibration)
        if self._services.is_unlocked:
            self.drift.refresh()
            self.calibration.refresh()

    def add_section(self, widget: QWidget) -> None:
        self._sections.addWidget(widget)

    def check(self, infos: list[ModelInfo] | None = None) -> None:
        infos = infos if infos is not None else [c.info for c in self.cards.values()]
        self.summary.setText("Checking the model files against the manifest…")
        registry = self._services.model_registry()
        default_runner().submit(check_models, registry, infos, owner=self,
                                on_success=self._checked, on_failure=self._failed,
                                name="model-sha256-check")

    def _checked(self, infos: list[ModelInfo]) -> None:
        if not shiboken6.isValid(self):
            return
        for info in infos:
            card = self.cards.get(info.name)
            if card is not None:
                card.set_check(info)
        passed = sum(1 for i in infos if i.sha256_ok)
        if passed == len(infos):
            self.summary.setText(f"All {passed} models match the files that shipped.")
        else:
            failed = ", ".join(i.name for i in infos if not i.sha256_ok)
            self.summary.setText(f"{len(infos) - passed} of {len(infos)} models failed their "
                                 f"file check: {failed}. Reinstall MindSpace to repair them.")
        announce(self.summary, self.summary.text(), assertive=passed != len(infos))
        self.checked.emit(passed)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(describe_error(exc))
        announce(self.summary, self.summary.text(), assertive=True)

    def clear(self) -> None:
        """Nothing of the user's is shown by the model cards; sections clear themselves."""
        for i in range(self._sections.count()):
            item = self._sections.itemAt(i)
            widget = item.widget() if item is not None else None
            clear = getattr(widget, "clear", None)
            if callable(clear):
                clear()
