"""The companion chat page with the real companion, a real vault and real widgets.

Replies come from a worker (the task runner); the tests wait on the page's signals. The only
fake is the microphone (tests/audio/fake_source.py), as in the voice check-in tests.
"""
# mypy: disable-error-code="union-attr, no-untyped-def, arg-type"

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from mindspace.app import AppServices
from mindspace.ui import announce
from mindspace.ui.chat_bubbles import COMPANION, USER
from mindspace.ui.chat_screen import ChatScreen
from mindspace.ui.chat_view import INTRO, WHAT_IT_IS
from mindspace.ui.warmup import warm_models
from tests.audio import helpers
from tests.audio.fake_source import FakeAudioSource
from tests.ui.conftest import all_widget_text
from tests.ui.test_accessibility import assert_all_named, assert_tab_reaches_all

pytestmark = pytest.mark.gui

REPLY_TIMEOUT = 30_000  # the first reply may load the companion's models


def _screen(qtbot, services: AppServices, **kw: Any) -> ChatScreen:
    screen = ChatScreen(services, **kw)
    qtbot.addWidget(screen)
    screen.resize(1000, 800)
    with qtbot.waitSignal(screen.conversations_listed, timeout=REPLY_TIMEOUT):
        screen.show()
    return screen


def _send(qtbot, screen: ChatScreen, text: str) -> Any:
    with qtbot.waitSignal(screen.reply_shown, timeout=REPLY_TIMEOUT) as shown:
        screen.send(text)
    return shown.args[0]


def _type_and_enter(qtbot, screen: ChatScreen, text: str) -> Any:
    screen.input.setFocus()
    qtbot.keyClicks(screen.input, text)
    with qtbot.waitSignal(screen.reply_shown, timeout=REPLY_TIMEOUT) as shown:
        qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    return shown.args[0]


def _quick_buttons(screen: ChatScreen) -> list[QPushButton]:
    return [b for b in screen._quick_buttons() if b.isVisibleTo(screen)]


def _click_quick(qtbot, screen: ChatScreen, index: int = 0) -> Any:
    button = _quick_buttons(screen)[index]
    with qtbot.waitSignal(screen.reply_shown, timeout=REPLY_TIMEOUT) as shown:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return shown.args[0]


THOUGHT_RECORD_ANSWERS = [
    "My manager moved our meeting and did not say why",
    "I thought she must be unhappy with my work",
    "She did not reply to my last email for two days",
    "She praised my report last week and moves meetings often",
    "She is busy and the meeting was moved for many people, not only me",
    "I will ask her on Monday whether there is anything she needs",
]


def test_a_whole_thought_record_through_the_page(
    qtbot, open_services: AppServices, tasks_done, screenshot
) -> None:
    screen = _screen(qtbot, open_services)
    assert screen.transcript.texts() == [(COMPANION, INTRO)]  # says what it is, first
    assert screen.what_it_is.text() == WHAT_IT_IS and "not a therapist" in WHAT_IT_IS
    assert not screen.exercise_card.isVisible()
    announce.forget()

    reply = _type_and_enter(qtbot, screen, "Can we do a thought record?")
    assert reply.route == "exercise" and reply.exercise == "thought-record"
    answers = iter(THOUGHT_RECORD_ANSWERS)
    ratings = iter(["80", "40"])
    numbers: list[int] = []
    replies = [reply]
    for _ in range(30):
        if reply.finished is not None:
            break
        step = reply.step_info
        assert step is not None and step.exercise == "thought-record"
        assert screen.exercise_card.isVisible()
        assert screen.exercise_title.text() == "Thought record"
        assert screen.exercise_step.text() == f"Step {step.number} of {step.total}"
        assert screen.exercise_progress.maximum() == step.total
        assert screen.exercise_progress.value() == step.number
        numbers.append(step.number)
        if step.kind == "rating":
            reply = _type_and_enter(qtbot, screen, next(ratings))
        elif step.kind == "info" and _quick_buttons(screen):
            reply = _click_quick(qtbot, screen)
        else:
            reply = _type_and_enter(qtbot, screen, next(answers, "That is all I can think of"))
        replies.append(reply)
    assert reply.finished is not None, "the thought record never finished"
    assert numbers == sorted(numbers) and len(set(numbers)) >= 4  # it moved through its steps
    assert screen.exercise_step.text().startswith("Finished")
    assert screen.exercise_progress.value() == screen.exercise_progress.maximum()
    assert screen.save_exercise_button.isVisible() and not screen.leave_button.isVisible()

    # every companion message is in the transcript and was announced
    companion_texts = [t for a, t in screen.transcript.texts() if a == COMPANION]
    assert companion_texts[1:] == [r.text for r in replies]
    said = [a.text for a in announce.recent()]
    for r in replies[-5:]:
        assert " ".join(f"Companion: {r.text}".split()) in said
    assert_all_named(screen, "chat, finished exercise")
    screenshot(screen, "thought-record-finished")

    with qtbot.waitSignal(screen.exercise_saved, timeout=20_000) as saved:
        qtbot.mouseClick(screen.save_exercise_button, Qt.MouseButton.LeftButton)
    entry = open_services.journal.get(saved.args[0])
    assert "companion" in entry.tags
    assert THOUGHT_RECORD_ANSWERS[0] in entry.body
    assert not screen.save_exercise_button.isVisible()
    assert "Exercise saved as a journal entry." in [a.text for a in announce.recent()]
    tasks_done()


