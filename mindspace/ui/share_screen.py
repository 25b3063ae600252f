"""Sharing screen (patient side): my identity card, contacts with verification, export wizard.

Every service call runs on a worker via `TaskRunner`; results arrive as signals on the GUI
thread. File choosing and the unverified-contact confirmation are attributes (`choose_save_path`,
`choose_open_path`, `confirm`) so the shell can keep the Qt dialogs and tests can answer them.
`clear()` removes everything personal from the widgets (used when locking).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.sharing import (
    ExportPreview,
    ExportSelection,
    SharingService,
    parse_card_bytes,
    read_card_file,
    write_new_file,
)
from mindspace.core.errors import ValidationError
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error

ID_ROLE = int(Qt.ItemDataRole.UserRole)


def qr_pixmap(png: bytes) -> QPixmap:
    pix = QPixmap()
    pix.loadFromData(png, "PNG")
    return pix


class ShareScreen(QWidget):
    identity_ready = Signal(dict)
    contact_added = Signal(dict)
    contact_verified = Signal(str)
    preview_ready = Signal(dict)
    export_written = Signal(str)
    failed = Signal(str)

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.confirm: Callable[[str], bool] = self._ask
        self.choose_save_path: Callable[[], Path | None] = self._save_dialog
        self.choose_open_path: Callable[[], Path | None] = self._open_dialog
        self._contacts: dict[str, dict[str, Any]] = {}
        self._preview: ExportPreview | None = None
        self._build()
        self.refresh()

    # ---- layout -----------------------------------------------------------------------------
    def _button(
        self, text: str, name: str, slot: Callable[[], None], keys: str = ""
    ) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        if keys:
            button.setShortcut(QKeySequence(keys))
            button.setToolTip(f"{name} ({keys})")
        return button

    def _build(self) -> None:
        tabs = QTabWidget()
        tabs.setAccessibleName("Sharing sections")
        tabs.addTab(self._identity_tab(), "My card")
        tabs.addTab(self._contacts_tab(), "Contacts")
        tabs.addTab(self._export_tab(), "Share")
        self.tabs = tabs
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Sharing status")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.status)

    def _identity_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Name on my card")
        self.role_combo = QComboBox()
        self.role_combo.addItems(["patient", "therapist"])
        self.role_combo.setAccessibleName("My role")
        form.addRow("Name", self.name_edit)
        form.addRow("Role", self.role_combo)
        self.create_button = self._button(
            "Create / update my card",
            "Create or update my identity",
            self.create_identity,
            "Ctrl+I",
        )
        self.code_edit = QLineEdit()
        self.code_edit.setReadOnly(True)
        self.code_edit.setAccessibleName("My contact code")
        self.number_label = QLabel("")
        self.number_label.setAccessibleName("My number")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr_label = QLabel()
        self.qr_label.setAccessibleName("QR code of my card")
        self.save_card_button = self._button(
            "Save card file…", "Save my contact card", self.save_card
        )
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.create_button)
        layout.addWidget(QLabel("Give this code, the card file or the QR code to your therapist:"))
        layout.addWidget(self.code_edit)
        layout.addWidget(self.number_label)
        layout.addWidget(self.qr_label, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.save_card_button)
        layout.addStretch(1)
        return page

    def _contacts_tab(self) -> QWidget:
        page = QWidget()
        self.contact_code_edit = QPlainTextEdit()
        self.contact_code_edit.setAccessibleName("Contact code to add")
        self.contact_code_edit.setPlaceholderText("Paste the other person's MS1- code here")
        self.contact_code_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.add_button = self._button(
            "Add contact", "Add contact from code", self.add_contact_from_text, "Ctrl+Shift+A"
        )
        self.add_file_button = self._button(
            "Add from card file…", "Add contact from a card file", self.add_contact_from_file
        )
        self.contacts_list = QListWidget()
        self.contacts_list.setAccessibleName("Contacts")
        self.contacts_list.currentItemChanged.connect(self._contact_selected)
        self.warning_label = QLabel("")
        self.warning_label.setWordWrap(True)
        self.warning_label.setAccessibleName("Contact warning")
        self.warning_label.setProperty("role", "warning")
        self.safety_label = QLabel("")
        self.safety_label.setWordWrap(True)
        self.safety_label.setAccessibleName("Safety number")
        self.safety_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contact_qr = QLabel()
        self.contact_qr.setAccessibleName("QR code with both keys of the contact")
        self.verify_button = self._button(
            "The numbers match: mark verified",
            "Mark contact verified",
            self.verify_selected,
            "Ctrl+Shift+V",
        )
        self.verify_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.add_file_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.contact_code_edit)
        layout.addLayout(row)
        layout.addWidget(self.contacts_list, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(
            QLabel("Compare this number with the one on their screen, in person or by phone:")
        )
        layout.addWidget(self.safety_label)
        layout.addWidget(self.contact_qr, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.verify_button)
        return page

    def _export_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.to_combo = QComboBox()
        self.to_combo.setAccessibleName("Share with")
        self.from_check = QCheckBox("From")
        self.from_check.setAccessibleName("Limit start date")
        self.from_date = QDateEdit(QDate.currentDate().addMonths(-1))
        self.from_date.setCalendarPopup(True)
        self.from_date.setAccessibleName("First day to share")
        self.to_check = QCheckBox("To")
        self.to_check.setAccessibleName("Limit end date")
        self.to_date = QDateEdit(QDate.currentDate())
        self.to_date.setCalendarPopup(True)
        self.to_date.setAccessibleName("Last day to share")
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName("Only journal entries with these tags")
        self.tags_edit.setPlaceholderText("comma-separated tags (empty: all entries)")
        self.checks: dict[str, QCheckBox] = {}
        for key, text, on in (
            ("journal", "Journal entries", True),
            ("mood", "Mood history", True),
            ("voice", "Voice check-in summaries", False),
            ("transcripts", "…with transcripts", False),
            ("audio", "…with audio", False),
            ("analysis", "Analysis results", False),
            ("reports", "CSV table and PDF report", True),
        ):
            box = QCheckBox(text)
            box.setChecked(on)
            box.setAccessibleName(text.strip("…"))
            self.checks[key] = box
        dates = QHBoxLayout()
        for w in (self.from_check, self.from_date, self.to_check, self.to_date):
            dates.addWidget(w)
        form.addRow("Share with", self.to_combo)
        form.addRow("Dates", dates)
        form.addRow("Tags", self.tags_edit)
        what = QGroupBox("What to share")
        what_layout = QVBoxLayout(what)
        for box in self.checks.values():
            what_layout.addWidget(box)
        self.preview_button = self._button(
            "Preview", "Preview what will be shared", self.preview, "Ctrl+P"
        )
        self.export_button = self._button(
            "Write bundle file…", "Write the encrypted bundle", self.export, "Ctrl+E"
        )
        self.export_button.setEnabled(False)
        self.preview_list = QListWidget()
        self.preview_list.setAccessibleName("Exactly what will be shared")
        self.preview_total = QLabel("")
        self.preview_total.setAccessibleName("Bundle size")
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(what)
        layout.addLayout(buttons)
        layout.addWidget(self.preview_list, 1)
        layout.addWidget(self.preview_total)
        self.to_combo.currentIndexChanged.connect(self._invalidate_preview)
        self.tags_edit.textChanged.connect(self._invalidate_preview)
        for box in (self.from_check, self.to_check, *self.checks.values()):
            box.toggled.connect(self._invalidate_preview)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._invalidate_preview)
        QShortcut(QKeySequence("Ctrl+R"), self, self.refresh)
        return page

    # ---- helpers ----------------------------------------------------------------------------
    def _run(self, fn: Callable[..., Any], on_success: Callable[[Any], None], *args: Any) -> None:
        self.runner.submit(fn, *args, owner=self, on_success=on_success, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        text = describe_error(exc)
        self.status.setText(text)
        self.failed.emit(text)

    def _sharing(self) -> SharingService:
        return self.services.sharing()

    # ---- identity ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.services.is_unlocked:
            return

        def load() -> dict[str, Any]:
            sharing = self._sharing()
            me = sharing.identity()
            contacts = []
            for c in sharing.contacts.list():
                contacts.append(
                    {
                        **c.to_json(),
                        "state": c.state_word(),
                        "safety": sharing.safety_number(c) if me else "",
                        "qr": c.card().qr_png(4),
                    }
                )
            if me is None:
                return {"me": None, "contacts": contacts}
            card = me.card()
            return {
                "me": {
                    "name": me.display_name,
                    "role": me.role,
                    "code": card.to_code(),
                    "number": me.fingerprint(),
                    "qr": card.qr_png(5),
                },
                "contacts": contacts,
            }

        self._run(load, self._show_state)

    def _show_state(self, state: dict[str, Any]) -> None:
        me = state["me"]
        if me:
            self.name_edit.setText(me["name"])
            self.role_combo.setCurrentText(me["role"])
            self.code_edit.setText(me["code"])
            self.number_label.setText(f"My number: {me['number']}")
            self.qr_label.setPixmap(qr_pixmap(me["qr"]))
            self.identity_ready.emit({k: v for k, v in me.items() if k != "qr"})
        selected = self._selected_contact_id()
        self._contacts = {c["id"]: c for c in state["contacts"]}
        self.contacts_list.clear()
        self.to_combo.clear()
        for c in state["contacts"]:
            item = QListWidgetItem(f"{c['name']} — {c['state']}")
            item.setData(ID_ROLE, c["id"])
            self.contacts_list.addItem(item)
            self.to_combo.addItem(f"{c['name']} ({c['state']})", c["id"])
            if c["id"] == selected:
                self.contacts_list.setCurrentItem(item)

    def create_identity(self) -> None:
        name, role = (
            self.name_edit.text().strip() or "MindSpace user",
            self.role_combo.currentText(),
        )
        self._run(lambda: self._sharing().ensure_identity(name, role), lambda _: self.refresh())

    def save_card(self) -> None:
        path = self.choose_save_path()
        if path is None:
            return

        def work() -> str:
            write_new_file(path, self._sharing().require_identity().card().to_file_bytes())
            return str(path)

        self._run(work, lambda p: self.status.setText(f"Saved your card to {p}"))

    # ---- contacts ---------------------------------------------------------------------------
    def add_contact_from_text(self, verified: bool = False) -> None:
        text = self.contact_code_edit.toPlainText()

        def work() -> dict[str, Any]:
            contact, outcome = self._sharing().add_contact(parse_card_bytes(text.encode("utf-8")))
            return {**contact.to_json(), "outcome": outcome}

        self._run(work, self._contact_added)

    def add_contact_from_file(self) -> None:
        path = self.choose_open_path()
        if path is None:
            return

        def work() -> dict[str, Any]:
            contact, outcome = self._sharing().add_contact(read_card_file(path))
            return {**contact.to_json(), "outcome": outcome}

        self._run(work, self._contact_added)

    def _contact_added(self, info: dict[str, Any]) -> None:
        self.contact_code_edit.clear()
        if info["outcome"] == "changed":
            self.status.setText(
                f"Warning: the keys of {info['name']} changed. Compare the safety "
                "number again before sharing."
            )
        else:
            self.status.setText(
                f"{info['name']}: {info['outcome']}. Compare the safety number, "
                "then mark them verified."
            )
        self.contact_added.emit(info)
        self.refresh()

    def _selected_contact_id(self) -> str | None:
        item = self.contacts_list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def _contact_selected(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        info = self._contacts.get(str(item.data(ID_ROLE))) if item else None
        self.verify_button.setEnabled(bool(info) and not (info or {}).get("verified"))
        if not info:
            self.safety_label.clear()
            self.warning_label.clear()
            self.contact_qr.clear()
            return
        self.safety_label.setText(info["safety"])
        self.contact_qr.setPixmap(qr_pixmap(info["qr"]))
        if info["key_state"] == "changed":
            self.warning_label.setText(
                f"⚠ The keys of {info['name']} changed. Nothing can be sent or "
                "received until you compare the new safety number."
            )
        elif not info["verified"]:
            self.warning_label.setText(f"{info['name']} is not verified yet.")
        else:
            self.warning_label.setText(f"{info['name']} is verified.")

    def verify_selected(self) -> None:
        contact_id = self._selected_contact_id()
        if contact_id is None:
            return
        self._run(lambda: self._sharing().verify_contact(contact_id).id, self._verified)

    def _verified(self, contact_id: str) -> None:
        self.contact_verified.emit(contact_id)
        self.refresh()

    # ---- export -----------------------------------------------------------------------------
    def selection(self) -> ExportSelection:
        def day(edit: QDateEdit) -> date:
            q = edit.date()
            return date(q.year(), q.month(), q.day())

        tags = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        c = {k: box.isChecked() for k, box in self.checks.items()}
        return ExportSelection(
            start=day(self.from_date) if self.from_check.isChecked() else None,
            end=day(self.to_date) if self.to_check.isChecked() else None,
            journal=c["journal"],
            tags=tags,
            mood=c["mood"],
            voice=c["voice"],
            voice_transcripts=c["transcripts"],
            voice_audio=c["audio"],
            analysis=c["analysis"],
            reports=c["reports"],
        )

    def _invalidate_preview(self, *_: Any) -> None:
        self._preview = None
        self.export_button.setEnabled(False)
        self.preview_list.clear()
        self.preview_total.clear()

    def preview(self) -> None:
        contact_id = self.to_combo.currentData()
        if not contact_id:
            self._failed(ValidationError("add a contact first"))
            return
        selection = self.selection()
        self._run(
            lambda: self._sharing().preview_export(contact_id, selection, allow_unverified=True),
            self._show_preview,
        )

    def _show_preview(self, preview: ExportPreview) -> None:
        self._preview = preview
        self.preview_list.clear()
        for line in preview.lines():
            self.preview_list.addItem(f"{line['label']} — {line['length']:,} bytes")
        self.preview_total.setText(
            f"{len(preview.items)} items for {preview.contact.display_name}; the encrypted file "
            f"will be {preview.file_size:,} bytes."
        )
        self.export_button.setEnabled(True)
        self.preview_ready.emit(preview.to_json())

    def export(self) -> None:
        preview = self._preview
        if preview is None:
            return
        if preview.needs_confirmation and not self.confirm(
            f"{preview.contact.display_name} is not verified. Their identity was not checked: "
            "send anyway?"
        ):
            self.status.setText("Not sent.")
            return
        path = self.choose_save_path()
        if path is None:
            return
        self._run(
            lambda: (self._sharing().write_export(preview, path), str(path))[1], self._written
        )

    def _written(self, path: str) -> None:
        self.status.setText(f"Wrote the encrypted bundle to {path}")
        self._invalidate_preview()
        self.export_written.emit(path)

    # ---- dialogs and locking ----------------------------------------------------------------
    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, "Send to an unverified contact?", text)
        return answer == QMessageBox.StandardButton.Yes

    def _save_dialog(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save as", "", "MindSpace files (*.msbundle *.mscard)"
        )
        return Path(name) if name else None

    def _open_dialog(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open contact card", "", "Contact cards (*.mscard *.txt)"
        )
        return Path(name) if name else None

    def clear(self) -> None:
        self._preview = None
        self._contacts = {}
        for edit in (self.code_edit, self.name_edit, self.tags_edit):
            edit.clear()
        for label in (
            self.number_label,
            self.qr_label,
            self.safety_label,
            self.warning_label,
            self.contact_qr,
            self.status,
            self.preview_total,
        ):
            label.clear()
        self.contact_code_edit.clear()
        self.contacts_list.clear()
        self.to_combo.clear()
        self.preview_list.clear()
