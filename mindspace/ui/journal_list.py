"""What the journal's list shows: entries grouped by day, search hits with highlighted
snippets, and the tag filter. Plain functions over the view's widgets (GUI thread)."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTreeWidget, QTreeWidgetItem

from mindspace.core.entities import JournalEntry, SearchHit
from mindspace.core.wording import plain_text
from mindspace.ui.themes import highlight_colours
from mindspace.ui.widgets import HTML_ROLE, ID_ROLE, highlighted_html, plain_snippet


def day_heading(day: datetime) -> str:
    return day.strftime("%A %d %B %Y")


def plain_label(entry: JournalEntry) -> str:
    title = entry.title or "(untitled)"
    tags = f" - tags: {', '.join(entry.tags)}" if entry.tags else ""
    return f"{entry.entry_at:%H:%M} {title}{tags}"


def entry_html(entry: JournalEntry) -> str:
    title = html.escape(entry.title or "(untitled)")
    first = html.escape(" ".join(plain_text(entry.body).split())[:90])
    tags = html.escape(", ".join(entry.tags))
    extra = f"<br><i>{tags}</i>" if tags else ""
    return f"<b>{title}</b> &middot; {entry.entry_at:%H:%M}<br>{first}{extra}"


def fill_entries(tree: QTreeWidget, entries: list[JournalEntry], current_id: str | None) -> None:
    """Entries under one bold heading per day; the entry being edited stays selected."""
    tree.blockSignals(True)
    tree.clear()
    day_item: QTreeWidgetItem | None = None
    current_day = None
    select: QTreeWidgetItem | None = None
    for entry in entries:
        day = entry.entry_at.date()
        if day != current_day or day_item is None:
            current_day = day
            day_item = QTreeWidgetItem([day_heading(entry.entry_at)])
            day_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = day_item.font(0)
            font.setBold(True)
            day_item.setFont(0, font)
            tree.addTopLevelItem(day_item)
        item = QTreeWidgetItem([plain_label(entry)])
        item.setData(0, ID_ROLE, entry.id)
        item.setData(0, HTML_ROLE, entry_html(entry))
        day_item.addChild(item)
        if entry.id == current_id:
            select = item
    tree.expandAll()
    if select is not None:
        tree.setCurrentItem(select)
    tree.blockSignals(False)


def fill_hits(tree: QTreeWidget, hits: list[SearchHit]) -> None:
    """Search results, newest first, with the matched words highlighted."""
    background, foreground = highlight_colours()
    tree.blockSignals(True)
    tree.clear()
    for hit in hits:
        title = html.escape(hit.title or "(untitled)")
        snippet = highlighted_html(hit.snippet, background, foreground)
        plain = f"{hit.entry_at:%Y-%m-%d} {hit.title}: {plain_snippet(hit.snippet)}"
        item = QTreeWidgetItem([plain])
        item.setData(0, ID_ROLE, hit.entry_id)
        item.setData(
            0, HTML_ROLE, f"<b>{title}</b> &middot; {hit.entry_at:%Y-%m-%d %H:%M}<br>{snippet}"
        )
        tree.addTopLevelItem(item)
    tree.blockSignals(False)


def fill_tags(combo: QComboBox, tags: list[tuple[str, int]]) -> None:
    """"All tags" and each tag with its count; the chosen tag stays chosen."""
    keep = str(combo.currentData() or "")
    combo.blockSignals(True)
    combo.clear()
    combo.addItem("All tags", "")
    for name, count in tags:
        combo.addItem(f"{name} ({count})", name)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(False)
