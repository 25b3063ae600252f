"""Companion conversations in a real SQLCipher vault: stored encrypted, listed, resumed, deleted."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from mindspace.app.companion import CompanionService
from mindspace.app.companion_engine import CompanionEngine
from mindspace.core.errors import NotFoundError
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def engine() -> CompanionEngine:
    eng = CompanionEngine.load()
    eng.warm_up()
    return eng


@pytest.fixture
def companion(open_services, engine: CompanionEngine) -> CompanionService:  # type: ignore[no-untyped-def]
    open_services._companion_engine._value = engine  # share the loaded models across tests
    return open_services.companion()


def files_containing(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_conversations_are_stored_encrypted_listed_and_deleted(open_services, companion,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path) -> None:
    canary = f"canary{secrets.token_hex(6)}"
    conv = companion.new_conversation()
    conv.send(f"my colleague {canary} keeps taking credit for my work")
    conv.send("it makes me so angry")
    other = companion.new_conversation()
    other.send("hello")
    listed = companion.list_conversations()
    assert [c.id for c in listed] == [other.id, conv.id]
    assert listed[1].message_count == 4 and canary in listed[1].title
    open_services.lock()
    assert not files_containing(tmp_path, canary.encode())
    assert not files_containing(tmp_path, b"SQLite format 3")

    open_services.unlock(PASSPHRASE)
    companion = open_services.companion()
    resumed = companion.open_conversation(conv.id)
    assert [m.role for m in resumed.messages] == ["user", "companion"] * 2
    assert canary in resumed.messages[0].text
    assert resumed.messages[1].sources and resumed.messages[1].why
    companion.delete_conversation(conv.id)
    assert [c.id for c in companion.list_conversations()] == [other.id]
    with pytest.raises(NotFoundError):
        companion.open_conversation(conv.id)
    with pytest.raises(NotFoundError):
        companion.delete_conversation(conv.id)


def test_an_exercise_resumes_after_locking(open_services, companion) -> None:  # type: ignore[no-untyped-def]
    conv = companion.new_conversation()
    conv.send("can we do a thought record")
    conv.send("my manager didn't reply to my email")
    open_services.lock()
    open_services.unlock(PASSPHRASE)
    resumed = open_services.companion().open_conversation(conv.id)
    assert resumed.active_exercise == "thought-record"
    reply = resumed.send("she thinks my work is bad")
    assert reply.exercise == "thought-record" and reply.step == 3


def test_thought_record_ratings_are_kept_and_saved_to_journal(open_services, companion) -> None:  # type: ignore[no-untyped-def]
    conv = companion.new_conversation()
    conv.send("can we do a thought record")
    reply = None
    for text in ["I was left out of lunch", "nobody likes me", "lonely", "80",
                 "they didn't ask me", "they asked me yesterday", "they just forgot", "40"]:
        reply = conv.send(text)
    assert reply is not None and reply.finished is not None
    ratings = companion.thought_record_ratings()
    assert [(r.before, r.after, r.emotion) for r in ratings] == [(80, 40, "lonely")]
    entry_id = companion.save_exercise_to_journal(reply.finished)
    entry = open_services.journal.get(entry_id)
    assert "nobody likes me" in entry.body and "80 -> 40" in entry.body
    assert {"companion", "thought-record"} <= set(entry.tags)
    open_services.lock()
    open_services.unlock(PASSPHRASE)
    again = open_services.companion().thought_record_ratings()
    assert [(r.before, r.after) for r in again] == [(80, 40)]


def test_safety_plan_review_adds_to_the_vault_plan(open_services, companion) -> None:  # type: ignore[no-untyped-def]
    open_services.analyses.save_safety_plan({"people_to_ask": ["my sister"]})
    conv = companion.new_conversation()
    conv.send("can we look at my safety plan")
    replies = [conv.send(t) for t in ["racing thoughts", "skip", "skip", "no",
                                      "my GP", "skip", "my cat"]]
    assert any("your sister" in r.text for r in replies)  # the existing plan was reviewed
    assert replies[-1].finished is not None and "plan.saved" in replies[-1].sources
    plan = open_services.analyses.safety_plan()
    assert plan["warning_signs"] == ["racing thoughts"]
    assert plan["people_to_ask"] == ["my sister"]
    assert plan["professionals"] == ["my GP"] and plan["reasons_for_living"] == ["my cat"]


def test_personal_context_is_off_by_default(open_services, companion) -> None:  # type: ignore[no-untyped-def]
    open_services.mood.add(mood=4, activities=["gardening"])
    open_services.mood.add(mood=2)
    assert not companion.personal_context_allowed
    reply = companion.new_conversation().send("I've been feeling low this week")
    assert "context.mood" not in reply.sources
    companion.set_personal_context(True)
    assert companion.personal_context_allowed
    reply = companion.new_conversation().send("I've been feeling low this week")
    assert "context.mood" in reply.sources and "3.0 out of 5" in reply.text
    assert "gardening" in reply.text
    assert any("check-ins" in w for w in reply.why)


def test_behavioural_activation_is_followed_up_next_time(open_services, companion) -> None:  # type: ignore[no-untyped-def]
    conv = companion.new_conversation()
    conv.send("help me plan a small activity for this week")
    for text in ["reading, swimming", "swimming", "Thursday evening", "being tired"]:
        reply = conv.send(text)
    assert reply.finished is not None
    nxt = companion.new_conversation().send("hi, rough couple of days honestly")
    later = nxt if "followup.ba" in nxt.sources else \
        companion.open_conversation(companion.list_conversations()[0].id).send("meh")
    assert "followup.ba" in later.sources and "swimming" in later.text
