"""Small shared widgets: an HTML item delegate, a network-free Markdown preview, layouts that
reflow when the width is short (`FlowLayout`, `ReflowSplitter`), helpers."""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLayout,
    QLayoutItem,
    QSplitter,
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


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps them onto more rows when the width is short.

    Its minimum width is the widest item, so a row of buttons never makes a page scroll
    sideways. Splitters do not ask for height-for-width, so the minimum height follows the
    width the layout last had (and the layout asks its parents again when that changes).
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._last_width = -1
        self._last_height = -1

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def spacing(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parent()
        if isinstance(parent, QWidget):
            return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
        if isinstance(parent, QLayout):
            return max(0, parent.spacing())
        return 6

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def height_for(self, width: int) -> int:
        """The height the items need at `width` (not Qt's height-for-width, which splitters and
        scroll areas ignore: the minimum height carries it instead)."""
        return self._do_layout(QRect(0, 0, width, 0), move=False)

    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        items = self._visible()
        m = self.contentsMargins()
        gap = self.spacing()
        width = sum(i.sizeHint().width() for i in items) + gap * max(0, len(items) - 1)
        height = max((i.sizeHint().height() for i in items), default=0)
        height = max(height + m.top() + m.bottom(), self.minimumSize().height())
        return QSize(width + m.left() + m.right(), height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        m = self.contentsMargins()
        width = max((i.minimumSize().width() for i in self._visible()), default=0)
        width += m.left() + m.right()
        if self._last_width > 0:
            height = self.height_for(max(width, self._last_width))
        else:
            height = max((i.sizeHint().height() for i in self._visible()), default=0)
            height += m.top() + m.bottom()
        return QSize(width, height)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        height = self._do_layout(rect, move=True)
        if rect.width() != self._last_width:
            self._last_width = rect.width()
            if height != self._last_height:
                self._last_height = height
                widget = self.parentWidget()
                if widget is not None:  # parents ask for the new minimum height
                    widget.updateGeometry()

    def _do_layout(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self.spacing()
        x, y, row_height = area.x(), area.y(), 0
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), area.width()) if area.width() > 0 else hint.width()
            width = max(width, item.minimumSize().width())
            if x > area.x() and x + width > area.right() + 1:
                x = area.x()
                y += row_height + gap
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


def flow_row(*widgets: QWidget, spacing: int = -1) -> QWidget:
    """A widget holding `widgets` in a FlowLayout without margins."""
    holder = QWidget()
    layout = FlowLayout(holder, spacing)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder


class ReflowSplitter(QSplitter):
    """A side-by-side splitter that puts its panes one below the other when the width is short.

    Its minimum width is that of its widest pane, so it never makes a page scroll sideways.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._switching = False

    def _side_by_side_width(self) -> int:
        panes = [self.widget(i) for i in range(self.count())]
        shown = [w for w in panes if w is not None and not w.isHidden()]
        widths = [max(w.minimumSizeHint().width(), w.minimumWidth()) for w in shown]
        return sum(widths) + self.handleWidth() * max(0, len(shown) - 1)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        if self.orientation() == Qt.Orientation.Vertical:
            return hint
        panes = [self.widget(i) for i in range(self.count())]
        widths = [
            max(w.minimumSizeHint().width(), w.minimumWidth())
            for w in panes
            if w is not None and not w.isHidden()
        ]
        return QSize(max(widths, default=hint.width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        self._fit(event.size().width())
        super().resizeEvent(event)

    def _fit(self, width: int) -> None:
        if self._switching:
            return
        needed = self._side_by_side_width()
        horizontal = self.orientation() == Qt.Orientation.Horizontal
        # a little slack so that a scroll bar coming and going does not flip it back and forth
        slack = self.fontMetrics().height()
        wanted = horizontal
        if horizontal and width < needed:
            wanted = False
        elif not horizontal and width >= needed + slack:
            wanted = True
        if wanted != horizontal:
            self._switching = True
            try:
                self.setOrientation(
                    Qt.Orientation.Horizontal if wanted else Qt.Orientation.Vertical
                )
                self.updateGeometry()
            finally:
                self._switching = False
