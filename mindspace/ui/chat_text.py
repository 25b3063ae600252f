"""Words the chat page shows about the companion's replies (no Qt): exercise names, the step
line, the "why" note, the pacer pattern and the list of past conversations.

They read the app layer's objects (``mindspace.app.companion.Reply``, ``ExerciseStep``,
``ConversationSummary``) by their attributes only, so the page can be tested on what it shows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

EXERCISE_NAMES = {
    "breathing": "Slow breathing",
    "grounding": "Grounding (5-4-3-2-1)",
    "thought-record": "Thought record",
    "behavioural-activation": "Planning a small activity",
    "worry-time": "Worry time",
    "problem-solving": "Problem solving",
    "self-compassion": "Self-compassion",
    "sleep": "Winding down for sleep",
    "safety-plan": "Safety plan",
}
PHASE_WORDS = {"in": "Breathe in", "hold": "Hold", "out": "Breathe out"}
PHASE_TARGET = {"in": 1.0, "out": 0.0}


def exercise_name(exercise_id: str | None) -> str:
    if not exercise_id:
        return ""
    return EXERCISE_NAMES.get(exercise_id, exercise_id.replace("-", " ").capitalize())


def step_line(step: Any) -> str:
    """"Step 2 of 5" (or "Finished" once the exercise is done)."""
    if step is None:
        return ""
    if getattr(step, "kind", "") == "done":
        return "Finished"
    return f"Step {step.number} of {step.total}"


def why_text(reply: Any) -> str:
    """The reasons behind a reply, one per line, then the content it drew on."""
    reasons = [str(w) for w in (getattr(reply, "why", ()) or ())]
    sources = [str(s) for s in (getattr(reply, "sources", ()) or ())]
    lines = [f"• {r}" for r in reasons]
    if sources:
        lines.append("Drawn from: " + ", ".join(sources))
    if not lines:
        return "There is no explanation for this message."
    return "\n".join(lines)


def pacer_pattern(step: Any) -> list[tuple[str, int, float]]:
    """(words, seconds, circle level at the end) per phase of a pacer step; the circle stays
    where it is while holding."""
    out: list[tuple[str, int, float]] = []
    level = 0.0
    for phase in getattr(step, "pacer", ()) or ():
        name = str(phase.name)
        level = PHASE_TARGET.get(name, level)
        seconds = max(1, round(float(phase.seconds)))
        out.append((PHASE_WORDS.get(name, name.capitalize()), seconds, level))
    return out


def conversation_line(summary: Any, now: datetime | None = None) -> str:
    """"Tue 12 Mar, 14:05 · the opening words" for the list of past conversations."""
    when: datetime = summary.updated_at
    now = now or datetime.now()
    day = "Today" if when.date() == now.date() else f"{when:%a %d %b}"
    if when.year != now.year:
        day += f" {when:%Y}"
    title = summary.title or "(no messages yet)"
    return f"{day}, {when:%H:%M} · {title}"
