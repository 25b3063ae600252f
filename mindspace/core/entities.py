"""Plain entities shared by every layer (no Qt, no SQL)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

MOOD_WORDS = {1: "Awful", 2: "Bad", 3: "Okay", 4: "Good", 5: "Great"}
# Colours picked to stay distinguishable for common colour-vision deficiencies (blue-orange scale).
MOOD_COLOURS = {1: "#b2182b", 2: "#ef8a62", 3: "#bababa", 4: "#67a9cf", 5: "#2166ac"}
ENERGY_WORDS = {1: "Drained", 2: "Low", 3: "Steady", 4: "Lively", 5: "Buzzing"}


@dataclass
class JournalEntry:
    id: str
    title: str
    body: str
    entry_at: datetime
    tags: list[str] = field(default_factory=list)
    body_format: str = "markdown"
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("entry_at", "created_at", "updated_at"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        return data


@dataclass
class SearchHit:
    entry_id: str
    title: str
    entry_at: datetime
    snippet: str  # matches wrapped in HIGHLIGHT_START / HIGHLIGHT_END
    tags: list[str] = field(default_factory=list)

    def snippet_marked(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.entry_id,
            "title": self.title,
            "date": self.entry_at.isoformat(),
            "snippet": self.snippet_marked(),
            "tags": self.tags,
        }


HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


@dataclass
class MoodCheckin:
    id: str
    checkin_at: datetime
    mood: int
    energy: int | None = None
    emotions: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    sleep_hours: float | None = None
    note: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def mood_word(self) -> str:
        return MOOD_WORDS[self.mood]

    @property
    def mood_colour(self) -> str:
        return MOOD_COLOURS[self.mood]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("checkin_at", "created_at", "updated_at"):
            value = data[key]
            data[key] = value.isoformat() if value else None
        data["mood_word"] = self.mood_word
        return data


# The Stanley-Brown safety plan: (step id, heading shown to the user), in order.
SAFETY_PLAN_STEPS: tuple[tuple[str, str], ...] = (
    ("warning_signs", "Warning signs"),
    ("coping_strategies", "Things I can do on my own"),
    ("distractions", "People and places that take my mind off things"),
    ("people_to_ask", "People I can ask for help"),
    ("professionals", "Professionals and crisis lines"),
    ("safe_environment", "Making my surroundings safer"),
    ("reasons_for_living", "My reasons for living"),
)


@dataclass(frozen=True)
class DailyEmotions:
    day: date
    means: dict[str, float]  # label -> mean probability over that day's analyses
    count: int
    compound: float  # mean sentiment
