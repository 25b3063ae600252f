"""Companion chat entities shared by storage and the app layer (see ``mindspace.app.companion``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ExerciseResult:
    """A finished exercise: the user's own answers in order, plus ratings where it has them.

    ``answers`` are ``(label, text)`` pairs (label is the step's short name, e.g. "Situation").
    ``rating_before``/``rating_after`` are the 0-100 intensity ratings of a thought record
    (``emotion`` names the rated emotion); other exercises leave them None.
    """

    id: str
    exercise: str
    title: str
    answers: tuple[tuple[str, str], ...]
    finished_at: datetime
    emotion: str | None = None
    rating_before: int | None = None
    rating_after: int | None = None

    def journal_text(self) -> str:
        """The entry body "Save to journal" writes (Markdown; the user's words verbatim)."""
        lines = [f"**{label}:** {text}" for label, text in self.answers]
        if self.rating_before is not None and self.rating_after is not None:
            what = self.emotion or "feeling"
            lines.append(f"**{what.capitalize()} before -> after:** "
                         f"{self.rating_before} -> {self.rating_after}")
        return "\n\n".join(lines)

@dataclass(frozen=True)
class ThoughtRecordRating:
    """Before/after intensity of one finished thought record (for insights)."""

    result_id: str
    finished_at: datetime
    emotion: str | None
    before: int
    after: int

@dataclass(frozen=True)
class ChatMessage:
    """One line of a transcript; companion lines carry the reply's route/sources/why."""

    role: str  # user | companion
    text: str
    at: datetime
    route: str | None = None
    exercise: str | None = None
    step: int | None = None
    crisis_level: str | None = None
    sources: tuple[str, ...] = ()
    why: tuple[str, ...] = ()

@dataclass(frozen=True)
class ConversationSummary:
    id: str
    started_at: datetime
    updated_at: datetime
    title: str  # the opening words of the first user message
    message_count: int
