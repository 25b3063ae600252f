"""The companion chat page: talk things through with the self-help companion, do an exercise.

Contract
--------
* ``ChatScreen(services, parent=None, runner=None, source_factory=None)``. The companion is the
  use case ``services.companion()`` (``mindspace.app.companion``); every call to it (sending a
  message, stopping an exercise, listing, opening, deleting a conversation, saving an exercise
  to the journal) runs on the ``TaskRunner``'s workers, one message at a time. The page asks for
  the companion as soon as it is built, so its models are loading while the person types (the
  shell also warms them after unlocking, see ``ui/warmup.py``).
* Safety first: the words a person sends go through the pattern screen
  (``app.screen.screen_text``) on the spot, before the message leaves the GUI thread; when it
  flags, the support panel (``ui/crisis_panel.py``, as in the journal) opens at once and the
  exercise card closes, whatever the models are doing. A reply whose ``crisis_level`` is
  concern or urgent does the same.
* Every companion message is announced to screen readers (``ui/announce.py``).
* Push to talk: Speak (Ctrl+R) records from the microphone (``source_factory(device)`` builds it;
  default ``app.audio.microphone``), Speak again stops, and the words, transcribed on a worker
  by the same speech model as the voice check-in, go into the message box to be checked and
  sent. The audio stays in memory and is dropped after transcription.
* Signals: ``reply_shown(object)`` (the ``Reply``), ``conversations_listed(int)``,
  ``conversation_opened(str)``, ``conversation_deleted(str)``, ``exercise_saved(str)`` (journal
  entry id), ``transcribed(str)``, ``support_panel_opened(str)`` (level), ``failed(str)``.
* ``clear()`` removes every message and answer from the widgets (used when locking).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QListWidgetItem, QMessageBox, QPushButton, QWidget

from mindspace.app import AppServices
from mindspace.app.audio import (
    AudioDeviceError,
    AudioSource,
    Recorder,
    microphone,
    start_recording,
)
from mindspace.app.screen import screen_text
from mindspace.core.rules import opens_support_panel
from mindspace.ui.announce import announce, forget
from mindspace.ui.breath_pacer import DEFAULT_PATTERN, Phase
from mindspace.ui.chat_bubbles import COMPANION, USER
from mindspace.ui.chat_text import (
    conversation_line,
    exercise_name,
    pacer_pattern,
    step_line,
    why_text,
)
from mindspace.ui.chat_view import INTRO, ChatView
from mindspace.ui.crisis_panel import CrisisPanel
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error, report_bug
from mindspace.ui.widgets import ID_ROLE

SPEAK_MAX_SECONDS = 120.0


class ChatScreen(ChatView):
    reply_shown = Signal(object)
    conversations_listed = Signal(int)
    conversation_opened = Signal(str)
    conversation_deleted = Signal(str)
    exercise_saved = Signal(str)
    transcribed = Signal(str)
    support_panel_opened = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
        source_factory: Callable[[str | None], AudioSource] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self._source_factory = source_factory
        self.confirm: Callable[[str, str], bool] = self._ask
        self.conversation: Any = None  # mindspace.app.companion.Conversation
        self.last_reply: Any = None
        self.finished_result: Any = None  # the ExerciseResult offered for the journal
        self.exercise: str | None = None
        self.busy = False
        self.recorder: Recorder | None = None
        self._last_sent = ""
        self._generation = 0  # results of work started before start_over()/clear() are dropped

        self.crisis_panel = CrisisPanel(services, self)
        self.page_layout.insertWidget(0, self.crisis_panel)
        self._listen_timer = QTimer(self)
        self._listen_timer.setInterval(100)
        self._listen_timer.timeout.connect(self._poll_recording)

        self.input.submitted.connect(self.send_typed)
        self.input.recall_requested.connect(self.recall_last)
        self.send_button.clicked.connect(self.send_typed)
        self.speak_button.clicked.connect(self.toggle_speaking)
        self.start_over_button.clicked.connect(self.start_over)
        self.delete_button.clicked.connect(self.delete_current)
        self.why_button.clicked.connect(self.show_why)
        self.why_close_button.clicked.connect(self.hide_why)
        self.leave_button.clicked.connect(self.leave_exercise)
        self.save_exercise_button.clicked.connect(self.save_exercise)
        self.still_check.toggled.connect(self.pacer.set_reduced_motion)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_past_button.clicked.connect(self.delete_selected)
        self.conversation_list.itemActivated.connect(lambda _item: self.open_selected())
        self.conversation_list.currentItemChanged.connect(lambda *_a: self._update_actions())
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.conversation_list,
                               context=Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self._show_intro()
        self._update_actions()
        self.prepare()

    # ---- page protocol (see pages.py) -----------------------------------------------------
    def clear(self) -> None:
        """Forget every message, answer and title shown (called when locking)."""
        self._generation += 1
        self._stop_recorder()
        self.pacer.stop()
        self.transcript.clear()
        self.input.clear()
        self.conversation_list.clear()
        self.why_label.clear()
        self.why_frame.hide()
        self._clear_quick_replies()
        self._close_card()
        self.crisis_panel.dismiss()
        self.status.clear()
        self.conversation = None
        self.last_reply = None
        self._last_sent = ""
        self.busy = False
        forget()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not event.spontaneous():
            self.input.setFocus()

    # ---- start, list ----------------------------------------------------------------------
    def prepare(self) -> None:
        """Get the companion ready (loads its models if the warm-up has not) and list the
        past conversations."""
        services, generation = self.services, self._generation
        self.runner.submit(
            lambda: services.companion().list_conversations(),
            name="chat-prepare",
            owner=self,
            on_success=lambda found: self._listed(generation, found),
            on_failure=self._fail,
        )

    def refresh_list(self) -> None:
        self.prepare()

    def _listed(self, generation: int, summaries: list[Any]) -> None:
        if generation != self._generation:
            return
        keep = self._selected_id()
        self.conversation_list.clear()
        for summary in summaries:
            item = QListWidgetItem(conversation_line(summary))
            item.setData(ID_ROLE, summary.id)
            self.conversation_list.addItem(item)
            if summary.id == keep:
                self.conversation_list.setCurrentItem(item)
        self.conversation_list.setVisible(bool(summaries))
        self.history_empty.setVisible(not summaries)
        self._update_actions()
        self.conversations_listed.emit(len(summaries))

    def _show_intro(self) -> None:
        self.transcript.add(COMPANION, INTRO)

    # ---- sending --------------------------------------------------------------------------
    def send_typed(self) -> None:
        text = self.input.toPlainText()
        if not text.strip() or self.busy:
            return
        self.input.clear()
        self.send(text)

    def send(self, text: str) -> None:
        """Send `text` as the person's message (the pattern screen runs first, here)."""
        text = text.strip()
        if not text or self.busy:
            return
        screened = screen_text(text)
        if screened.opens_support_panel:
            self._open_support_panel(screened.level, list(screened.reasons))
        self.transcript.add(USER, text)
        self._last_sent = text
        self.hide_why()
        self._clear_quick_replies()
        self._submit(lambda conv: conv.send(text), "chat-send")

    def recall_last(self) -> None:
        """Up in an empty box: the last message comes back to be edited and sent again."""
        if self._last_sent and not self.input.toPlainText():
            self.input.setPlainText(self._last_sent)
            cursor = self.input.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.input.setTextCursor(cursor)
            self.status.setText("Your last message is back in the box: edit it and send again.")

    def leave_exercise(self) -> None:
        if self.exercise is None or self.busy or self.conversation is None:
            return
        self.pacer.stop()
        self._submit(lambda conv: conv.stop_exercise(), "chat-stop-exercise")

    def _submit(self, work: Callable[[Any], Any], name: str) -> None:
        services, conversation, generation = self.services, self.conversation, self._generation

        def job() -> tuple[Any, Any, BaseException | None]:
            conv = conversation if conversation is not None else (
                services.companion().new_conversation()
            )
            try:
                return conv, work(conv), None
            except Exception as exc:  # noqa: BLE001 - shown to the person, conversation kept
                report_bug(exc)
                return conv, None, exc

        self._set_busy(True)
        self.runner.submit(
            job,
            name=name,
            owner=self,
            on_success=lambda result: self._replied(generation, *result),
            on_failure=lambda exc: self._send_failed(generation, exc),
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.send_button.setEnabled(not busy)
        self.leave_button.setEnabled(not busy)
        for button in self._quick_buttons():
            button.setEnabled(not busy)
        self.status.setText("The companion is thinking…" if busy else "")

    def _replied(self, generation: int, conversation: Any, reply: Any,
                 error: BaseException | None) -> None:
        if generation != self._generation:
            return
        new_conversation = self.conversation is None
        self.conversation = conversation  # kept even when the reply failed: no empty ones
        if new_conversation:
            self.refresh_list()
        if error is not None:
            self._send_failed(generation, error)
            return
        self._set_busy(False)
        self.show_reply(reply)

    def _send_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self._update_actions()
        if self._last_sent and not self.input.toPlainText():
            self.input.setPlainText(self._last_sent)  # nothing is lost: send it again
        self._fail(exc)

    # ---- showing replies ------------------------------------------------------------------
    def show_reply(self, reply: Any) -> None:
        self.last_reply = reply
        self.transcript.add(COMPANION, reply.text)
        announce(self.transcript, f"Companion: {reply.text}")
        crisis = opens_support_panel(reply.crisis_level)
        if crisis:
            self._open_support_panel(reply.crisis_level, [])
        self._show_exercise(reply, crisis)
        self._set_quick_replies(list(reply.quick_replies or ()))
        self._update_actions()
        self.reply_shown.emit(reply)

    def _show_exercise(self, reply: Any, crisis: bool) -> None:
        if crisis:
            self._close_card()
            return
        finished = getattr(reply, "finished", None)
        step = getattr(reply, "step_info", None)
        if finished is not None:
            self.finished_result = finished
            self.exercise = None
            self._open_card(finished.exercise, step)
            self.exercise_step.setText("Finished. Well done for taking the time.")
            self.exercise_progress.setValue(self.exercise_progress.maximum())
            self.save_exercise_button.show()
            self.save_exercise_button.setEnabled(True)
            self.leave_button.hide()
            self._hide_pacer()
            return
        if reply.route == "exercise" and reply.exercise:
            self.exercise = reply.exercise
            self.finished_result = None
            self._open_card(reply.exercise, step)
            self.save_exercise_button.hide()
            self.leave_button.show()
            if step is not None and getattr(step, "kind", "") == "pacer":
                self._show_pacer(step)
            else:
                self._hide_pacer()
            return
        if self.finished_result is None:
            self._close_card()  # the exercise stopped (left, or the companion moved on)

    def _open_card(self, exercise: str, step: Any) -> None:
        self.exercise_title.setText(exercise_name(exercise))
        if step is not None:
            self.exercise_step.setText(step_line(step))
            self.exercise_progress.setRange(0, max(1, int(step.total)))
            value = int(step.total) if step.kind == "done" else int(step.number)
            self.exercise_progress.setValue(value)
            self.exercise_progress.setAccessibleDescription(step_line(step))
            self.exercise_progress.show()
        else:
            self.exercise_step.setText("")
            self.exercise_progress.hide()
        self.exercise_card.show()

    def _close_card(self) -> None:
        self.exercise = None
        self.finished_result = None
        self._hide_pacer()
        self.exercise_card.hide()
        self.save_exercise_button.hide()
        self.leave_button.show()

    def _show_pacer(self, step: Any) -> None:
        pattern = tuple(Phase(w, s, t) for w, s, t in pacer_pattern(step)) or DEFAULT_PATTERN
        self.pacer.pattern = pattern
        self.pacer.show()
        self.still_check.show()
        self.pacer.start()

    def _hide_pacer(self) -> None:
        self.pacer.stop()
        self.pacer.hide()
        self.still_check.hide()

    def _open_support_panel(self, level: str, reasons: list[str]) -> None:
        owner = ("chat", getattr(self.conversation, "id", None))
        shown = self.crisis_panel.isVisible() and self.crisis_panel.level == level
        if not shown:
            self.crisis_panel.show_for(level, reasons, owner)
        self._close_card()
        self.support_panel_opened.emit(level)

    # ---- quick replies --------------------------------------------------------------------
    def _quick_buttons(self) -> list[QPushButton]:
        return self.quick_replies.findChildren(QPushButton)

    def _clear_quick_replies(self) -> None:
        while self.quick_layout.count():
            item = self.quick_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.quick_replies.hide()

    def _set_quick_replies(self, replies: list[Any]) -> None:
        self._clear_quick_replies()
        for i, quick in enumerate(replies):
            button = QPushButton(quick.label, self.quick_replies)
            button.setProperty("quickReply", "true")
            button.setAccessibleName(f"Reply: {quick.label}")
            button.setToolTip(f"Send “{quick.text}”")
            button.clicked.connect(lambda _c=False, text=quick.text: self.send(text))
            self.quick_layout.addWidget(button)
            if i == 0:
                QWidget.setTabOrder(self.speak_button, button)
        self.quick_replies.setVisible(bool(replies))

    # ---- why ------------------------------------------------------------------------------
    def show_why(self) -> None:
        if self.last_reply is None:
            return
        text = why_text(self.last_reply)
        self.why_label.setText(text)
        self.why_frame.show()
        announce(self.why_label, "Why: " + text.replace("\n", " "))

    def hide_why(self) -> None:
        self.why_frame.hide()
        self.why_label.clear()

    # ---- start over, open, delete ---------------------------------------------------------
    def start_over(self) -> None:
        """A fresh conversation (the last one stays in the list)."""
        self._generation += 1
        self._stop_recorder()
        self.conversation = None
        self.last_reply = None
        self.busy = False
        self._set_busy(False)
        self.transcript.clear()
        self.hide_why()
        self._clear_quick_replies()
        self._close_card()
        self.crisis_panel.release(None)
        self._show_intro()
        self._update_actions()
        self.status.setText("New conversation.")
        announce(self.status, "New conversation started.")
        self.input.setFocus()
        self.refresh_list()

    def _selected_id(self) -> str | None:
        item = self.conversation_list.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return value if isinstance(value, str) else None

    def open_selected(self) -> None:
        conversation_id = self._selected_id()
        if conversation_id is not None:
            self.open_conversation(conversation_id)

    def open_conversation(self, conversation_id: str) -> None:
        services = self.services
        self._generation += 1
        generation = self._generation
        self.runner.submit(
            lambda: services.companion().open_conversation(conversation_id),
            name="chat-open",
            owner=self,
            on_success=lambda conv: self._opened(generation, conv),
            on_failure=self._fail,
        )

    def _opened(self, generation: int, conversation: Any) -> None:
        if generation != self._generation:
            return
        self.conversation = conversation
        self.last_reply = None
        self._set_busy(False)
        self.transcript.clear()
        self.hide_why()
        self._clear_quick_replies()
        self._close_card()
        self.crisis_panel.release(("chat", conversation.id))
        self._last_sent = ""
        for message in conversation.messages:
            author = USER if message.role == "user" else COMPANION
            self.transcript.add(author, message.text)
            if author == USER:
                self._last_sent = message.text
        last = next((m for m in reversed(conversation.messages) if m.role != "user"), None)
        if last is not None:
            self.last_reply = last  # "why" works for the last message of a past conversation
        active = getattr(conversation, "active_exercise", None)
        if active:
            self.exercise = active
            self.exercise_title.setText(exercise_name(active))
            self.exercise_step.setText("Carry on where you left off.")
            self.exercise_progress.hide()
            self.exercise_card.show()
        self._update_actions()
        self.status.setText("Conversation opened.")
        announce(self.status, f"Conversation opened, {len(conversation.messages)} messages.")
        self.conversation_opened.emit(conversation.id)

    def delete_current(self) -> None:
        if self.conversation is None:
            return
        self._delete(self.conversation.id, current=True)

    def delete_selected(self) -> None:
        conversation_id = self._selected_id()
        if conversation_id is not None:
            current = self.conversation is not None and self.conversation.id == conversation_id
            self._delete(conversation_id, current=current)

    def _delete(self, conversation_id: str, current: bool) -> None:
        if not self.confirm(
            "Delete conversation",
            "Delete this conversation for good? Its messages are removed from your vault. "
            "Journal entries you saved from it stay.",
        ):
            return
        services = self.services
        self.runner.submit(
            lambda: services.companion().delete_conversation(conversation_id),
            name="chat-delete",
            owner=self,
            on_success=lambda _r: self._deleted(conversation_id, current),
            on_failure=self._fail,
        )

    def _deleted(self, conversation_id: str, current: bool) -> None:
        if current:
            self.start_over()
        else:
            self.refresh_list()
        self.status.setText("Conversation deleted.")
        announce(self.status, "Conversation deleted.")
        self.conversation_deleted.emit(conversation_id)

    # ---- saving an exercise ---------------------------------------------------------------
    def save_exercise(self) -> None:
        result = self.finished_result
        if result is None:
            return
        services = self.services
        self.save_exercise_button.setEnabled(False)
        self.status.setText("Saving in your journal…")
        self.runner.submit(
            lambda: services.companion().save_exercise_to_journal(result),
            name="chat-save-exercise",
            owner=self,
            on_success=self._exercise_saved,
            on_failure=self._save_failed,
        )

    def _exercise_saved(self, entry_id: str) -> None:
        self.save_exercise_button.hide()
        self.exercise_step.setText("Saved in your journal.")
        self.status.setText("Saved in your journal (tagged “companion”).")
        announce(self.status, "Exercise saved as a journal entry.")
        built = getattr(self.window(), "built_pages", None)
        journal = built().get("journal") if callable(built) else None
        refresh = getattr(journal, "refresh", None)
        if callable(refresh):
            refresh()
        self.exercise_saved.emit(str(entry_id))

    def _save_failed(self, exc: BaseException) -> None:
        self.save_exercise_button.setEnabled(True)
        self._fail(exc)

    # ---- push to talk ---------------------------------------------------------------------
    def toggle_speaking(self) -> None:
        if self.recorder is None:
            self.start_speaking()
        else:
            self.stop_speaking()

    def start_speaking(self) -> None:
        if self.recorder is not None:
            return
        try:
            source = (self._source_factory(self.services.audio_input_device())
                      if self._source_factory is not None
                      else microphone(self.services.audio_input_device()))
            self.recorder = start_recording(source, SPEAK_MAX_SECONDS)
        except AudioDeviceError as exc:
            self.recorder = None
            self.speak_button.setChecked(False)
            self._fail(exc)
            return
        self.speak_button.setChecked(True)
        self.speak_button.setText("Stop spea&king")
        self.speak_button.setAccessibleName("Stop speaking")
        self.status.setText("Listening… press Speak again (Ctrl+R) when you are done.")
        announce(self.status, "Listening.")
        self._listen_timer.start()

    def _poll_recording(self) -> None:
        rec = self.recorder
        if rec is None:
            self._listen_timer.stop()
            return
        if rec.state == Recorder.STOPPED:  # the time limit, or the device went away
            self.stop_speaking()
            return
        seconds = int(rec.elapsed_s)
        self.status.setText(f"Listening… {seconds // 60}:{seconds % 60:02d}. Press Speak "
                            "again (Ctrl+R) when you are done.")

    def stop_speaking(self) -> None:
        rec = self.recorder
        if rec is None:
            return
        self._listen_timer.stop()
        rec.stop()
        recording = rec.recording()
        self.recorder = None
        self._speak_idle()
        samples = recording.samples_16k()
        if samples.size == 0:
            self.status.setText("Nothing was heard.")
            announce(self.status, "Nothing was heard.", assertive=True)
            return
        self.speak_button.setEnabled(False)
        self.status.setText("Writing down what you said…")
        services, generation = self.services, self._generation
        self.runner.submit(
            lambda: services.transcriber().transcribe(samples).text,
            name="chat-transcribe",
            owner=self,
            on_success=lambda text: self._transcribed(generation, text),
            on_failure=self._transcribe_failed,
        )

    def _speak_idle(self) -> None:
        self.speak_button.setChecked(False)
        self.speak_button.setText("Spea&k")
        self.speak_button.setAccessibleName("Speak a message")

    def _stop_recorder(self) -> None:
        self._listen_timer.stop()
        if self.recorder is not None:
            self.recorder.stop()
            self.recorder = None
        self._speak_idle()

    def _transcribed(self, generation: int, text: str) -> None:
        self.speak_button.setEnabled(True)
        if generation != self._generation:
            return
        text = text.strip()
        if not text:
            self.status.setText("No words were heard. Try again, a little closer.")
            announce(self.status, self.status.text(), assertive=True)
            return
        before = self.input.toPlainText().rstrip()
        self.input.setPlainText(f"{before} {text}".strip())
        cursor = self.input.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.input.setTextCursor(cursor)
        self.input.setFocus()
        self.status.setText("Check the words, then press Enter to send.")
        announce(self.status, "Transcribed. Check the words in the message box, then send.")
        self.transcribed.emit(text)

    def _transcribe_failed(self, exc: BaseException) -> None:
        self.speak_button.setEnabled(True)
        self._fail(exc)

    # ---- misc -----------------------------------------------------------------------------
    def _update_actions(self) -> None:
        self.delete_button.setEnabled(self.conversation is not None)
        self.why_button.setEnabled(self.last_reply is not None)
        has_selection = self._selected_id() is not None
        self.open_button.setEnabled(has_selection)
        self.delete_past_button.setEnabled(has_selection)

    def _fail(self, exc: BaseException) -> None:
        message = describe_error(exc)
        self.status.setText(message)
        announce(self.status, message, assertive=True)
        self.failed.emit(message)

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
