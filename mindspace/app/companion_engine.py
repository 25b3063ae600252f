"""The companion's dispatcher: crisis screen first, then refusals, exercises and reflections.

``respond`` is called only by ``Conversation.send``; its first statement is the crisis screen,
so no state (not even a running exercise) can skip it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from mindspace.app.companion import Reply
from mindspace.app.screen import screen_text
from mindspace.core.rules import opens_support_panel

if TYPE_CHECKING:
    from mindspace.storage.mood import MoodRepository


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class ConversationState:
    """Everything a conversation remembers (saved as JSON with the conversation)."""

    turns: int = 0
    exercise: str | None = None
    step: int = 0
    answers: dict[str, str] = field(default_factory=dict)
    slots: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ConversationState:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


class CompanionEngine:
    """Content library + models shared by every conversation (thread-safe, read-only)."""

    @classmethod
    def load(cls) -> CompanionEngine:
        return cls()


CRISIS_TEXT = ("I'm really glad you told me. What you wrote sounds serious, and you deserve "
               "support from a person right now. I've opened your support options: your safety "
               "plan and people you can call or text, any time.")


def respond(engine: CompanionEngine, state: ConversationState, text: str,
            context: Callable[[], list[str]] | None) -> Reply:
    screened = screen_text(text)
    state.turns += 1
    if opens_support_panel(screened.level):
        state.exercise, state.step, state.answers = None, 0, {}
        return Reply(CRISIS_TEXT, "crisis", screened.level, sources=("crisis.open",),
                     why=("The safety check found words that can signal risk.",))
    return Reply("I'm listening. What's on your mind?", "support", screened.level)


def stop(engine: CompanionEngine, state: ConversationState) -> Reply:
    state.exercise, state.step, state.answers = None, 0, {}
    return Reply("Okay, we've stopped. What would you like to do now?", "support")


def personal_context(mood: MoodRepository) -> list[str]:
    return []
