"""Running one exercise of the content library: its steps, the user's answers, the result.

The state lives in ``ConversationState`` (``exercise``, ``step``, ``answers``, and for the safety
plan ``slots["plan"]``), so a stored conversation resumes where it stopped. Every text comes from
the library, filled with the user's answers.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from mindspace.app.companion import ExerciseStep, PacerPhase
from mindspace.app.companion_content import ExerciseSpec, Library, StepSpec, fill
from mindspace.app.companion_guard import is_no, is_skip
from mindspace.core.chat import ExerciseResult
from mindspace.core.entities import SAFETY_PLAN_STEPS
from mindspace.core.rules import format_day

if TYPE_CHECKING:
    from mindspace.app.companion_engine import ConversationState

_NUMBER = re.compile(r"(?<![\d.])(\d{1,3})(?:\s*(?:%|percent|/\s*100|out of 100))?(?![\d.])")
_WORD_NUMBERS = {
    "zero": 0, "none": 0, "nothing": 0, "ten": 10, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "half": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100,
}
_PLAN_TITLES = dict(SAFETY_PLAN_STEPS)


@dataclass(frozen=True)
class StepOutcome:
    text: str
    sources: tuple[str, ...]
    step: ExerciseStep | None  # None once finished
    finished: ExerciseResult | None = None
    plan_to_save: dict[str, list[str]] | None = None
    retry: bool = False


def parse_rating(text: str, low: int, high: int) -> int | None:
    m = _NUMBER.search(text)
    if m:
        value = int(m.group(1))
        return value if low <= value <= high else None
    words = " ".join(re.findall(r"[a-z]+", text.lower()))
    for phrase in sorted(_WORD_NUMBERS, key=len, reverse=True):
        if re.search(rf"\b{phrase}\b", words):
            value = _WORD_NUMBERS[phrase]
            return value if low <= value <= high else None
    return None


def step_info(spec: ExerciseSpec, index: int) -> ExerciseStep:
    s = spec.steps[index]
    return ExerciseStep(spec.id, index + 1, len(spec.steps), s.kind, s.scale,
                        tuple(PacerPhase(n, sec) for n, sec in s.pacer), s.cycles)


def _slots(state: ConversationState, step: StepSpec | None = None) -> dict[str, str]:
    slots = dict(state.answers)
    if step is not None and step.plan_step:
        slots["title"] = _PLAN_TITLES.get(step.plan_step, step.label)
        items = state.slots.get("plan", {}).get(step.plan_step, [])
        slots["items"] = "; ".join(items)
    return slots


def _step_text(spec: ExerciseSpec, index: int, state: ConversationState) -> tuple[str, str]:
    step = spec.steps[index]
    if step.plan_step and state.slots.get("plan", {}).get(step.plan_step) and step.text_review:
        return fill(step.text_review, _slots(state, step)), f"{step.id}.review"
    return fill(step.text, _slots(state, step)), step.id


def start(lib: Library, exercise: str, state: ConversationState,
          plan: dict[str, list[str]] | None = None) -> StepOutcome:
    """Begin ``exercise`` at step 1 (any running exercise is replaced)."""
    spec = lib.exercises[exercise]
    state.exercise, state.step, state.answers = exercise, 0, {}
    state.slots["exercise_started"] = datetime.now().isoformat(timespec="seconds")
    if exercise == "safety-plan":
        state.slots["plan"] = {k: list(v) for k, v in (plan or {}).items()}
    text, line_id = _step_text(spec, 0, state)
    return StepOutcome(f"{fill(spec.intro.text, {})} {text}", (spec.intro.id, line_id),
                       step_info(spec, 0))


def current(lib: Library, state: ConversationState) -> StepOutcome:
    """The running step's prompt again (after a refusal or an unclear answer)."""
    assert state.exercise is not None
    spec = lib.exercises[state.exercise]
    text, line_id = _step_text(spec, state.step, state)
    return StepOutcome(text, (line_id,), step_info(spec, state.step))


def answer(lib: Library, state: ConversationState, text: str, *, ephemeral: bool) -> StepOutcome:
    """Take ``text`` as the answer to the running step and move on (or finish)."""
    assert state.exercise is not None
    spec = lib.exercises[state.exercise]
    step = spec.steps[state.step]
    if step.kind == "rating":
        low, high = step.scale or (0, 100)
        value = parse_rating(text, low, high)
        if value is None:
            again, line_id = _step_text(spec, state.step, state)
            msg = lib.say("rating.invalid", {"low": str(low), "high": str(high)})
            return StepOutcome(f"{msg} {again}", ("rating.invalid", line_id),
                               step_info(spec, state.step), retry=True)
        state.answers[step.key] = str(value)
    elif step.kind == "prompt":
        if not text.strip():
            return StepOutcome(lib.say("answer.empty"), ("answer.empty",),
                               step_info(spec, state.step), retry=True)
        skipped = is_skip(text) or (step.plan_step is not None and is_no(text))
        state.answers[step.key] = "" if skipped else text.strip()
        if step.plan_step and not skipped:
            items = [i.strip() for i in re.split(r"[;\n]|,(?![^()]*\))", text) if i.strip()]
            plan = state.slots.setdefault("plan", {})
            plan.setdefault(step.plan_step, [])
            plan[step.plan_step] = (plan[step.plan_step] + items)[:20]
    else:  # pacer / info: any message moves on
        state.answers.setdefault(step.key, "")
    state.step += 1
    if state.step < len(spec.steps):
        nxt, line_id = _step_text(spec, state.step, state)
        return StepOutcome(nxt, (line_id,), step_info(spec, state.step))
    return _finish(lib, spec, state, ephemeral)


def _finish(lib: Library, spec: ExerciseSpec, state: ConversationState,
            ephemeral: bool) -> StepOutcome:
    now = datetime.now().replace(microsecond=0)
    answers = tuple((s.label, state.answers[s.key]) for s in spec.steps
                    if s.kind in ("prompt", "rating") and state.answers.get(s.key))
    before = after = None
    emotion = None
    if spec.id == "thought-record":
        before = int(state.answers["before"]) if state.answers.get("before") else None
        after = int(state.answers["after"]) if state.answers.get("after") else None
        emotion = state.answers.get("emotion") or None
    slots = dict(state.answers)
    plan = None
    ids = [spec.done.id]
    texts = [fill(spec.done.text, slots)]
    if spec.id == "safety-plan":
        plan = state.slots.get("plan", {})
        ids.append("plan.not-saved" if ephemeral else "plan.saved")
        texts.append(lib.say(ids[-1]))
    ids.append("finish.save")
    texts.append(lib.say("finish.save"))
    result = ExerciseResult(uuid.uuid4().hex, spec.id, f"{spec.title}, {format_day(now)}",
                            answers, now, emotion, before, after)
    state.exercise, state.step, state.answers = None, 0, {}
    state.slots.pop("plan", None)
    return StepOutcome(" ".join(texts), tuple(ids), None, result, plan)
