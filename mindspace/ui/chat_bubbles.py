"""The conversation as message bubbles: the person's on the right, the companion's on the left.

``ChatTranscript`` is a scroll area holding one ``Bubble`` per message, newest at the bottom; it
scrolls to the newest message whenever one is added. Bubbles are styled by role only
(``bubble="user"`` / ``bubble="companion"``, see ``ui/style.py``) and also say who is speaking
in words ("You" / "Companion"), so the two sides read apart without colour. Each bubble is as
wide as its words, up to about three quarters of the transcript, and wraps its text, so it
stays readable at large text sizes and in small windows. Bubbles are not in the Tab chain (the
transcript scrolls with the arrow and page keys); screen readers hear new companion messages
through ``ui/announce.py`` (the chat screen announces them).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mindspace.ui.widgets import role_label

USER = "user"
COMPANION = "companion"
AUTHORS = {USER: "You", COMPANION: "Companion"}
WIDTH_SHARE = 0.78  # a bubble is at most this share of the transcript's width


class BubbleText(QLabel):
    """Wrapped plain text whose preferred width is its longest line, up to its maximum width
    (a plain word-wrapped QLabel guesses a narrow width and makes tall, thin bubbles)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        fm = self.fontMetrics()
        lines = self.text().splitlines() or [""]
        natural = max(fm.horizontalAdvance(line) for line in lines) + 2 * self.margin() + 4
        width = max(fm.averageCharWidth() * 4, min(natural, self.maximumWidth()))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = self.sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 12),
                     hint.height())


class Bubble(QFrame):
    """One message: who said it (in words) and the text, wrapped."""

    def __init__(self, author: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.author = author
        self.setProperty("bubble", author)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.who = role_label(AUTHORS.get(author, author), "muted")
        self.who.setAccessibleName("Message from")
        self.text_label = BubbleText(text)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setAccessibleName(
            "Your message" if author == USER else "Companion's message"
        )
        layout = QVBoxLayout(self)
        gap = max(2, self.fontMetrics().height() // 6)
        layout.setContentsMargins(gap * 3, gap * 2, gap * 3, gap * 2)
        layout.setSpacing(gap)
        layout.addWidget(self.who)
        layout.addWidget(self.text_label)

    def text(self) -> str:
        return self.text_label.text()

    def set_max_width(self, width: int) -> None:
        margins = self.layout().contentsMargins()  # type: ignore[union-attr]
        inner = max(80, width - margins.left() - margins.right() - 2 * self.frameWidth())
        self.text_label.setMaximumWidth(inner)
        self.setMaximumWidth(max(80, width))


class ChatTranscript(QScrollArea):
    """The messages of one conversation, scrolled to the newest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Conversation")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page keys scroll it
        self.setMinimumHeight(self.fontMetrics().height() * 4)
        self._inner = QWidget()
        self._inner.setObjectName("chatTranscriptInner")
        self._column = QVBoxLayout(self._inner)
        self._column.addStretch(1)  # messages sit at the bottom while there are few
        self.setWidget(self._inner)
        self.bubbles: list[Bubble] = []
        # keep the newest message in view while the content grows (wrapping re-lays out the
        # column after the bubble is added, so follow the scroll bar's range)
        self._follow = True
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.viewport().installEventFilter(self)

    # ---- messages -------------------------------------------------------------------------
    def add(self, author: str, text: str) -> Bubble:
        bubble = Bubble(author, text)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        if author == USER:
            row.addStretch(1)
            row.addWidget(bubble)
        else:
            row.addWidget(bubble)
            row.addStretch(1)
        self._column.addLayout(row)
        bubble.set_max_width(self._bubble_width())
        self.bubbles.append(bubble)
        self._follow = True
        QTimer.singleShot(0, self, self.scroll_to_newest)
        return bubble

    def last(self, author: str | None = None) -> Bubble | None:
        for bubble in reversed(self.bubbles):
            if author is None or bubble.author == author:
                return bubble
        return None

    def texts(self) -> list[tuple[str, str]]:
        return [(b.author, b.text()) for b in self.bubbles]

    def clear(self) -> None:
        """Remove every message (and its text) from the widgets."""
        while self._column.count() > 1:
            item = self._column.takeAt(1)
            row = item.layout() if item is not None else None
            if row is None:
                continue
            while row.count():
                child = row.takeAt(0)
                widget = child.widget() if child is not None else None
                if isinstance(widget, Bubble):
                    widget.text_label.clear()
                    widget.hide()
                    widget.setParent(None)
                    widget.deleteLater()
            row.deleteLater()
        self.bubbles.clear()
        self._follow = True

    # ---- scrolling and width --------------------------------------------------------------
    def scroll_to_newest(self) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def at_newest(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _range_changed(self, _low: int, high: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(high)

    def _scrolled(self, value: int) -> None:
        # the person scrolled up to read: stop following until the next message
        self._follow = value >= self.verticalScrollBar().maximum()

    def _bubble_width(self) -> int:
        return int(self.viewport().width() * WIDTH_SHARE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            width = self._bubble_width()
            for bubble in self.bubbles:
                bubble.set_max_width(width)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._follow:
            QTimer.singleShot(0, self, self.scroll_to_newest)