def _start_breathing(qtbot, screen: ChatScreen) -> Any:
    reply = _send(qtbot, screen, "Can we do a breathing exercise?")
    assert reply.route == "exercise" and reply.exercise == "breathing"
    for _ in range(6):
        if screen.pacer.isVisible():
            break
        if _quick_buttons(screen):
            reply = _click_quick(qtbot, screen)
        else:
            reply = _send(qtbot, screen, "ready")
    assert screen.pacer.isVisible() and screen.pacer.running
    return reply


def test_a_crisis_message_interrupts_the_exercise_and_opens_the_support_panel(
    qtbot, open_services: AppServices, tasks_done, screenshot
) -> None:
    screen = _screen(qtbot, open_services)
    _start_breathing(qtbot, screen)
    assert screen.exercise_card.isVisible()
    assert screen.exercise_title.text() == "Slow breathing"
    assert not screen.crisis_panel.isVisible()
    announce.forget()

    with qtbot.waitSignal(screen.reply_shown, timeout=REPLY_TIMEOUT) as shown:
        screen.send("I want to end my life")
        # at once, on the GUI thread: no reply, no model, no event loop turn yet
        assert screen.crisis_panel.isVisible()
        assert screen.crisis_panel.level in ("concern", "urgent")
        assert not screen.exercise_card.isVisible() and not screen.pacer.running
        assert announce.recent()[0].assertive
        assert announce.recent()[0].text.startswith("Support panel")
    reply = shown.args[0]
    assert reply.route == "crisis" and reply.show_support_panel
    assert screen.crisis_panel.isVisible() and not screen.exercise_card.isVisible()
    assert screen.exercise is None
    assert f"Companion: {' '.join(reply.text.split())}" in [a.text for a in announce.recent()]
    screenshot(screen, "crisis")

    # the same panel as the journal: dismissable, and the chat goes on
    qtbot.mouseClick(screen.crisis_panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert not screen.crisis_panel.isVisible()
    after = _send(qtbot, screen, "thank you, I called my sister")
    assert after.route != "exercise" and not screen.exercise_card.isVisible()
    tasks_done()


def test_keyboard_enter_shift_enter_up_and_escape(
    qtbot, open_services: AppServices, tasks_done
) -> None:
    screen = _screen(qtbot, open_services)
    screen.input.setFocus()
    # Shift+Enter: a new line, nothing sent
    qtbot.keyClicks(screen.input, "first line")
    qtbot.keyClick(screen.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(screen.input, "second line")
    assert screen.input.toPlainText() == "first line\nsecond line"
    assert screen.transcript.texts() == [(COMPANION, INTRO)]
    # Enter: sent, box emptied, reply shown
    with qtbot.waitSignal(screen.reply_shown, timeout=REPLY_TIMEOUT):
        qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    assert screen.input.toPlainText() == ""
    assert (USER, "first line\nsecond line") in screen.transcript.texts()
    # Up in the empty box: the last message comes back to edit and send again
    qtbot.keyClick(screen.input, Qt.Key.Key_Up)
    assert screen.input.toPlainText() == "first line\nsecond line"
    qtbot.keyClicks(screen.input, " and more")
    with qtbot.waitSignal(screen.reply_shown, timeout=REPLY_TIMEOUT):
        qtbot.keyClick(screen.input, Qt.Key.Key_Enter)
    users = [t for a, t in screen.transcript.texts() if a == USER]
    assert users == ["first line\nsecond line", "first line\nsecond line and more"]
    # Up with text in the box moves the cursor as usual (nothing replaced)
    qtbot.keyClicks(screen.input, "draft")
    qtbot.keyClick(screen.input, Qt.Key.Key_Up)
    assert screen.input.toPlainText() == "draft"
    screen.input.clear()

    # Esc leaves a running exercise; the conversation goes on and typed text stays
    _start_breathing(qtbot, screen)
    screen.input.setFocus()
    qtbot.keyClicks(screen.input, "half a thought")
    with qtbot.waitSignal(screen.reply_shown, timeout=REPLY_TIMEOUT) as left:
        qtbot.keyClick(screen.input, Qt.Key.Key_Escape)
    assert left.args[0].route != "exercise" and left.args[0].exercise is None
    assert not screen.exercise_card.isVisible() and not screen.pacer.running
    assert screen.input.toPlainText() == "half a thought"
    assert screen.conversation is not None and screen.conversation.active_exercise is None
    tasks_done()


def test_quick_replies_why_start_over_and_reopen(
    qtbot, open_services: AppServices, tasks_done
) -> None:
    screen = _screen(qtbot, open_services)
    assert not screen.why_button.isEnabled() and not screen.delete_button.isEnabled()
    reply = _send(qtbot, screen, "I have been feeling anxious about my exams")
    assert screen.why_button.isEnabled() and screen.delete_button.isEnabled()
    qtbot.mouseClick(screen.why_button, Qt.MouseButton.LeftButton)
    assert screen.why_frame.isVisible()
    for reason in reply.why:
        assert reason in screen.why_label.text()
    assert announce.last_text().startswith("Why:")
    buttons = _quick_buttons(screen)
    assert [b.text() for b in buttons] == [q.label for q in reply.quick_replies]
    if buttons:
        first = reply.quick_replies[0]
        _click_quick(qtbot, screen)
        assert (USER, first.text) in screen.transcript.texts()
        assert not screen.why_frame.isVisible()  # the note was about the earlier message
    conversation_id = screen.conversation.id
    count = len(screen.transcript.texts())

    with qtbot.waitSignal(screen.conversations_listed, timeout=20_000) as listed:
        qtbot.mouseClick(screen.start_over_button, Qt.MouseButton.LeftButton)
    assert listed.args == [1]
    assert screen.conversation is None and screen.transcript.texts() == [(COMPANION, INTRO)]
    screen.conversation_list.setCurrentRow(0)
    with qtbot.waitSignal(screen.conversation_opened, timeout=20_000) as opened:
        qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [conversation_id]
    assert len(screen.transcript.texts()) == count - 1  # the same messages, without the intro
    assert screen.transcript.texts()[0] == (USER, "I have been feeling anxious about my exams")
    tasks_done()


def test_delete_this_conversation_asks_first(
    qtbot, open_services: AppServices, tasks_done
) -> None:
    screen = _screen(qtbot, open_services)
    _send(qtbot, screen, "Work has been a lot this week")
    qtbot.waitUntil(lambda: screen.conversation_list.count() == 1, timeout=20_000)
    service = open_services.companion()
    assert len(service.list_conversations()) == 1
    asked: list[str] = []
    answers = [False, True]
    screen.confirm = lambda title, text: (asked.append(title), answers.pop(0))[1]

    qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)  # "No"
    tasks_done()
    assert asked == ["Delete conversation"] and len(service.list_conversations()) == 1
    assert (USER, "Work has been a lot this week") in screen.transcript.texts()

    with qtbot.waitSignal(screen.conversation_deleted, timeout=20_000):
        qtbot.keyClick(screen.input, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    tasks_done()
    assert service.list_conversations() == []
    assert screen.conversation is None and screen.transcript.texts() == [(COMPANION, INTRO)]
    assert screen.conversation_list.count() == 0
    assert "Conversation deleted." in [a.text for a in announce.recent()]
    assert "Work has been a lot" not in all_widget_text()

    # from the list of past conversations, with the Delete key
    _send(qtbot, screen, "Another evening of worrying")
    screen.start_over()
    qtbot.waitUntil(lambda: screen.conversation_list.count() == 1, timeout=20_000)
    screen.conversation_list.setCurrentRow(0)
    screen.conversation_list.setFocus()
    screen.confirm = lambda title, text: True
    with qtbot.waitSignal(screen.conversation_deleted, timeout=20_000):
        qtbot.keyClick(screen.conversation_list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: screen.conversation_list.count() == 0, timeout=20_000)
    assert service.list_conversations() == []
    tasks_done()


def test_every_companion_message_is_announced_and_lock_clears_the_page(
    qtbot, open_services: AppServices, tasks_done
) -> None:
    screen = _screen(qtbot, open_services)
    announce.forget()
    texts = ["I slept badly again", "I keep thinking about tomorrow"]
    replies = [_send(qtbot, screen, t) for t in texts]
    companion = [a for a in announce.recent() if a.text.startswith("Companion: ")]
    assert [a.text for a in companion] == [f"Companion: {' '.join(r.text.split())}"
                                           for r in replies]
    assert all(not a.assertive for a in companion)
    assert_all_named(screen, "chat")
    assert_tab_reaches_all(qtbot, screen, "chat")
    tasks_done()
    screen.clear()
    left = all_widget_text()
    for text in [*texts, *(r.text for r in replies)]:
        assert text not in left


def test_first_reply_after_warm_up_is_quick(qtbot, open_services: AppServices, tasks_done):
    warm_models(open_services)  # what the shell runs in the background after unlocking
    started = time.perf_counter()
    screen = _screen(qtbot, open_services)
    _send(qtbot, screen, "Hello, I'd like to talk")
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"first reply {elapsed:.2f} s after opening the page"
    tasks_done()


@pytest.fixture
def voice_services(open_services: AppServices, monkeypatch: pytest.MonkeyPatch) -> AppServices:
    monkeypatch.setattr(open_services, "transcriber", helpers.transcriber)
    return open_services


def test_push_to_talk_puts_the_words_in_the_box(
    qtbot, voice_services: AppServices, tmp_path: Path, tasks_done
) -> None:
    wav = helpers.speak("I feel anxious about tomorrow", tmp_path / "speech.wav")
    sources: list[FakeAudioSource] = []

    def source(_device: str | None) -> FakeAudioSource:
        sources.append(FakeAudioSource(wav, speed=8.0))
        return sources[-1]

    screen = _screen(qtbot, voice_services, source_factory=source)
    screen.input.setFocus()
    qtbot.keyClicks(screen.input, "Well,")
    qtbot.keyClick(screen.input, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert screen.recorder is not None and screen.speak_button.isChecked()
    assert screen.speak_button.accessibleName() == "Stop speaking"
    qtbot.waitUntil(lambda: sources[0].delivered_s >= 3.5, timeout=20_000)
    with qtbot.waitSignal(screen.transcribed, timeout=60_000) as heard:
        qtbot.keyClick(screen.input, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    words = heard.args[0].lower()
    assert "anxious" in words and "tomorrow" in words
    assert screen.input.toPlainText().startswith("Well, ")
    assert "anxious" in screen.input.toPlainText().lower()
    assert screen.transcript.texts() == [(COMPANION, INTRO)]  # checked by the person first
    assert screen.recorder is None and not screen.speak_button.isChecked()
    assert sources[0].stopped.is_set()
    with qtbot.waitSignal(screen.reply_shown, timeout=REPLY_TIMEOUT):
        qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    assert screen.transcript.texts()[1][0] == USER
    tasks_done()


def test_the_today_page_opens_the_chat(qtbot, open_services: AppServices, tasks_done) -> None:
    from mindspace.ui.main_window import MainWindow

    window = MainWindow(open_services)
    qtbot.addWidget(window)
    window.show()
    today = window.show_page("today")
    tasks_done()
    assert today.talk_button.isEnabled()
    qtbot.mouseClick(today.talk_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "chat"
    assert isinstance(window.built_pages()["chat"], ChatScreen)
    assert window.actions_by_name["page:chat"].shortcut().toString() == "Ctrl+8"
    tasks_done()
