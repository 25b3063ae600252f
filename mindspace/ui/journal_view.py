"""Layout of the journal screen (widgets only; behaviour lives in `journal_screen.py`)."""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from mindspace.ui.widgets import HtmlDelegate, MarkdownPreview, ReflowSplitter, role_label


class JournalView(QWidget):
    """Left: search, tag filter and the entry list grouped by day. Right: the entry editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # ---- list side ----
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search your journal (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search the journal")
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        self.tag_filter.addItem("All tags", "")
        self.new_button = QPushButton("&New entry")
        self.new_button.setAccessibleName("New entry")
        self.list_caption = QLabel("")
        self.entry_list = QTreeWidget()
        self.entry_list.setAccessibleName("Journal entries by day")
        self.entry_list.setHeaderHidden(True)
        self.entry_list.setColumnCount(1)
        self.entry_list.setRootIsDecorated(False)
        self.entry_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entry_list.setItemDelegate(HtmlDelegate(self.entry_list))
        self.entry_list.setWordWrap(True)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        lv.addLayout(top)
        filt = QHBoxLayout()
        filt.addWidget(QLabel("Tag:"))
        filt.addWidget(self.tag_filter, 1)
        filt.addWidget(self.new_button)
        lv.addLayout(filt)
        lv.addWidget(self.list_caption)
        lv.addWidget(self.entry_list, 1)
        self.more_button = QPushButton("Show &older entries")
        self.more_button.setAccessibleName("Show older entries")
        self.more_button.hide()
        lv.addWidget(self.more_button)

        # ---- editor side ----
        self.editor_heading = role_label("New entry", "subheading")
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Entry title")
        self.title_edit.setPlaceholderText("Title (optional)")
        self.date_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.date_edit.setAccessibleName("Entry date and time")
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName("Entry tags, separated by commas")
        self.tags_edit.setPlaceholderText("e.g. work, sleep, gratitude")
        self.preview_button = QPushButton("Pre&view")
        self.preview_button.setCheckable(True)
        self.preview_button.setAccessibleName("Show Markdown preview")
        self.preview_button.setToolTip("Toggle the formatted preview (Ctrl+Shift+P)")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName("Entry text (Markdown)")
        self.body_edit.setPlaceholderText(
            "Write freely. Markdown works: **bold**, *italic*, - lists, # headings."
        )
        self.body_edit.setTabChangesFocus(True)
        self.preview = MarkdownPreview()
        self.preview.setAccessibleName("Entry preview")
        self.preview.setTabChangesFocus(True)
        self.body_stack = QStackedWidget()
        self.body_stack.addWidget(self.body_edit)
        self.body_stack.addWidget(self.preview)
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save entry")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.delete_button = QPushButton("&Delete...")
        self.delete_button.setAccessibleName("Delete entry")
        self.delete_button.setEnabled(False)
        self.status = role_label("")
        self.status.setAccessibleName("Journal status")

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.editor_heading)
        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("D&ate:", self.date_edit)
        form.addRow("Ta&gs:", self.tags_edit)
        rv.addLayout(form)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Text:"))
        bar.addStretch(1)
        bar.addWidget(self.preview_button)
        rv.addLayout(bar)
        rv.addWidget(self.body_stack, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.save_button)
        rv.addLayout(actions)

        self.splitter = ReflowSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)
        # the editor takes the window's height; the strips below it keep their own
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        order = [
            self.search_edit,
            self.tag_filter,
            self.new_button,
            self.entry_list,
            self.title_edit,
            self.date_edit,
            self.tags_edit,
            self.preview_button,
            self.body_edit,
            self.preview,
            self.delete_button,
            self.save_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
