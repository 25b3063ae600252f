"""Layout of the sharing screen: the My card, Contacts and Share tabs and their widgets.

Layout only: no service calls. `ShareScreen` (share_screen.py) subclasses `ShareView` and
implements the slots the buttons and lists are wired to; `selection()` reads the export form.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mindspace.app.sharing import INSIGHT_KINDS, ExportSelection
from mindspace.ui.widgets import flow_row, role_label

ID_ROLE = int(Qt.ItemDataRole.UserRole)

INSIGHT_CHOICES = (
    ("streaks", "Streaks", "days noted, the current and the longest run"),
    ("mood_links", "What goes with mood", "findings with 95 % intervals and the days behind them"),
    ("questionnaire_trends", "Questionnaire trends", "scores with reliable change (RCI)"),
)


def described(box: QCheckBox, detail: str) -> QWidget:
    """A check box with a short name and, under it, a wrapping line that says more (long
    labels on one line would make the page scroll sideways at large text sizes)."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(box)
    note = QLabel(detail, wordWrap=True)
    note.setProperty("role", "muted")
    note.setIndent(box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8)
    box.setToolTip(detail)
    box.setAccessibleDescription(detail)
    column.addWidget(note)
    return holder


def sync_text(report: dict[str, Any]) -> str:
    """One status text for a sync report: what arrived, what is stuck, every open alarm."""
    text = (
        f"Sent {report['uploaded']}, received {len(report['received'])},"
        f" delivered {report['deleted']}."
    )
    if report["stuck"]:
        text += " Not delivered yet: " + "; ".join(report["stuck"]) + "."
    open_alarms = report.get("open_alarms") or []
    if open_alarms:
        text += " ALARM: " + " | ".join(f"{a['detail']} — {a['meaning']}" for a in open_alarms)
    return text


def qr_pixmap(png: bytes) -> QPixmap:
    pix = QPixmap()
    pix.loadFromData(png, "PNG")
    return pix


class ShareView(QWidget):
    """The sharing screen's widgets and layout; `ShareScreen` connects them to its actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()

    # ---- layout -----------------------------------------------------------------------------
    def _button(self, text: str, name: str, keys: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
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
            "Save card file…", "Save my contact card"
        )
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.create_button)
        layout.addWidget(
            role_label("Give this code, the card file or the QR code to your therapist:")
        )
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
            "Add contact", "Add contact from code", "Ctrl+Shift+A"
        )
        self.add_file_button = self._button(
            "Add from card file…", "Add contact from a card file"
        )
        self.contacts_list = QListWidget()
        self.contacts_list.setAccessibleName("Contacts")
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
            "Ctrl+Shift+V",
        )
        self.verify_button.setEnabled(False)
        row = flow_row(self.add_button, self.add_file_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.contact_code_edit)
        layout.addWidget(row)
        layout.addWidget(self.contacts_list, 1)
        layout.addWidget(self.warning_label)
        layout.addWidget(
            role_label("Compare this number with the one on their screen, in person or by phone:")
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
            ("questionnaires", "Questionnaire scores", False),
            ("reports", "CSV table and PDF report", True),
            ("history", "What I shared before, and when", False),
        ):
            box = QCheckBox(text)
            box.setChecked(on)
            box.setAccessibleName(text.strip("…"))
            self.checks[key] = box
        details = {"questionnaires": "PHQ-9, GAD-7 and WHO-5 with their ranges and item 9",
                   "history": "the exports and shares listed in your activity log"}
        dates = flow_row(self.from_check, self.from_date, self.to_check, self.to_date)
        form.addRow("Share with", self.to_combo)
        form.addRow("Dates", dates)
        form.addRow("Tags", self.tags_edit)
        what = QGroupBox("What to share")
        what_layout = QVBoxLayout(what)
        for key, box in self.checks.items():
            what_layout.addWidget(described(box, details[key]) if key in details else box)
        self.insight_checks: dict[str, QCheckBox] = {}
        insights = QGroupBox("Insights to share (over the dates above)")
        insights.setAccessibleName("Insights to share")
        insights_layout = QVBoxLayout(insights)
        for key, text, detail in INSIGHT_CHOICES:
            box = QCheckBox(text)
            box.setAccessibleName(f"Share insight: {INSIGHT_KINDS[key]}")
            self.insight_checks[key] = box
            insights_layout.addWidget(described(box, detail))
        self.preview_button = self._button(
            "Preview", "Preview what will be shared", "Ctrl+P"
        )
        self.export_button = self._button(
            "Write bundle file…", "Write the encrypted bundle", "Ctrl+E"
        )
        self.export_button.setEnabled(False)
        self.preview_list = QListWidget()
        self.preview_list.setAccessibleName("Exactly what will be shared")
        self.preview_total = QLabel("")
        self.preview_total.setAccessibleName("Bundle size")
        self.preview_busy = QProgressBar()
        self.preview_busy.setRange(0, 0)  # no steps to count: it moves while the preview is made
        self.preview_busy.setTextVisible(False)
        self.preview_busy.setAccessibleName("Preparing the preview")
        self.preview_busy.hide()
        self.sync_button = self._button(
            "Sync with relay", "Send queued bundles through the sync relay", "F5"
        )
        self.sync_status = QLabel("")
        self.sync_status.setWordWrap(True)
        self.sync_status.setAccessibleName("Sync status")
        buttons = flow_row(self.preview_button, self.export_button, self.sync_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(what)
        layout.addWidget(insights)
        layout.addWidget(buttons)
        layout.addWidget(self.preview_busy)
        layout.addWidget(self.preview_list, 1)
        layout.addWidget(self.preview_total)
        layout.addWidget(self.sync_status)
        return page

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
            questionnaires=c["questionnaires"],
            insights=[k for k, box in self.insight_checks.items() if box.isChecked()],
            reports=c["reports"],
            sharing_history=c["history"],
        )

    def clear_widgets(self) -> None:
        """Empty every widget that can show personal data."""
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
