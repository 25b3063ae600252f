"""Validated questionnaires (PHQ-9, GAD-7, WHO-5 and the PHQ-2 / GAD-2 derived from them):
definitions read from ``resources/questionnaires``, scoring, bands and the safety rule.

Pure rules, no storage. A band is information about how severe the reported symptoms are
("PHQ-9 11, moderate range"), never a diagnosis. A total is computed only when every scored item
has an answer (the source gives no prorating rule). PHQ-9 item 9 at 1 or more asks for the safety
follow-up whatever the total, even when other items are missing.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from mindspace.core.errors import UserError, ValidationError
from mindspace.core.paths import resources_dir

#: Instruments a person fills in; the PHQ-2 and GAD-2 come from the first two answers.
ASKED = ("phq9", "gad7", "who5")
SAFETY_ITEM = "phq9_9"
NOT_A_DIAGNOSIS = (
    "These questionnaires help you and your therapist follow how you are doing. A score range "
    "is information, not a diagnosis; only a qualified clinician can make one."
)


class QuestionnaireDataError(UserError):
    """The shipped questionnaire file is missing or malformed."""


def questionnaires_dir() -> Path:
    return resources_dir() / "questionnaires"


@dataclass(frozen=True)
class Option:
    value: int
    label: str


@dataclass(frozen=True)
class Item:
    id: str
    number: int
    text: str
    scored: bool
    options: tuple[Option, ...]
    optional: bool = False


@dataclass(frozen=True)
class Band:
    min: int
    max: int
    label: str

    @property
    def short(self) -> str:
        """The label without its bracketed note, lower case ("moderately severe")."""
        return self.label.split(" (")[0].strip().lower()


@dataclass(frozen=True)
class Rule:
    action: str
    condition: str
    item: str | None = None
    score: str | None = None
    target: str | None = None
    note: str = ""

    def holds(self, value: int) -> bool:
        op, number = _parse_condition(self.condition)
        return op(value, number)


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    short_name: str
    instructions: str
    item_stem: str
    recall_period: str
    items: tuple[Item, ...]
    scored_ids: tuple[str, ...]
    bands: tuple[Band, ...]
    rules: tuple[Rule, ...]
    min: int
    max: int
    multiplier: int
    mcid: float | None
    mcid_unit: str
    higher_is_better: bool
    license: str
    parent: str | None = None
    item_map: tuple[tuple[str, str], ...] = ()
    safety_caveat: str = ""

    @property
    def scored_items(self) -> tuple[Item, ...]:
        by_id = {i.id: i for i in self.items}
        return tuple(by_id[i] for i in self.scored_ids)

    @property
    def unscored_items(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if not i.scored)

    @property
    def values(self) -> tuple[int, ...]:
        """Allowed answer values for the scored items, lowest first."""
        return tuple(sorted(o.value for o in self.scored_items[0].options))

    def band_for(self, total: int) -> Band:
        for band in self.bands:
            if band.min <= total <= band.max:
                return band
        raise ValidationError(f"{self.short_name} score {total} is outside {self.min}-{self.max}")


@dataclass(frozen=True)
class Score:
    """One scored administration. `total` is the reported score (WHO-5: percentage)."""

    instrument: str
    short_name: str
    answers: tuple[int | None, ...]
    total: int | None
    raw: int | None
    band: str | None
    band_short: str | None
    item9: int | None
    safety_followup: bool
    further_assessment: bool
    next_instrument: str | None
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing

    def summary(self) -> str:
        """"PHQ-9 11, moderate range"; an incomplete one says that no total was computed."""
        if self.total is None:
            return f"{self.short_name}: not scored, {len(self.missing)} item(s) unanswered"
        raw = f" (raw {self.raw})" if self.raw != self.total else ""
        return f"{self.short_name} {self.total}{raw}, {self.band_short} range"

    def to_json(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument, "score": self.total, "raw": self.raw,
            "band": self.band_short, "band_label": self.band, "item9": self.item9,
            "safety_followup": self.safety_followup,
            "further_assessment": self.further_assessment,
            "next_instrument": self.next_instrument, "missing": list(self.missing),
        }


# ---- loading -----------------------------------------------------------------------------------
_OPS: dict[str, Callable[[int, float], bool]] = {
    ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt, "==": operator.eq,
}


def _parse_condition(text: str) -> tuple[Callable[[int, float], bool], float]:
    text = text.strip()
    for symbol in (">=", "<=", "==", ">", "<"):
        if text.startswith(symbol):
            return _OPS[symbol], float(text[len(symbol):])
    raise QuestionnaireDataError(f"unknown rule condition {text!r} in the questionnaire file")


def _options(raw: list[dict[str, Any]]) -> tuple[Option, ...]:
    return tuple(Option(int(o["value"]), str(o["label"])) for o in raw)


def _instrument(raw: dict[str, Any]) -> Instrument:
    shared = _options(raw["options"])
    items = tuple(
        Item(
            id=str(i["id"]), number=int(i["number"]), text=str(i["text"]),
            scored=bool(i["scored"]),
            options=shared if i["scored"] else _options(i.get("options", [])),
            optional=bool(i.get("optional", False)),
        )
        for i in raw["items"]
    )
    scoring = raw["scoring"]
    transform = scoring.get("transform") or ""
    multiplier = 4 if "x 4" in transform else 1
    mcid = raw.get("mcid") or {}
    derived = raw.get("derived_from") or {}
    rules = tuple(
        Rule(action=str(r["action"]), condition=str(r["condition"]), item=r.get("item"),
             score=r.get("score"), target=r.get("target"), note=str(r.get("note", "")))
        for r in raw.get("rules", [])
    )
    return Instrument(
        id=str(raw["id"]), name=str(raw["name"]), short_name=str(raw["short_name"]),
        instructions=str(raw["instructions"]), item_stem=str(raw.get("item_stem", "")),
        recall_period=str(raw["recall_period"]), items=items,
        scored_ids=tuple(scoring["scored_items"]),
        bands=tuple(Band(int(b["min"]), int(b["max"]), str(b["label"])) for b in raw["bands"]),
        rules=rules, min=int(scoring["min"]), max=int(scoring["max"]), multiplier=multiplier,
        mcid=float(mcid["value"]) if mcid.get("value") is not None else None,
        mcid_unit=str(mcid.get("unit", "")),
        higher_is_better="higher = better" in str(raw.get("construct", "")),
        license=str(raw.get("license", "")),
        parent=derived.get("instrument"),
        item_map=tuple(sorted((derived.get("item_map") or {}).items())),
        safety_caveat=str(raw.get("safety_caveat", "")),
    )


@dataclass(frozen=True)
class Catalog:
    version: str
    instruments: dict[str, Instrument]

    def get(self, instrument_id: str) -> Instrument:
        found = self.instruments.get(instrument_id)
        if found is None:
            known = ", ".join(ASKED)
            raise ValidationError(f"unknown questionnaire {instrument_id!r} (known: {known})")
        return found

    def derived_from(self, parent: str) -> tuple[Instrument, ...]:
        return tuple(i for i in self.instruments.values() if i.parent == parent)


def load_catalog(path: Path | None = None) -> Catalog:
    path = path or questionnaires_dir() / "questionnaires.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        instruments = {i["id"]: _instrument(i) for i in raw["instruments"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise QuestionnaireDataError(
            f"the questionnaire file {path.name} cannot be read ({type(exc).__name__})"
        ) from None
    return Catalog(version=str(raw.get("version", "")), instruments=instruments)


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The shipped questionnaires (read once)."""
    return load_catalog()


