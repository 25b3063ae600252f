"""The companion chat: a CBT-informed self-help companion that never generates free text.

Public API (stable; the GUI and ``mindspace chat`` both use only this)
-----------------------------------------------------------------------
* ``CompanionService`` (from ``AppServices.companion()``, ``AppServices.ephemeral_companion()``
  or ``CompanionService.ephemeral()``; the first of these calls loads the models, about a second,
  so make it from a worker thread):

  - ``new_conversation() -> Conversation``; ``open_conversation(id) -> Conversation``
  - ``list_conversations() -> list[ConversationSummary]`` newest first (by last message);
    ``delete_conversation(id)`` (``NotFoundError`` for an unknown id)
  - ``save_exercise_to_journal(result: ExerciseResult) -> str`` (the new journal entry id)
  - ``thought_record_ratings() -> list[ThoughtRecordRating]`` (before/after, for insights)
  - ``exercises() -> list[QuickReply]`` (a button per exercise: title and starting message)
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
  ``Conversation.stop_exercise() -> Reply`` stops a running exercise (the "Stop" button);
  ``Conversation.active_exercise`` / ``current_step`` describe the running exercise (for
  restoring the pacer or a rating control when a stored conversation is reopened).

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
    from mindspace.app.companion_engine import CompanionEngine, ConversationState, Hooks
    from mindspace.storage.analysis import AnalysisStore
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
FOLLOWUP_SETTING = "companion.followup"
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
                 state: ConversationState, store: ChatRepository | None, hooks: Hooks,
                 messages: list[ChatMessage] | None = None,
                 on_finished: Callable[[ExerciseResult], None] | None = None) -> None:
        self.id = conversation_id
        self._engine = engine
        self._state = state
        self._store = store
        self._hooks = hooks
        self._messages: list[ChatMessage] = list(messages or [])
        self._on_finished = on_finished

    @property
    def messages(self) -> list[ChatMessage]:
        return list(self._messages)

    @property
    def active_exercise(self) -> str | None:
        return self._state.exercise

    @property
    def current_step(self) -> ExerciseStep | None:
        """The running exercise's current step (to restore a pacer or rating control when a
        stored conversation is reopened), or None."""
        if self._state.exercise is None:
            return None
        from mindspace.app.companion_exercises import step_info

        spec = self._engine.library.exercises.get(self._state.exercise)
        if spec is None or not 0 <= self._state.step < len(spec.steps):
            return None
        return step_info(spec, self._state.step)

    def send(self, text: str) -> Reply:
        """Screen, then answer. The crisis screen cannot be skipped (see module docstring)."""
        from mindspace.app.companion_engine import respond

        clean = _check_message(text)
        reply = respond(self._engine, self._state, clean, self._hooks)
        self._record(clean, reply)
        if reply.finished is not None and self._on_finished is not None:
            self._on_finished(reply.finished)
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
    analyses: AnalysisStore | None = None
    _memory: dict[str, Conversation] = field(default_factory=dict, repr=False)
    _results: list[ExerciseResult] = field(default_factory=list, repr=False)
    _followup: dict[str, str] | None = field(default=None, repr=False)

    @classmethod
    def ephemeral(cls, engine: CompanionEngine | None = None) -> CompanionService:
        """A service that never touches the disk (``mindspace chat --ephemeral``)."""
        from mindspace.app.companion_engine import CompanionEngine

        return cls(engine or CompanionEngine.load())

    @property
    def ephemeral_mode(self) -> bool:
        return self.store is None

    def exercises(self) -> list[QuickReply]:
        """Every exercise as a button: its title, and the message that starts it."""
        from mindspace.app.companion_engine import exercise_menu

        return exercise_menu(self.engine)

    @property
    def personal_context_allowed(self) -> bool:
        if self.settings is None or self.store is None:
            return False
        return bool(self.settings.get(PERSONAL_SETTING, False))

    def set_personal_context(self, allowed: bool) -> None:
        from mindspace.core.errors import ValidationError

        if self.settings is None or self.store is None:
            raise ValidationError("personal context needs an open vault (not ephemeral mode)")
        self.settings.set(PERSONAL_SETTING, bool(allowed))

    def new_conversation(self) -> Conversation:
        """A new conversation (stored at once unless ephemeral). A plan made in an earlier
        behavioural-activation exercise is followed up in it."""
        from mindspace.app.companion_engine import ConversationState, new_id

        conv_id = new_id()
        state = ConversationState()
        followup = self._take_followup()
        if followup:
            state.slots["followup"] = followup
        if self.store is not None:
            self.store.create(conv_id, datetime.now(), state.to_json())
        conv = self._conversation(conv_id, state, [])
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
        return self._conversation(conversation_id, ConversationState.from_json(state_json),
                                  messages)

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
        """Write a finished exercise as a journal entry (tags ``companion`` and the exercise
        id); returns the entry id."""
        from mindspace.core.errors import ValidationError

        if self.journal is None or self.store is None:
            raise ValidationError("saving to the journal needs an open vault (not ephemeral)")
        entry = self.journal.add(result.title, result.journal_text(), result.finished_at,
                                 ["companion", result.exercise])
        self.store.link_journal(result.id, entry.id)
        return entry.id

    def thought_record_ratings(self) -> list[ThoughtRecordRating]:
        """Before/after ratings of finished thought records, oldest first."""
        if self.store is not None:
            return self.store.thought_record_ratings()
        return [ThoughtRecordRating(r.id, r.finished_at, r.emotion, r.rating_before,
                                    r.rating_after)
                for r in self._results if r.exercise == "thought-record"
                and r.rating_before is not None and r.rating_after is not None]

    # ---- wiring ------------------------------------------------------------------------------
    def _conversation(self, conv_id: str, state: ConversationState,
                      messages: list[ChatMessage]) -> Conversation:
        from mindspace.app.companion_engine import Hooks

        hooks = Hooks(ephemeral=self.store is None)
        if self.store is not None and self.mood is not None:
            from mindspace.app.companion_engine import personal_context

            mood = self.mood
            hooks.context = lambda: (personal_context(mood) if self.personal_context_allowed
                                     else {})
        if self.store is not None and self.analyses is not None:
            analyses = self.analyses

            def save_plan(plan: dict[str, list[str]]) -> None:
                analyses.save_safety_plan(plan)

            hooks.load_plan = analyses.safety_plan
            hooks.save_plan = save_plan
        return Conversation(conv_id, self.engine, state, self.store, hooks, messages,
                            self._finished)

    def _finished(self, result: ExerciseResult) -> None:
        if self.store is None:
            self._results.append(result)
        if result.exercise == "behavioural-activation":
            answers = dict(result.answers)
            plan = {"activity": answers.get("Activity", ""), "when": answers.get("When", "")}
            if self.store is not None and self.settings is not None:
                self.settings.set(FOLLOWUP_SETTING, plan)
            else:
                self._followup = plan

    def _take_followup(self) -> dict[str, str] | None:
        if self.store is not None and self.settings is not None:
            plan = self.settings.get(FOLLOWUP_SETTING)
            if plan:
                self.settings.set(FOLLOWUP_SETTING, None)
            return plan if isinstance(plan, dict) else None
        plan, self._followup = self._followup, None
        return plan


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


__all__ = [
    "EXERCISES", "MAX_MESSAGE_CHARS", "PERSONAL_SETTING", "ROUTES", "ChatMessage",
    "CompanionService", "Conversation", "ConversationSummary", "ExerciseResult", "ExerciseStep",
    "PacerPhase", "QuickReply", "Reply", "ThoughtRecordRating",
]
