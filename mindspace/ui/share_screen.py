"""Sharing screen (patient side): my identity card, contacts with verification, export wizard.

Every service call runs on a worker via `TaskRunner`; results arrive as signals on the GUI
thread. File choosing and the unverified-contact confirmation are attributes (`choose_save_path`,
`choose_open_path`, `confirm`) so the shell can keep the Qt dialogs and tests can answer them.
`clear()` removes everything personal from the widgets (used when locking). The widgets and
their layout are `ShareView` (share_view.py); this module holds what the buttons do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.sharing import (
    ExportPreview,
    SharingService,
    parse_card_bytes,
    read_card_file,
    write_new_file,
)
from mindspace.core.errors import ValidationError
from mindspace.core.wording import plural
from mindspace.ui.announce import announce
from mindspace.ui.share_view import ID_ROLE, ShareView, qr_pixmap, sync_text
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error


class ShareScreen(ShareView):
    identity_ready = Signal(dict)
    contact_added = Signal(dict)
    contact_verified = Signal(str)
    preview_ready = Signal(dict)
    export_written = Signal(str)
    synced = Signal(dict)
    failed = Signal(str)

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        self.services = services
        self.runner = runner or default_runner()
        self.confirm: Callable[[str], bool] = self._ask
        self.choose_save_path: Callable[[], Path | None] = self._save_dialog
        self.choose_open_path: Callable[[], Path | None] = self._open_dialog
        self._contacts: dict[str, dict[str, Any]] = {}
        self._preview: ExportPreview | None = None
        super().__init__(parent)
        self._connect()
        self.refresh()

    def _connect(self) -> None:
        """The view's controls to this screen's actions."""
        for button, action in (
            (self.create_button, self.create_identity),
            (self.save_card_button, self.save_card),
            (self.add_button, self.add_contact_from_text),
            (self.add_file_button, self.add_contact_from_file),
            (self.verify_button, self.verify_selected),
            (self.preview_button, self.preview),
            (self.export_button, self.export),
            (self.sync_button, self.sync_now),
        ):
            button.clicked.connect(action)
        self.contacts_list.currentItemChanged.connect(self._contact_selected)
        self.to_combo.currentIndexChanged.connect(self._invalidate_preview)
        self.tags_edit.textChanged.connect(self._invalidate_preview)
        for box in (self.from_check, self.to_check, *self.checks.values()):
            box.toggled.connect(self._invalidate_preview)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._invalidate_preview)
        QShortcut(QKeySequence("Ctrl+R"), self, self.refresh)

    # ---- helpers ----------------------------------------------------------------------------
    def _run(self, fn: Callable[..., Any], on_success: Callable[[Any], None], *args: Any) -> None:
        self.runner.submit(fn, *args, owner=self, on_success=on_success, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        text = describe_error(exc)
        self.status.setText(text)
        announce(self.status, text, assertive=True)
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
        # the first preview may wait for models and the report: show it is working at once
        self._preview_busy(True)
        self.preview_total.setText("Preparing the preview...")
        self.runner.submit(
            lambda: self._sharing().preview_export(contact_id, selection, allow_unverified=True),
            name="share-preview",
            owner=self,
            on_success=self._show_preview,
            on_failure=self._preview_failed,
        )

    def _preview_busy(self, busy: bool) -> None:
        self.preview_busy.setVisible(busy)
        self.preview_button.setEnabled(not busy)

    def _preview_failed(self, exc: BaseException) -> None:
        self._preview_busy(False)
        self.preview_total.clear()
        self._failed(exc)

    def _show_preview(self, preview: ExportPreview) -> None:
        self._preview_busy(False)
        self._preview = preview
        self.preview_list.clear()
        for line in preview.lines():
            self.preview_list.addItem(f"{line['label']} — {line['length']:,} bytes")
        self.preview_total.setText(
            f"{plural(len(preview.items), 'item')} for {preview.contact.display_name}; the "
            f"encrypted file will be {preview.file_size:,} bytes."
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

    def sync_now(self) -> None:
        self._run(lambda: self._sharing().sync().to_json(), self._synced)

    def _synced(self, report: dict[str, Any]) -> None:
        self.sync_status.setText(sync_text(report))
        self.synced.emit(report)

    def _written(self, path: str) -> None:
        self.status.setText(f"Wrote the encrypted bundle to {path}")
        announce(self.status, "Wrote the encrypted bundle.")
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
        self.clear_widgets()