# ---- answers and scoring -----------------------------------------------------------------------
def check_answers(instrument: Instrument, answers: Sequence[int | None],
                  allow_missing: bool = False) -> tuple[int | None, ...]:
    """The answers to the scored items in form order; ValidationError (one line) on a wrong
    count or a value outside the response options."""
    want = len(instrument.scored_ids)
    if len(answers) != want:
        raise ValidationError(
            f"{instrument.short_name} needs {want} answers, got {len(answers)}"
        )
    allowed = instrument.values
    checked: list[int | None] = []
    for number, value in enumerate(answers, 1):
        if value is None:
            if not allow_missing:
                raise ValidationError(f"{instrument.short_name} item {number} has no answer")
            checked.append(None)
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
            raise ValidationError(
                f"{instrument.short_name} item {number}: {value!r} is not one of "
                f"{', '.join(str(v) for v in allowed)}"
            )
        checked.append(value)
    return tuple(checked)


def parse_answers(instrument: Instrument, text: str) -> tuple[int, ...]:
    """"1,0,2,..." -> checked answers (every item required)."""
    parts = [p.strip() for p in text.split(",")] if text.strip() else []
    values: list[int | None] = []
    for number, part in enumerate(parts, 1):
        try:
            values.append(int(part))
        except ValueError:
            raise ValidationError(
                f"{instrument.short_name} item {number}: {part!r} is not a number"
            ) from None
    checked = check_answers(instrument, values)
    return tuple(v for v in checked if v is not None)


