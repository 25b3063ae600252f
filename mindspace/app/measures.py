"""Questionnaires use case: fill in, score, store, compare with last time, and the schedule.

`MeasureService.record` scores a completed form with `core.questionnaires`, stores it, and
compares it with the previous scored form of the same instrument (reliable change). The result
says whether the safety follow-up is needed (PHQ-9 item 9 at 1 or more); the GUI then opens the
support panel and the CLI reports it. The schedule (days between forms, per instrument) lives in
the vault settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from mindspace.core.errors import ValidationError
from mindspace.core.questionnaires import (
    ASKED,
    Catalog,
    Instrument,
    Score,
    catalog,
    check_functional,
    derived_scores,
    score,
)
from mindspace.core.reliable_change import Change, compare
from mindspace.storage.measures import MeasureRecord, MeasureRepository
from mindspace.storage.settings import VaultSettings

SCHEDULE_KEY = "measures.schedule_days"
DEFAULT_DAYS = 14
#: 0 turns reminders off for an instrument; otherwise every 7 to 90 days.
MIN_DAYS, MAX_DAYS = 7, 90


@dataclass(frozen=True)
class MeasureResult:
    record: MeasureRecord
    score: Score
    short_forms: tuple[Score, ...]
    change: Change | None

    @property
    def reliable_change(self) -> str | None:
        return None if self.change is None else self.change.verdict

    def change_text(self) -> str:
        if self.change is None:
            return ("No earlier result to compare with yet." if self.score.total is not None
                    else "Not compared: the form is incomplete.")
        return self.change.describe(self.score.short_name)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.record.id,
            "instrument": self.record.instrument,
            "taken_at": self.record.taken_at.isoformat(),
            "score": self.score.total,
            "raw": self.score.raw,
            "band": self.score.band_short,
            "band_label": self.score.band,
            "item9": self.score.item9,
            "safety_followup": self.score.safety_followup,
            "reliable_change": self.reliable_change,
            "change": None if self.change is None else self.change.to_json(),
            "further_assessment": self.score.further_assessment,
            "short_forms": [s.to_json() for s in self.short_forms],
            "summary": self.score.summary(),
        }


def share_record(result: MeasureResult, instrument: Instrument) -> dict[str, Any]:
    """What travels to the therapist for one form: score, band, reliable change and the
    item-9 answer itself (with its wording and label)."""
    rec = result.to_json()
    rec.update(short_name=instrument.short_name, revision=result.record.created_at.isoformat(),
               answers=list(result.record.answers), functional=result.record.functional,
               data_version=result.record.data_version, change_text=result.change_text())
    if result.score.item9 is not None:
        item = next(i for i in instrument.scored_items if i.id == "phq9_9")
        label = next(o.label for o in item.options if o.value == result.score.item9)
        rec.update(item9_text=item.text, item9_answer=label)
    return rec


@dataclass(frozen=True)
class DueQuestionnaire:
    instrument: str
    short_name: str
    last_taken: datetime | None
    every_days: int

    def text(self) -> str:
        if self.last_taken is None:
            return f"{self.short_name}: not filled in yet"
        return f"{self.short_name}: last filled in {self.last_taken:%-d %b}"


class MeasureService:
    def __init__(self, repository: MeasureRepository, settings: VaultSettings,
                 questionnaires: Catalog | None = None) -> None:
        self.repository = repository
        self._settings = settings
        self.catalog = questionnaires or catalog()

    # ---- definitions -------------------------------------------------------------------------
    def instrument(self, instrument_id: str) -> Instrument:
        if instrument_id not in ASKED:
            raise ValidationError(
                f"unknown questionnaire {instrument_id!r} (known: {', '.join(ASKED)})"
            )
        return self.catalog.get(instrument_id)

    # ---- recording ---------------------------------------------------------------------------
    def record(self, instrument_id: str, answers: Sequence[int | None],
               functional: int | None = None, taken_at: datetime | None = None) -> MeasureResult:
        """Score and store one form. Missing answers (None) are stored but give no total."""
        inst = self.instrument(instrument_id)
        result = score(inst, answers)
        functional = check_functional(inst, functional)
        previous = self.repository.latest(inst.id, before=taken_at) if taken_at else (
            self.repository.latest(inst.id))
        record = self.repository.add(
            inst.id, result.answers, score=result.total, raw=result.raw, band=result.band_short,
            item9=result.item9, safety_followup=result.safety_followup,
            data_version=self.catalog.version, functional=functional, taken_at=taken_at,
        )
        return self._result(inst, record, result, previous)

    def _result(self, inst: Instrument, record: MeasureRecord, result: Score,
                previous: MeasureRecord | None) -> MeasureResult:
        shorts = derived_scores(inst, result.answers, self.catalog)
        change = None
        if previous is not None and previous.score is not None and result.total is not None:
            change = compare(inst, previous.score, result.total)
        return MeasureResult(record, result, shorts, change)

    def result_of(self, record: MeasureRecord, previous: MeasureRecord | None) -> MeasureResult:
        inst = self.instrument(record.instrument)
        return self._result(inst, record, score(inst, record.answers), previous)

    def history(self, instrument_id: str | None = None, start: datetime | None = None,
                end: datetime | None = None) -> list[MeasureResult]:
        """Forms oldest first, each compared with the scored form before it."""
        wanted = [instrument_id] if instrument_id else list(ASKED)
        out: list[MeasureResult] = []
        for inst_id in wanted:
            inst = self.instrument(inst_id)
            previous = self.repository.latest(inst_id, before=start) if start else None
            for record in self.repository.list(inst_id, start, end, oldest_first=True):
                out.append(self._result(inst, record, score(inst, record.answers), previous))
                if record.score is not None:
                    previous = record
        out.sort(key=lambda r: (r.record.taken_at, r.record.created_at))
        return out

    def share_records(self, start: datetime | None = None,
                      end: datetime | None = None) -> list[dict[str, Any]]:
        """The forms in [start, end) as shared with a therapist, oldest first."""
        return [share_record(r, self.instrument(r.record.instrument))
                for r in self.history(None, start, end)]

    def delete(self, record_id: str) -> None:
        self.repository.delete(record_id)

    # ---- schedule ----------------------------------------------------------------------------
    def schedule(self) -> dict[str, int]:
        """instrument -> days between forms (0 = no reminder)."""
        stored = self._settings.get(SCHEDULE_KEY, {}) or {}
        out = {}
        for inst_id in ASKED:
            value = stored.get(inst_id, DEFAULT_DAYS) if isinstance(stored, dict) else DEFAULT_DAYS
            out[inst_id] = value if isinstance(value, int) and not isinstance(value, bool) else (
                DEFAULT_DAYS)
        return out

    def set_schedule(self, instrument_id: str, days: int) -> dict[str, int]:
        self.instrument(instrument_id)
        if isinstance(days, bool) or not isinstance(days, int) or (
                days != 0 and not MIN_DAYS <= days <= MAX_DAYS):
            raise ValidationError(
                f"days between questionnaires must be 0 (off) or {MIN_DAYS}-{MAX_DAYS}"
            )
        chosen = self._settings.get(SCHEDULE_KEY, {}) or {}
        chosen = dict(chosen) if isinstance(chosen, dict) else {}
        chosen[instrument_id] = days  # only what the person chose: the rest keep the default
        self._settings.set(SCHEDULE_KEY, chosen)
        return self.schedule()

    def due(self, now: datetime | None = None) -> list[DueQuestionnaire]:
        """Questionnaires whose time has come: `every_days` have passed since the last one. One
        never filled in is due only once the person has chosen a schedule for it (a new vault
        asks for nothing)."""
        now = now or datetime.now()
        last = self.repository.last_taken()
        chosen = self._settings.get(SCHEDULE_KEY, {}) or {}
        out = []
        for inst_id, days in self.schedule().items():
            if days <= 0:
                continue
            taken = last.get(inst_id)
            if taken is None and inst_id not in chosen:
                continue
            if taken is None or taken + timedelta(days=days) <= now:
                out.append(DueQuestionnaire(inst_id, self.catalog.get(inst_id).short_name,
                                            taken, days))
        return out
