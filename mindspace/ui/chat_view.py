"""Layout of the companion chat page (no behaviour: see ``chat_screen.ChatScreen``).

From top to bottom: the heading with what the companion is (a self-help companion, not a
therapist), a row of actions, then past conversations beside (or, when narrow, above) the
conversation: the message bubbles, the "why" note, the exercise card (name, step n of m, a
progress bar, the breathing pacer, "Leave exercise" and "Save as journal entry"), the
quick-reply chips, and the message box with Send and Speak.

Keys (documented in each control's tooltip): Enter sends, Shift+Enter starts a new line, Up in
an empty message box brings back the last message to edit and send again, Esc leaves a running
exercise (the conversation goes on; what is typed stays), Ctrl+R starts and stops speaking a
message, Ctrl+Shift+N starts over, Ctrl+D deletes the conversation (after asking),
Ctrl+Shift+W shows why the companion said its last message, Ctrl+H shows or hides the past
conversations. In the list of past conversations Enter opens one and Delete deletes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mindspace.ui.breath_pacer import BreathPacer
from mindspace.ui.chat_bubbles import ChatTranscript
from mindspace.ui.widgets import FlowLayout, ReflowSplitter, flow_row, role_label

WHAT_IT_IS = (
    "A self-help companion, not a therapist: it cannot assess risk or give medical advice."
)
INTRO = (
    "Hello. I'm a self-help companion, not a therapist: I can listen, suggest an exercise "
    "(breathing, grounding, a thought record and more) and help you write things down. I "
    "can't give medical advice or judge how safe you are. If you are in danger, please "
    "contact your local emergency number. What would you like to talk about?"
)
WIDE_CHARS = 110  # page width, in characters, from which the past conversations show
PLACEHOLDER = "Write a message. Enter sends, Shift+Enter starts a new line."


class ChatInput(QPlainTextEdit):
    """The message box: Enter sends, Shift+Enter is a new line, Up (when empty) asks for the
    last message back, Esc asks to leave the exercise."""

    submitted = Signal()
    recall_requested = Signal()
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Message")
        self.setPlaceholderText(PLACEHOLDER)
        self.setToolTip("Enter sends, Shift+Enter starts a new line, Up brings back your last "
                        "message when the box is empty")
        self.setTabChangesFocus(True)
        lines = 3
        height = self.fontMetrics().lineSpacing() * lines + 4 * self.frameWidth() + 12
        self.setMaximumHeight(height)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() + 4 * self.frameWidth() + 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            elif plain:
                self.submitted.emit()
            else:
                super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Up and plain and not self.toPlainText():
            self.recall_requested.emit()
            return
        if key == Qt.Key.Key_Escape and plain:
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class ChatView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()

    # ---- helpers --------------------------------------------------------------------------
    def _button(self, text: str, name: str, keys: str = "", scope: QWidget | None = None
                ) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(f"{name} ({keys})" if keys else name)
        if keys:
            shortcut = QShortcut(QKeySequence(keys), scope or self,
                                 context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

            def activate() -> None:
                if button.isEnabled() and button.isVisible():
                    button.click()

            shortcut.activated.connect(activate)
        return button

    # ---- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = role_label("Talk it through", "heading")
        self.what_it_is = role_label(WHAT_IT_IS, "muted")
        self.what_it_is.setAccessibleName("What the companion is")

        self.history_button = self._button("&Past conversations", "Show past conversations",
                                           "Ctrl+H")
        self.history_button.setCheckable(True)
        self.history_button.setChecked(True)
        self.start_over_button = self._button("Start &over", "Start over", "Ctrl+Shift+N")
        self.delete_button = self._button("&Delete this conversation",
                                          "Delete this conversation", "Ctrl+D")
        self.why_button = self._button("&Why did you say that?", "Why did you say that?",
                                       "Ctrl+Shift+W")
        actions = flow_row(self.history_button, self.start_over_button, self.why_button,
                           self.delete_button)

        # past conversations
        self.history_pane = QWidget()
        self.history_pane.setObjectName("chatHistoryPane")
        history = QVBoxLayout(self.history_pane)
        history.setContentsMargins(0, 0, 0, 0)
        history.addWidget(role_label("Past conversations", "subheading"))
        self.conversation_list = QListWidget()
        self.conversation_list.setAccessibleName("Past conversations")
        self.conversation_list.setToolTip("Enter opens a conversation; Delete deletes it")
        self.conversation_list.setWordWrap(True)
        self.conversation_list.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.history_empty = role_label("Your conversations will be listed here.", "muted")
        self.open_button = self._button("Op&en", "Open the selected conversation")
        self.delete_past_button = self._button("De&lete", "Delete the selected conversation")
        history.addWidget(self.conversation_list, 1)
        history.addWidget(self.history_empty)
        history.addWidget(flow_row(self.open_button, self.delete_past_button))

        # the conversation
        self.conversation_pane = QWidget()
        self.conversation_pane.setObjectName("chatConversationPane")
        pane = QVBoxLayout(self.conversation_pane)
        pane.setContentsMargins(0, 0, 0, 0)
        self.transcript = ChatTranscript()

        self.why_frame = QFrame()
        self.why_frame.setProperty("role", "card")
        self.why_frame.setAccessibleName("Why the companion said that")
        why_layout = QVBoxLayout(self.why_frame)
        self.why_label = role_label("")
        self.why_label.setAccessibleName("Why the companion said that")
        self.why_label.setTextFormat(Qt.TextFormat.PlainText)
        self.why_close_button = self._button("Close", "Close the explanation")
        why_layout.addWidget(self.why_label)
        why_layout.addWidget(self.why_close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.why_frame.hide()

        self.exercise_card = QFrame()
        self.exercise_card.setProperty("role", "card")
        self.exercise_card.setAccessibleName("Exercise")
        card = QVBoxLayout(self.exercise_card)
        self.exercise_title = role_label("", "subheading")
        self.exercise_title.setAccessibleName("Exercise name")
        self.exercise_step = role_label("")
        self.exercise_step.setAccessibleName("Exercise progress")
        self.exercise_progress = QProgressBar()
        self.exercise_progress.setAccessibleName("Exercise progress")
        self.exercise_progress.setTextVisible(False)
        self.pacer = BreathPacer()
        self.pacer.hide()
        self.still_check = QCheckBox("Keep the circle &still")
        self.still_check.setAccessibleName("Keep the breathing circle still (reduce motion)")
        self.still_check.hide()
        self.leave_button = self._button("Leave e&xercise", "Leave the exercise", "Esc",
                                         scope=self.conversation_pane)
        self.save_exercise_button = self._button("Save as &journal entry",
                                                 "Save as journal entry")
        self.save_exercise_button.hide()
        card.addWidget(flow_row(self.exercise_title, self.exercise_step))
        card.addWidget(self.exercise_progress)
        card.addWidget(self.pacer)
        card.addWidget(flow_row(self.leave_button, self.save_exercise_button, self.still_check))
        self.exercise_card.hide()

        self.quick_replies = QWidget()
        self.quick_replies.setAccessibleName("Quick replies")
        self.quick_layout = FlowLayout(self.quick_replies)
        self.quick_layout.setContentsMargins(0, 0, 0, 0)

        self.input = ChatInput()
        self.send_button = self._button("&Send", "Send message")
        self.send_button.setToolTip("Send message (Enter)")
        self.speak_button = self._button("Spea&k", "Speak a message", "Ctrl+R")
        self.speak_button.setCheckable(True)
        self.status = role_label("", "muted")
        self.status.setAccessibleName("Chat status")
        input_row = QHBoxLayout()
        input_row.addWidget(self.input, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.speak_button)
        buttons.addStretch(1)
        input_row.addLayout(buttons)

        pane.addWidget(self.transcript, 1)
        pane.addWidget(self.why_frame)
        pane.addWidget(self.exercise_card)
        pane.addWidget(self.quick_replies)
        pane.addLayout(input_row)
        pane.addWidget(self.status)

        self.splitter = ReflowSplitter()
        self.splitter.addWidget(self.history_pane)
        self.splitter.addWidget(self.conversation_pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        layout = self.page_layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.what_it_is)
        layout.addWidget(actions)
        layout.addWidget(self.splitter, 1)

        order: list[QWidget] = [
            self.input, self.send_button, self.speak_button, self.quick_replies,
            self.leave_button, self.save_exercise_button, self.still_check, self.transcript,
            self.history_button, self.start_over_button, self.why_button, self.delete_button,
            self.conversation_list, self.open_button, self.delete_past_button,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.history_button.toggled.connect(self.history_pane.setVisible)
        self.history_chosen = False  # the person showed or hid the list: it stays so
        self.history_button.clicked.connect(self._history_clicked)

    def _history_clicked(self) -> None:
        self.history_chosen = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Past conversations sit beside the conversation when there is room for both; in a
        narrow window (or at large text) they wait behind their button, unless the person chose."""
        super().resizeEvent(event)
        if not self.history_chosen:
            wide = event.size().width() >= self.fontMetrics().averageCharWidth() * WIDE_CHARS
            if self.history_button.isChecked() != wide:
                self.history_button.setChecked(wide)