def check_functional(instrument: Instrument, value: int | None) -> int | None:
    """The unscored "how difficult" answer (storage code 0-3), or None."""
    if value is None:
        return None
    extra = instrument.unscored_items
    allowed = {o.value for o in extra[0].options} if extra else set()
    if isinstance(value, bool) or value not in allowed:
        raise ValidationError(f"{instrument.short_name}: the difficulty answer must be 0-3")
    return value


def score(instrument: Instrument, answers: Sequence[int | None]) -> Score:
    """Score one administration (answers to the scored items in form order, None = missing)."""
    checked = check_answers(instrument, answers, allow_missing=True)
    by_id = dict(zip(instrument.scored_ids, checked, strict=True))
    missing = tuple(i for i, v in by_id.items() if v is None)
    raw = None if missing else sum(v for v in checked if v is not None)
    total = None if raw is None else raw * instrument.multiplier
    band = instrument.band_for(total) if total is not None else None
    safety = further = False
    next_instrument = None
    for rule in instrument.rules:
        hit = False
        if rule.item == "any":
            hit = any(v is not None and rule.holds(v) for v in checked)
        elif rule.item is not None:
            value = by_id.get(rule.item)
            hit = value is not None and rule.holds(value)
        elif rule.score is not None and raw is not None and total is not None:
            hit = rule.holds(raw if rule.score == "raw" else total)
        if not hit:
            continue
        if rule.action == "safety_followup":
            safety = True
        elif rule.action == "administer_full_instrument":
            further, next_instrument = True, rule.target
        else:
            further = True
    item9 = by_id.get(SAFETY_ITEM) if SAFETY_ITEM in by_id else None
    return Score(
        instrument=instrument.id, short_name=instrument.short_name, answers=checked,
        total=total, raw=raw, band=band.label if band else None,
        band_short=band.short if band else None, item9=item9, safety_followup=safety,
        further_assessment=further, next_instrument=next_instrument, missing=missing,
    )


def derived_scores(parent: Instrument, answers: Sequence[int | None],
                   cat: Catalog | None = None) -> tuple[Score, ...]:
    """The short forms computed from a full PHQ-9 / GAD-7 (PHQ-2, GAD-2), never asked again."""
    cat = cat or catalog()
    by_id = dict(zip(parent.scored_ids, answers, strict=True))
    out = []
    for short in cat.derived_from(parent.id):
        mapping = dict(short.item_map)
        out.append(score(short, [by_id[mapping[item]] for item in short.scored_ids]))
    return tuple(out)


def safety_followup_needed(instrument: Instrument, answers: Mapping[str, int | None]) -> bool:
    """True the moment an answer meets a safety rule (PHQ-9 item 9 at 1 or more), before the
    rest of the form is filled in."""
    for rule in instrument.rules:
        if rule.action == "safety_followup" and rule.item is not None:
            value = answers.get(rule.item)
            if value is not None and rule.holds(value):
                return True
    return False
