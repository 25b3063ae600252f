"""The activity log page: every export, import, sync, contact, key, passphrase and model change
in the vault's audit log, newest first, with a filter by kind and the state of the hash chain.

Rows are read on the task runner (`services.audit()`); the page only shows what the log holds
(times converted to local time) and forgets it on `clear()` (vault locked).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.audit import AuditKind, AuditRow, ChainCheck
from mindspace.ui.announce import announce
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error

ALL_KINDS = ""
KIND_WORDS: dict[str, str] = {
    "share.export": "Bundle file written",
    "share.queue": "Bundle sent by relay",
    "share.import": "Bundle imported",
    "sync.run": "Relay sync",
    "sync.relay": "Relay changed",
    "sync.rejoin": "Chains restarted",
    "sync.accept_restart": "Restart accepted",
    "contact.add": "Contact added",
    "contact.update": "Contact updated",
    "contact.key_change": "Contact's keys changed",
    "contact.verify": "Contact verified",
    "contact.unverify": "Contact unverified",
    "contact.remove": "Contact removed",
    "identity.create": "My keys created",
    "identity.update": "My card changed",
    "identity.new_device": "New device id",
    "passphrase.change": "Passphrase changed",
    "passphrase.reset": "Passphrase reset",
    "recovery_code.use": "Recovery code used",
    "model.change": "Model changed",
    "personal_model.update": "Personal model trained",
    "personal_model.reset": "Personal model reset",
    "data.export": "Data exported",
    "data.import": "Data imported",
    "research.consent": "Research consent given",
    "research.withdraw": "Research consent withdrawn",
    "research.export": "Research export",
}


def kind_words(kind: str) -> str:
    return KIND_WORDS.get(kind, kind)


def local_time(value: str) -> str:
    try:
        return datetime.fromisoformat(value).astimezone().strftime("%a %d %b %Y %H:%M")
    except ValueError:
        return value


class AuditScreen(QWidget):
    refreshed = Signal(int)  # rows shown

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.heading = QLabel("<h2>Activity log</h2>")
        self.heading.setAccessibleName("Activity log")
        self.intro = QLabel(
            "What left or entered your vault, and changes to keys, contacts and models. Rows"
            " cannot be changed or removed; each is linked to the one before it, so any later"
            " edit is found."
        )
        self.intro.setWordWrap(True)
        self.kind_label = QLabel("&Show:")
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Show rows of this kind")
        self.kind_filter.addItem("Everything", ALL_KINDS)
        for kind in AuditKind:
            self.kind_filter.addItem(kind_words(kind.value), kind.value)
        self.kind_label.setBuddy(self.kind_filter)
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.setAccessibleName("Refresh the activity log")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Time", "Event", "Details"])
        self.table.setAccessibleName("Activity log rows")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.chain_status = QLabel("")
        self.chain_status.setWordWrap(True)
        self.chain_status.setAccessibleName("State of the activity log")

        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind_filter, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain_status)
        QWidget.setTabOrder(self.kind_filter, self.refresh_button)
        QWidget.setTabOrder(self.refresh_button, self.table)

        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("F5"), self, context=ctx).activated.connect(self.refresh)

    # ---- page protocol --------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.chain_status.clear()

    # ---- behaviour ------------------------------------------------------------------------
    def chosen_kind(self) -> str:
        return str(self.kind_filter.currentData() or ALL_KINDS)

    def refresh(self) -> None:
        kind = self.chosen_kind()

        def load() -> tuple[list[AuditRow], ChainCheck]:
            trail = self.services.audit()
            return trail.rows([kind] if kind else None), trail.verify()

        self.runner.submit(load, name="audit-log", owner=self, on_success=self._show,
                           on_failure=self._fail)

    def _show(self, result: tuple[list[AuditRow], ChainCheck]) -> None:
        rows, chain = result
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = (local_time(row.time), kind_words(row.kind), row.detail)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(f"Row {row.seq} · {row.time} UTC" if column == 0 else text)
                self.table.setItem(i, column, item)
        if chain.ok:
            text = f"{len(rows)} rows shown; the log of {chain.rows} rows is whole."
        else:
            text = (f"The activity log was changed outside MindSpace: {chain.reason}. Rows from"
                    f" row {chain.first_broken} on cannot be trusted.")
            announce(self, text, assertive=True)
        if not rows:
            text = "Nothing recorded yet. " + text
        self.chain_status.setText(text)
        self.refreshed.emit(len(rows))

    def _fail(self, exc: BaseException) -> None:
        self.chain_status.setText(describe_error(exc))
