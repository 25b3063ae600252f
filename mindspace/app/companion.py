"""The companion chat: a CBT-informed self-help companion that never generates free text.

Public API (stable; the GUI and ``mindspace chat`` both use only this)
-----------------------------------------------------------------------
* ``CompanionService`` (from ``AppServices.companion()`` or ``CompanionService.ephemeral()``):

  - ``new_conversation() -> Conversation``; ``open_conversation(id) -> Conversation``
  - ``list_conversations() -> list[ConversationSummary]`` newest first (by last message);
    ``delete_conversation(id)`` (``NotFoundError`` for an unknown id)
  - ``save_exercise_to_journal(result: ExerciseResult) -> str`` (the new journal entry id)
  - ``thought_record_ratings() -> list[ThoughtRecordRating]`` (before/after, for insights)
  - ``personal_context_allowed`` (bool property) / ``set_personal_context(allowed)``: whether
    the companion may mention recent mood check-ins (vault setting ``companion.personal``,
    off by default; always off when ephemeral)
  - ``ephemeral`` (bool): conversations live in memory only, nothing touches the disk.

* ``Conversation.send(text) -> Reply``: the ONLY way a message enters the companion. It runs
  the deterministic crisis screen (``app.screen.screen_text``) before anything else; at
  ``concern``/``urgent`` any running exercise is stopped and a fixed crisis reply is returned
  (``route == "crisis"``, ``reply.show_support_panel`` is True: open ``ui/crisis_panel``).
  Only then are refusals, intents, exercises and reflections considered. Blocking (model
  inference, ~5-50 ms warm; the first call loads the models, ~1 s): call from a worker thread.
  ``Conversation.messages`` is the transcript (``ChatMessage`` list, oldest first).
  ``Conversation.stop_exercise() -> Reply`` stops a running exercise (the "Stop" button).

* ``Reply`` (frozen): ``text``, ``route`` (crisis|refuse|exercise|support), ``crisis_level``
  (none|concern|urgent), ``exercise`` (id or None), ``step`` (1-based step number or None),
  ``step_info`` (``ExerciseStep``: kind, rating scale, pacer timings), ``sources`` (content
  ids of every line used), ``why`` (plain-language reasons for "Why did you say that?"),
  ``quick_replies`` (``QuickReply`` buttons), ``finished`` (``ExerciseResult`` once an exercise
  completes; offer "Save to journal"), ``intent``/``confidence`` (the classifier's reading) and
  ``to_json()`` (the ``mindspace chat --json`` object).

Exercise ids: ``EXERCISES`` (breathing, grounding, thought-record, behavioural-activation,
worry-time, problem-solving, self-compassion, sleep, safety-plan).

Nothing here imports Qt. Errors: ``ValidationError`` for an over-long or non-text message
(nothing is stored then), ``VaultLockedError`` if the vault locks while storing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mindspace.core.chat import (
    ChatMessage,
    ConversationSummary,
    ExerciseResult,
    ThoughtRecordRating,
)
from mindspace.core.rules import opens_support_panel

if TYPE_CHECKING:
    from mindspace.app.companion_engine import CompanionEngine, ConversationState
    from mindspace.storage.chat import ChatRepository
    from mindspace.storage.journal import JournalRepository
    from mindspace.storage.mood import MoodRepository
    from mindspace.storage.settings import VaultSettings

ROUTES = ("crisis", "refuse", "exercise", "support")
EXERCISES = (
    "breathing", "grounding", "thought-record", "behavioural-activation", "worry-time",
    "problem-solving", "self-compassion", "sleep", "safety-plan",
)
PERSONAL_SETTING = "companion.personal"
MAX_MESSAGE_CHARS = 4000


@dataclass(frozen=True)
class QuickReply:
    """A button under a reply: ``label`` is shown, ``text`` is what ``send`` receives."""

    label: str
    text: str


@dataclass(frozen=True)
class PacerPhase:
    """One phase of the breathing pacer: ``name`` is in | hold | out, ``seconds`` its length."""

    name: str
    seconds: float


@dataclass(frozen=True)
class ExerciseStep:
    """What the UI needs to render the current exercise step.

    ``kind``: ``prompt`` (free text answer), ``rating`` (a number ``scale[0]..scale[1]``),
    ``pacer`` (show the on-screen pacer: ``pacer`` phases repeated ``cycles`` times), ``info``
    (nothing to answer but "next"), ``done`` (the exercise finished).
    """

    exercise: str
    number: int  # 1-based
    total: int
    kind: str
    scale: tuple[int, int] | None = None
    pacer: tuple[PacerPhase, ...] = ()
    cycles: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "exercise": self.exercise, "number": self.number, "total": self.total,
            "kind": self.kind, "scale": list(self.scale) if self.scale else None,
            "pacer": [{"name": p.name, "seconds": p.seconds} for p in self.pacer],
            "cycles": self.cycles,
        }




@dataclass(frozen=True)
class Reply:
    """One companion turn. See the module docstring for the meaning of each field."""

    text: str
    route: str
    crisis_level: str = "none"
    exercise: str | None = None
    step: int | None = None
    step_info: ExerciseStep | None = None
    sources: tuple[str, ...] = ()
    why: tuple[str, ...] = ()
    quick_replies: tuple[QuickReply, ...] = ()
    finished: ExerciseResult | None = None
    intent: str | None = None
    confidence: float | None = None

    @property
    def show_support_panel(self) -> bool:
        """True when the UI must open the support panel (same rule as the journal)."""
        return opens_support_panel(self.crisis_level)

    def to_json(self) -> dict[str, Any]:
        """The ``mindspace chat --json`` object (plus ``why`` and ``quick_replies``)."""
        return {
            "reply": self.text, "route": self.route, "exercise": self.exercise,
            "step": self.step, "crisis": {"level": self.crisis_level},
            "sources": list(self.sources), "why": list(self.why),
            "quick_replies": [q.text for q in self.quick_replies],
        }




class Conversation:
    """One conversation. Not thread-safe: one worker at a time calls ``send``."""

    def __init__(self, conversation_id: str, engine: CompanionEngine,
                 state: ConversationState, store: ChatRepository | None,
                 context: Callable[[], list[str]] | None,
                 messages: list[ChatMessage] | None = None) -> None:
        self.id = conversation_id
        self._engine = engine
        self._state = state
        self._store = store
        self._context = context
        self._messages: list[ChatMessage] = list(messages or [])

    @property
    def messages(self) -> list[ChatMessage]:
        return list(self._messages)

    @property
    def active_exercise(self) -> str | None:
        return self._state.exercise

    def send(self, text: str) -> Reply:
        """Screen, then answer. The crisis screen cannot be skipped (see module docstring)."""
        from mindspace.app.companion_engine import respond

        clean = _check_message(text)
        reply = respond(self._engine, self._state, clean, self._context)
        self._record(clean, reply)
        return reply

    def stop_exercise(self) -> Reply:
        """Stop the running exercise (if any) and say so."""
        from mindspace.app.companion_engine import stop

        reply = stop(self._engine, self._state)
        self._record(None, reply)
        return reply

    def _record(self, user_text: str | None, reply: Reply) -> None:
        now = datetime.now()
        new: list[ChatMessage] = []
        if user_text is not None:
            new.append(ChatMessage("user", user_text, now))
        new.append(ChatMessage("companion", reply.text, now, reply.route, reply.exercise,
                               reply.step, reply.crisis_level, reply.sources, reply.why))
        if self._store is not None:
            self._store.append(self.id, new, self._state.to_json(), reply.finished)
        self._messages.extend(new)


@dataclass
class CompanionService:
    """Conversations over one engine; ``store=None`` means ephemeral (memory only)."""

    engine: CompanionEngine
    store: ChatRepository | None = None
    settings: VaultSettings | None = None
    journal: JournalRepository | None = None
    mood: MoodRepository | None = None
    _memory: dict[str, Conversation] = field(default_factory=dict, repr=False)

    @classmethod
    def ephemeral(cls, engine: CompanionEngine | None = None) -> CompanionService:
        """A service that never touches the disk (``mindspace chat --ephemeral``)."""
        from mindspace.app.companion_engine import CompanionEngine

        return cls(engine or CompanionEngine.load())

    @property
    def ephemeral_mode(self) -> bool:
        return self.store is None

    @property
    def personal_context_allowed(self) -> bool:
        if self.settings is None:
            return False
        return bool(self.settings.get(PERSONAL_SETTING, False))

    def set_personal_context(self, allowed: bool) -> None:
        from mindspace.core.errors import ValidationError

        if self.settings is None:
            raise ValidationError("personal context needs an open vault (not ephemeral mode)")
        self.settings.set(PERSONAL_SETTING, bool(allowed))

    def new_conversation(self) -> Conversation:
        from mindspace.app.companion_engine import ConversationState, new_id

        conv_id = new_id()
        state = ConversationState()
        if self.store is not None:
            self.store.create(conv_id, datetime.now(), state.to_json())
        conv = Conversation(conv_id, self.engine, state, self.store, self._context_provider())
        if self.store is None:
            self._memory[conv_id] = conv
        return conv

    def open_conversation(self, conversation_id: str) -> Conversation:
        from mindspace.app.companion_engine import ConversationState
        from mindspace.core.errors import NotFoundError

        if self.store is None:
            conv = self._memory.get(conversation_id)
            if conv is None:
                raise NotFoundError(f"no conversation with id {conversation_id}")
            return conv
        state_json, messages = self.store.load(conversation_id)
        return Conversation(conversation_id, self.engine, ConversationState.from_json(state_json),
                            self.store, self._context_provider(), messages)

    def list_conversations(self) -> list[ConversationSummary]:
        if self.store is None:
            out = []
            for conv in self._memory.values():
                msgs = conv.messages
                first = next((m.text for m in msgs if m.role == "user"), "")
                start = msgs[0].at if msgs else datetime.now()
                out.append(ConversationSummary(conv.id, start, msgs[-1].at if msgs else start,
                                               _title(first), len(msgs)))
            return sorted(out, key=lambda s: s.updated_at, reverse=True)
        return self.store.list()

    def delete_conversation(self, conversation_id: str) -> None:
        from mindspace.core.errors import NotFoundError

        if self.store is None:
            if self._memory.pop(conversation_id, None) is None:
                raise NotFoundError(f"no conversation with id {conversation_id}")
            return
        self.store.delete(conversation_id)

    def save_exercise_to_journal(self, result: ExerciseResult) -> str:
        """Write a finished exercise as a journal entry (tag ``companion``); returns its id."""
        from mindspace.core.errors import ValidationError

        if self.journal is None:
            raise ValidationError("saving to the journal needs an open vault (not ephemeral)")
        entry = self.journal.add(result.title, result.journal_text(), result.finished_at,
                                 ["companion", result.exercise])
        if self.store is not None:
            self.store.link_journal(result.id, entry.id)
        return entry.id

    def thought_record_ratings(self) -> list[ThoughtRecordRating]:
        if self.store is None:
            return []
        return self.store.thought_record_ratings()

    def _context_provider(self) -> Callable[[], list[str]] | None:
        """Lines about recent check-ins, read at reply time only while the setting allows it."""
        if self.mood is None or self.settings is None:
            return None
        from mindspace.app.companion_engine import personal_context

        mood = self.mood
        return lambda: personal_context(mood) if self.personal_context_allowed else []


def _title(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def _check_message(text: object) -> str:
    from mindspace.core.errors import ValidationError

    if not isinstance(text, str):
        raise ValidationError("a chat message must be text")
    clean = text.strip()
    if len(clean) > MAX_MESSAGE_CHARS:
        raise ValidationError(f"a chat message can have at most {MAX_MESSAGE_CHARS} characters")
    return clean
