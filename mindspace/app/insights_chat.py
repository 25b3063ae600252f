"""The companion's conversations in the insights: emotions of the person's own chat messages,
and the exercises they finished (a thought record's before/after ratings), with when.

`ChatReadings` reads the messages the person wrote to the companion (stored in the vault) with
the same text models as journal entries (`TextAnalyzer`: emotion model and sentiment) and turns
them into trend `Sample`s of source "chat". Readings are kept in memory only, per message, so a
page that opens again does not read the same words twice; the container drops the object (and
its readings) when the vault locks. Nothing is written anywhere.

Messages of fewer than `MIN_WORDS` words ("yes", "70", "next") are left out: they are answers
to an exercise's step, not something the person said about how they feel. Messages in a
language the English-only models cannot read are left out too (no reading rather than a wrong
one), as for journal entries.

Blocking (model inference on first use): a worker's job.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from mindspace.core.chat import ExerciseResult
from mindspace.stats.trends import Sample

if TYPE_CHECKING:
    from mindspace.ml.text_analyzer import TextAnalyzer
    from mindspace.storage.chat import ChatRepository

MIN_WORDS = 3
Reading = tuple[dict[str, float], float | None]


class ChatReadings:
    def __init__(self, store: ChatRepository,
                 analyzer: Callable[[], TextAnalyzer]) -> None:
        self._store = store
        self._analyzer = analyzer
        self._lock = threading.Lock()
        self._cache: dict[int, Reading | None] = {}

    def samples(self, start: date, end: date) -> list[Sample]:
        """One "chat" sample per message of `MIN_WORDS` words or more written in [start, end]
        that the text models could read, oldest first."""
        messages = self._store.user_messages(datetime.combine(start, time.min),
                                             datetime.combine(end + timedelta(days=1), time.min))
        wanted = [(seq, m) for seq, m in messages if len(m.text.split()) >= MIN_WORDS]
        with self._lock:
            todo = [(seq, m.text) for seq, m in wanted if seq not in self._cache]
            if todo:
                results = self._analyzer().analyze_many([t for _, t in todo])
                for (seq, _), result in zip(todo, results, strict=True):
                    if result.emotions is None:
                        self._cache[seq] = None
                    else:
                        self._cache[seq] = (dict(result.emotions),
                                            float(result.sentiment.compound))
            readings = {seq: self._cache.get(seq) for seq, _ in wanted}
        out = []
        for seq, m in wanted:
            reading = readings[seq]
            if reading is not None:
                out.append(Sample(m.at.date(), "chat", reading[0], reading[1]))
        return out

    def exercises(self) -> list[ExerciseResult]:
        """Every finished exercise of the companion, oldest first."""
        return self._store.exercise_results()


# ---- what helped: the companion's exercises ---------------------------------------------------
def part_of_day(hour: int) -> str:
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 18:
        return "afternoon"
    return "evening" if 18 <= hour < 23 else "night"


def usual_time(hours: list[int]) -> str:
    """`usually in the evening` when more than half of the times fall in one part of the day."""
    if not hours:
        return ""
    word, count = Counter(part_of_day(h) for h in hours).most_common(1)[0]
    return f"usually in the {word}" if count * 2 > len(hours) else ""


def _name(result: ExerciseResult) -> str:
    title = result.title.rsplit(", ", 1)[0].strip()
    return title or result.exercise.replace("-", " ").capitalize()


def _short(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


@dataclass(frozen=True)
class ExerciseHelped:
    """One kind of companion exercise: how often it was finished and, for a thought record,
    how often the rated feeling eased (after below before) and by how much on average."""

    exercise: str
    name: str
    done: int
    last: date
    when: str  # "usually in the evening" (times it eased for thought records, else all)
    rated: int = 0
    eased: int = 0
    before: float | None = None  # mean rating 0-100
    after: float | None = None

    def text(self) -> str:
        when = f", {self.when}" if self.when else ""
        if self.rated and self.before is not None and self.after is not None:
            return (f"{self.name}: the feeling eased in {self.eased} of {self.rated} rated "
                    f"(on average {self.before:.0f} before, {self.after:.0f} after, out of "
                    f"100); last on {_short(self.last)}{when}.")
        times = "once" if self.done == 1 else f"{self.done} times"
        return f"{self.name}: finished {times}, last on {_short(self.last)}{when}."

    def to_json(self) -> dict[str, Any]:
        return {"exercise": self.exercise, "name": self.name, "done": self.done,
                "last": self.last.isoformat(), "when": self.when, "rated": self.rated,
                "eased": self.eased, "mean_before": self.before, "mean_after": self.after,
                "text": self.text()}


def exercises_helped(results: list[ExerciseResult]) -> list[ExerciseHelped]:
    """One line per kind of exercise, those that eased a rated feeling first, then the most
    often finished."""
    by_kind: dict[str, list[ExerciseResult]] = {}
    for r in results:
        by_kind.setdefault(r.exercise, []).append(r)
    out = []
    for kind, done in by_kind.items():
        rated = [r for r in done if r.rating_before is not None and r.rating_after is not None]
        eased = [r for r in rated if (r.rating_after or 0) < (r.rating_before or 0)]
        hours = [r.finished_at.hour for r in (eased if rated else done)]
        out.append(ExerciseHelped(
            kind, _name(done[-1]), len(done), max(r.finished_at.date() for r in done),
            usual_time(hours), len(rated), len(eased),
            sum(r.rating_before or 0 for r in rated) / len(rated) if rated else None,
            sum(r.rating_after or 0 for r in rated) / len(rated) if rated else None))
    out.sort(key=lambda h: (-(h.eased / h.rated if h.rated else -1.0), -h.done, h.name))
    return out
