"""The companion's written content library (``resources/companion/``), loaded and checked.

Every line the companion can say is an entry with an ``id``, the ``technique`` it belongs to and
a ``source`` (an id in ``sources.json`` naming a CBT manual chapter or a self-help page). The
only variable parts are ``{slots}`` filled with the user's own words (or numbers they gave);
``fill`` never invents text. ``Library.load`` raises ``ValueError`` naming the first bad entry
(unknown source, duplicate id, missing field), so a broken library fails at start-up, not in a
conversation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mindspace.app.companion_listen import second_person
from mindspace.core.paths import resources_dir

_SLOT = re.compile(r"\{([a-z_]+)\}")
_QUOTED_SLOT = re.compile(r'"\{([a-z_]+)\}"')
MAX_QUOTE_WORDS = 14


@dataclass(frozen=True)
class Line:
    id: str
    technique: str
    source: str
    text: str


@dataclass(frozen=True)
class StepSpec:
    id: str
    key: str
    label: str
    kind: str  # prompt | rating | pacer | info
    text: str
    technique: str
    source: str
    scale: tuple[int, int] | None = None
    pacer: tuple[tuple[str, float], ...] = ()
    cycles: int = 0
    plan_step: str | None = None
    text_review: str | None = None


@dataclass(frozen=True)
class ExerciseSpec:
    id: str
    title: str
    technique: str
    source: str
    intro: Line
    steps: tuple[StepSpec, ...]
    done: Line


def content_dir() -> Path:
    return resources_dir() / "companion"


def _line(raw: dict[str, Any]) -> Line:
    return Line(str(raw["id"]), str(raw["technique"]), str(raw["source"]), str(raw["text"]))


def _step(raw: dict[str, Any]) -> StepSpec:
    scale = raw.get("scale")
    return StepSpec(
        id=str(raw["id"]), key=str(raw["key"]), label=str(raw["label"]),
        kind=str(raw.get("kind", "prompt")), text=str(raw["text"]),
        technique=str(raw["technique"]), source=str(raw["source"]),
        scale=(int(scale[0]), int(scale[1])) if scale else None,
        pacer=tuple((str(p["name"]), float(p["seconds"])) for p in raw.get("pacer", [])),
        cycles=int(raw.get("cycles", 0)), plan_step=raw.get("plan_step"),
        text_review=raw.get("text_review"),
    )


class Library:
    def __init__(self, lines: dict[str, Line], exercises: dict[str, ExerciseSpec],
                 sources: dict[str, str]) -> None:
        self.lines = lines
        self.exercises = exercises
        self.sources = sources

    @classmethod
    def load(cls, folder: Path | None = None) -> Library:
        folder = folder or content_dir()
        try:
            sources = {s["id"]: s["reference"] for s in _read(folder / "sources.json")["sources"]}
            lines: dict[str, Line] = {}
            for raw in _read(folder / "lines.json")["lines"]:
                _add(lines, _line(raw))
            exercises: dict[str, ExerciseSpec] = {}
            for raw in _read(folder / "exercises.json")["exercises"]:
                steps = tuple(_step(s) for s in raw["steps"])
                spec = ExerciseSpec(str(raw["id"]), str(raw["title"]), str(raw["technique"]),
                                    str(raw["source"]), _line(raw["intro"]), steps,
                                    _line(raw["done"]))
                exercises[spec.id] = spec
                for line in (spec.intro, spec.done):
                    _add(lines, line)
                for step in steps:
                    _add(lines, Line(step.id, step.technique, step.source, step.text))
                    if step.text_review:
                        _add(lines, Line(f"{step.id}.review", step.technique, step.source,
                                         step.text_review))
        except (KeyError, TypeError, IndexError) as exc:
            raise ValueError(f"companion content in {folder} is malformed: {exc!r}") from None
        for line in lines.values():
            if line.source not in sources:
                raise ValueError(f"companion line {line.id} names unknown source {line.source}")
            if not line.technique:
                raise ValueError(f"companion line {line.id} has no technique")
        return cls(lines, exercises, sources)

    def line(self, line_id: str) -> Line:
        return self.lines[line_id]

    def say(self, line_id: str, slots: dict[str, str] | None = None) -> str:
        return fill(self.lines[line_id].text, slots or {})


def _read(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path} must hold a JSON object")
    return data


def _add(lines: dict[str, Line], line: Line) -> None:
    if line.id in lines:
        raise ValueError(f"companion line id {line.id} is used twice")
    lines[line.id] = line


def quote(text: str, words: int = MAX_QUOTE_WORDS) -> str:
    """The user's words as they appear inside a template: trimmed, at most ``words`` words,
    without a closing full stop (the template adds its own punctuation)."""
    parts = " ".join(str(text).split()).split(" ")
    out = " ".join(parts[:words]) + ("..." if len(parts) > words else "")
    return out.rstrip(" .!?;,")


def fill(template: str, slots: dict[str, str]) -> str:
    """Replace ``{slot}`` with the slot's value; a missing or empty slot reads "that" ("this"
    where the template quotes it).

    Inside quotation marks (``"{thought}"``) the user's words stay exactly as written; elsewhere
    they are turned towards the user ("my friend cancelled on me" -> "your friend cancelled on
    you"), so the sentence around them reads right."""

    def unquoted_gap(match: re.Match[str]) -> str:
        return match.group(0) if slots.get(match.group(1)) else "this"

    def one(match: re.Match[str]) -> str:
        value = slots.get(match.group(1))
        if value in (None, ""):
            return "that"
        start, end = match.span()
        quoted = template[start - 1:start] == '"' and template[end:end + 1] == '"'
        return quote(value) if quoted else quote(second_person(str(value)))

    template = _QUOTED_SLOT.sub(unquoted_gap, template)  # a skipped answer is not quoted
    return _SLOT.sub(one, template)


def slots_in(template: str) -> list[str]:
    return _SLOT.findall(template)
