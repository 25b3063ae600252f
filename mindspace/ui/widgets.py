"""Small shared widgets: an HTML item delegate, a network-free Markdown preview, helpers."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QUrl
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QWidget,
)

from mindspace.core.entities import HIGHLIGHT_END, HIGHLIGHT_START

HTML_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ID_ROLE = int(Qt.ItemDataRole.UserRole)

Index = QModelIndex | QPersistentModelIndex


def highlighted_html(snippet: str, background: str, foreground: str) -> str:
    """Escape `snippet`, then wrap the repository's match markers in a highlight span.

    Qt's rich text has no <mark>, so the highlight is a styled span with class "match".
    """
    escaped = html.escape(snippet, quote=False)
    start = (
        f'<span class="match" style="background-color:{background}; color:{foreground};'
        ' font-weight:600">'
    )
    return escaped.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, "</span>")


def plain_snippet(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


class HtmlDelegate(QStyledItemDelegate):
    """Paints items whose HTML_ROLE holds rich text (falls back to plain painting)."""

    def _document(self, option: QStyleOptionViewItem, text: str, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(text)
        doc.setTextWidth(max(120, width))
        return doc

    @staticmethod
    def _width(option: QStyleOptionViewItem) -> int:
        widget = option.widget
        if option.rect.width() > 0:
            return int(option.rect.width()) - 8
        viewport = getattr(widget, "viewport", None)
        return int(viewport().width()) - 40 if viewport else 320

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data(HTML_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else QApplication.style()
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        doc = self._document(opt, text, rect.width())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        text = index.data(HTML_ROLE)
        if not text:
            return super().sizeHint(option, index)
        doc = self._document(option, text, self._width(option))
        return QSize(int(doc.idealWidth()) + 8, int(doc.size().height()) + 4)


class MarkdownPreview(QTextBrowser):
    """Read-only Markdown rendering that never loads anything (no images, no links followed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, type: int, name: QUrl | str) -> object:  # noqa: A002,N802 - Qt API
        return None


def role_label(text: str, role: str = "", wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget
