"""Journal screen: list by day, editor with Markdown preview, search with highlights, tag filter.

Every repository call runs on a worker through `TaskRunner`; results come back on the GUI
thread. `clear()` removes every piece of user text from the widgets (used when locking).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem, QVBoxLayout, QWidget

from mindspace.app import AppServices
from mindspace.core.entities import JournalEntry, SearchHit
from mindspace.core.wording import plural
from mindspace.ui.announce import announce, forget
from mindspace.ui.journal_list import fill_entries, fill_hits, fill_tags
from mindspace.ui.journal_view import JournalView
from mindspace.ui.keys import date_keys
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.widgets import ID_ROLE


def _split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]


PAGE_SIZE = 200  # entries per page of the list: the first screen never reads the whole journal


class JournalScreen(QWidget):
    entry_saved = Signal(str)  # entry id
    entry_deleted = Signal(str)
    search_finished = Signal(int)  # number of hits
    list_refreshed = Signal(int)  # number of entries shown

    def __init__(
        self, services: AppServices, parent: QWidget | None = None, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.view = JournalView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        from mindspace.ui.crisis_panel import CrisisPanel
        from mindspace.ui.emotion_chips import EmotionChips
        from mindspace.ui.insights import EntryInsights

        self.crisis_panel = CrisisPanel(services, self)
        self.emotion_chips = EmotionChips(services, self)
        self.insights = EntryInsights(
            services, self.runner, self.crisis_panel, self.emotion_chips, self
        )
        layout.insertWidget(0, self.crisis_panel)
        layout.addWidget(self.view)
        layout.addWidget(self.emotion_chips)
        self._entries: dict[str, JournalEntry] = {}
        self._listed: list[JournalEntry] = []  # the entries in the list, newest first
        self._cursor: int | None = None  # where the next (older) page starts, if there is one
        self._total = 0
        self._current_id: str | None = None
        self._dirty = False
        self._loading = False
        self._search_seq = 0
        self.confirm: Callable[[str, str], bool] = self._ask

        v = self.view
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.run_search)
        v.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        v.search_edit.returnPressed.connect(self.run_search)
        v.tag_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        v.new_button.clicked.connect(self.new_entry)
        v.more_button.clicked.connect(self.load_more)
        v.entry_list.currentItemChanged.connect(self._item_selected)
        v.save_button.clicked.connect(self.save)
        v.delete_button.clicked.connect(self.delete_current)
        v.preview_button.toggled.connect(self._toggle_preview)
        for edit in (v.title_edit, v.tags_edit):
            edit.textChanged.connect(self._mark_dirty)
        v.body_edit.textChanged.connect(self._mark_dirty)
        v.date_edit.dateTimeChanged.connect(self._mark_dirty)
        date_keys(v.date_edit)  # Alt+Down opens the calendar; typed dates
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+S", self.save),
            ("Ctrl+Shift+P", v.preview_button.toggle),
            ("Ctrl+D", self.delete_current),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, context=ctx)
            shortcut.activated.connect(slot)
        self.new_entry()
        self.refresh()

    # ---- page protocol (see pages.py) -----------------------------------------------------
    def focus_search(self) -> None:
        self.view.search_edit.setFocus()
        self.view.search_edit.selectAll()

    def new_entry(self) -> None:
        self.insights.clear()
        v = self.view
        self._loading = True
        self._current_id = None
        v.editor_heading.setText("New entry")
        v.title_edit.clear()
        v.tags_edit.clear()
        v.body_edit.clear()
        v.preview.clear()
        v.preview_button.setChecked(False)
        v.date_edit.setDateTime(QDateTime.currentDateTime())
        v.delete_button.setEnabled(False)
        v.status.setText("")
        self._loading = False
        self._dirty = False
        v.title_edit.setFocus()

    def pending_work(self) -> Callable[[], Any] | None:
        """Unsaved edits as a closure to run before the vault locks (None if nothing to save)."""
        if not self._dirty or not self._has_content():
            return None
        fields = self._fields()
        entry_id = self._current_id
        journal = self.services.journal

        def save_draft() -> None:
            if entry_id:
                journal.update(entry_id, **fields)
            else:
                journal.add(**fields)

        return save_draft

    def clear(self) -> None:
        """Forget everything shown (called when locking)."""
        self._search_seq += 1
        self._search_timer.stop()
        self._entries.clear()
        self.insights.clear()
        self.crisis_panel.dismiss()
        forget()
        v = self.view
        v.search_edit.clear()
        v.entry_list.clear()
        v.more_button.hide()
        self._listed, self._cursor = [], None
        v.tag_filter.blockSignals(True)
        v.tag_filter.clear()
        v.tag_filter.blockSignals(False)
        self.new_entry()
        v.list_caption.clear()

    # ---- list and search ------------------------------------------------------------------
    def current_tag(self) -> str:
        return str(self.view.tag_filter.currentData() or "")

    def refresh(self) -> None:
        """Reload entries and tags (or re-run the search when a query is typed)."""
        if self.view.search_edit.text().strip():
            self.run_search()
            return
        tag = self.current_tag() or None
        journal = self.services.journal
        self.runner.submit(
            lambda: (journal.page(tag=tag, limit=PAGE_SIZE), journal.count(tag), journal.tags()),
            name="journal-list",
            owner=self,
            on_success=self._show_list,
            on_failure=self._show_error,
        )

    def load_more(self) -> None:
        """Append the next page of older entries to the list."""
        if self._cursor is None:
            return
        tag = self.current_tag() or None
        cursor = self._cursor
        self.view.more_button.setEnabled(False)
        self.runner.submit(
            lambda: self.services.journal.page(tag=tag, limit=PAGE_SIZE, before=cursor),
            name="journal-more",
            owner=self,
            on_success=self._show_more,
            on_failure=self._show_error,
        )

    def _show_list(
        self, result: tuple[tuple[list[JournalEntry], int | None], int, list[tuple[str, int]]]
    ) -> None:
        (entries, cursor), total, tags = result
        if self.view.search_edit.text().strip():
            fill_tags(self.view.tag_filter, tags)
            return
        self._listed, self._total = [], total
        fill_tags(self.view.tag_filter, tags)
        self._show_more((entries, cursor))

    def _show_more(self, result: tuple[list[JournalEntry], int | None]) -> None:
        entries, self._cursor = result
        self._listed.extend(entries)
        self._entries = {e.id: e for e in self._listed}
        fill_entries(self.view.entry_list, self._listed, self._current_id)
        n = len(self._listed)
        shown_all = self._cursor is None
        caption = plural(n, "entry")
        if not shown_all:
            caption = f"The newest {n:,} of {plural(self._total, 'entry')}"
        self.view.list_caption.setText(caption)
        self.view.more_button.setVisible(not shown_all)
        self.view.more_button.setEnabled(True)
        self.list_refreshed.emit(n)

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.view.search_edit.text()
        if not text.strip():
            self.refresh()
            return
        self._search_seq += 1
        seq = self._search_seq
        tag = self.current_tag() or None
        journal = self.services.journal
        self.runner.submit(
            journal.search,
            text,
            tag=tag,
            name="journal-search",
            owner=self,
            on_success=lambda hits: self._show_hits(seq, hits),
            on_failure=self._show_error,
        )

    def _show_hits(self, seq: int, hits: list[SearchHit]) -> None:
        if seq != self._search_seq:
            return  # a newer search is on its way
        fill_hits(self.view.entry_list, hits)
        n = len(hits)
        self.view.list_caption.setText(
            plural(n, "match") if n else "No entries match this search."
        )
        self.search_finished.emit(n)

    # ---- editor ---------------------------------------------------------------------------
    def _item_selected(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        if item is None:
            return
        entry_id = item.data(0, ID_ROLE)
        if not entry_id or entry_id == self._current_id:
            return
        if (
            self._dirty
            and self._has_content()
            and not self.confirm("Unsaved changes", "Discard the changes to the open entry?")
        ):
            # the list goes back to the entry still in the editor (after the click that moved
            # it has finished, so the click's own selection does not win)
            QTimer.singleShot(0, self, self._select_current)
            return
        entry = self._entries.get(entry_id)
        if entry is not None:
            self.show_entry(entry)
            return
        self.runner.submit(
            self.services.journal.get,
            entry_id,
            name="journal-get",
            owner=self,
            on_success=self.show_entry,
            on_failure=self._show_error,
        )

    def _select_current(self) -> None:
        """Highlight the entry being edited in the list (none for a new entry)."""
        tree = self.view.entry_list
        found: QTreeWidgetItem | None = None
        tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        items = [t for t in tops if t is not None]
        for top in list(items):
            items += [c for j in range(top.childCount()) if (c := top.child(j)) is not None]
        for item in items:
            if self._current_id is not None and item.data(0, ID_ROLE) == self._current_id:
                found = item
        tree.blockSignals(True)
        if found is not None:
            tree.setCurrentItem(found)
        else:
            tree.selectionModel().clearCurrentIndex()
            tree.clearSelection()
        tree.blockSignals(False)

    def show_entry(self, entry: JournalEntry) -> None:
        v = self.view
        self._loading = True
        self._current_id = entry.id
        self._entries[entry.id] = entry
        v.editor_heading.setText(f"Entry of {entry.entry_at:%A %d %B %Y}")
        v.title_edit.setText(entry.title)
        v.date_edit.setDateTime(QDateTime(entry.entry_at))  # type: ignore[call-overload]
        v.tags_edit.setText(", ".join(entry.tags))
        v.body_edit.setPlainText(entry.body)
        if v.preview_button.isChecked():
            v.preview.setMarkdown(entry.body)
        v.delete_button.setEnabled(True)
        v.status.setText("")
        self._loading = False
        self._dirty = False
        self.insights.show_stored("journal", entry.id)

    def _mark_dirty(self, *_args: Any) -> None:
        if not self._loading:
            self._dirty = True
            self.view.status.setText("Not saved yet")

    def _toggle_preview(self, on: bool) -> None:
        v = self.view
        if on:
            v.preview.setMarkdown(v.body_edit.toPlainText())
            v.body_stack.setCurrentWidget(v.preview)
        else:
            v.preview.clear()
            v.body_stack.setCurrentWidget(v.body_edit)
        v.preview_button.setText("Edit te&xt" if on else "Pre&view")
        v.preview_button.setAccessibleName("Back to editing" if on else "Show Markdown preview")

    def _has_content(self) -> bool:
        v = self.view
        return bool(v.title_edit.text().strip() or v.body_edit.toPlainText().strip())

    def _fields(self) -> dict[str, Any]:
        v = self.view
        when = v.date_edit.dateTime().toPython()
        return {
            "title": v.title_edit.text(),
            "body": v.body_edit.toPlainText(),
            "entry_at": when.replace(microsecond=0) if isinstance(when, datetime) else None,
            "tags": _split_tags(v.tags_edit.text()),
        }

    def save(self) -> None:
        if not self._has_content():
            self.view.status.setText("Write a title or some text first.")
            announce(self.view.status, self.view.status.text(), assertive=True)
            return
        fields = self._fields()
        # the pattern screen runs now, on the words being saved: the support panel never
        # waits for the database or the models
        self.insights.screen_now("journal", f"{fields['title']}\n{fields['body']}")
        journal, entry_id = self.services.journal, self._current_id
        if entry_id:
            work: Callable[[], JournalEntry] = lambda: journal.update(entry_id, **fields)  # noqa: E731
        else:
            work = lambda: journal.add(**fields)  # noqa: E731
        self.view.save_button.setEnabled(False)
        self.view.status.setText("Saving...")
        self.runner.submit(
            work,
            name="journal-save",
            owner=self,
            on_success=self._saved,
            on_failure=self._save_failed,
        )

    def _saved(self, entry: JournalEntry) -> None:
        self.view.save_button.setEnabled(True)
        self.insights.panel.adopt(("journal", entry.id))  # a panel raised on saving stays
        self.show_entry(entry)
        self.view.status.setText(f"Saved at {datetime.now():%H:%M}.")
        announce(self.view.status, "Entry saved.")
        self.entry_saved.emit(entry.id)
        self.insights.analyse("journal", entry.id)
        self.refresh()

    def _save_failed(self, exc: BaseException) -> None:
        self.view.save_button.setEnabled(True)
        self._show_error(exc)

    def delete_current(self) -> None:
        entry_id = self._current_id
        if not entry_id:
            return
        title = self.view.title_edit.text() or "this entry"
        if not self.confirm("Delete entry", f"Delete “{title}” for good? This cannot be undone."):
            return
        self.runner.submit(
            self.services.journal.delete,
            entry_id,
            name="journal-delete",
            owner=self,
            on_success=lambda _r: self._deleted(entry_id),
            on_failure=self._show_error,
        )

    def _deleted(self, entry_id: str) -> None:
        self._entries.pop(entry_id, None)
        self.new_entry()
        self.view.status.setText("Entry deleted.")
        announce(self.view.status, "Entry deleted.")
        self.entry_deleted.emit(entry_id)
        self.refresh()

    def _show_error(self, exc: BaseException) -> None:
        self.view.status.setText(describe_error(exc))
        announce(self.view.status, self.view.status.text(), assertive=True)

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
