"""Stored text analyses, emotion-label corrections, the safety plan and the crisis region.

Every call runs on the vault's DB executor (blocking the caller); nothing is written outside the
encrypted vault. Analyses are keyed by (source type, source id, model id), so results from an
older model stay until re-analysis replaces them; ``needs_reanalysis(model_id)`` lists sources
with no result from that model or whose text changed since it was analysed. Deleting a journal
entry or mood check-in deletes its analyses and corrections (schema triggers).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from mindspace.core.entities import SAFETY_PLAN_STEPS, DailyEmotions
from mindspace.core.rules import format_day
from mindspace.storage.database import DbExecutor
from mindspace.storage.errors import ValidationError
from mindspace.storage.settings import VaultSettings

SOURCE_TYPES = ("journal", "mood", "transcript")
# Result keys kept with the analysis inside the stored sentiment JSON under READING_KEY.
READING_FIELDS = ("language", "screened", "wellbeing", "wellbeing_words", "english_only",
                  "screen_note")
READING_KEY = "reading"
MAX_PLAN_ITEMS = 30
MAX_PLAN_ITEM_CHARS = 500
REGION_KEY = "crisis.region"


def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class StoredAnalysis:
    source_type: str
    source_id: str
    model_id: str
    source_at: datetime
    analyzed_at: datetime
    emotions: dict[str, float] | None
    labels: list[str]
    sentiment: dict[str, float]
    crisis_level: str
    crisis_score: float
    crisis_reasons: list[str] = field(default_factory=list)
    # language, screened, wellbeing (+ wellbeing_words, english_only, screen_note) when stored
    reading: dict[str, Any] = field(default_factory=dict)

    @property
    def language(self) -> str | None:
        return self.reading.get("language")

    @property
    def english_only(self) -> str | None:
        return self.reading.get("english_only")




def _check_source(source_type: str) -> None:
    if source_type not in SOURCE_TYPES:
        raise ValidationError(f"unknown source type {source_type!r}")


class AnalysisStore:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db
        self._settings = VaultSettings(db)

    # ---- analyses ------------------------------------------------------------------------
    def save(
        self,
        source_type: str,
        source_id: str,
        model_id: str,
        result: dict[str, Any],
        source_at: datetime,
        source_updated_at: datetime,
    ) -> None:
        """Insert or replace the result of ``model_id`` for this source. ``result`` is a
        ``TextAnalysis.to_dict()``-shaped mapping."""
        _check_source(source_type)
        crisis = result.get("crisis") or {}
        sentiment = dict(result.get("sentiment") or {})
        reading = {k: result[k] for k in READING_FIELDS if k in result}
        row = (
            source_type, source_id, model_id, _iso(source_at), _iso(source_updated_at),
            _iso(datetime.now()),
            None if result.get("emotions") is None else json.dumps(result["emotions"]),
            json.dumps(list(result.get("labels") or [])),
            json.dumps({**sentiment, READING_KEY: reading} if reading else sentiment),
            float(sentiment.get("compound", 0.0)), str(crisis.get("level", "none")),
            float(crisis.get("score", 0.0)), json.dumps(list(crisis.get("reasons") or [])),
        )
        self._db.transaction(lambda c: c.execute(
            "INSERT INTO text_analyses(source_type, source_id, model_id, source_at,"
            " source_updated_at, analyzed_at, emotions, labels, sentiment, compound,"
            " crisis_level, crisis_score, crisis_reasons) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(source_type, source_id, model_id) DO UPDATE SET"
            " source_at=excluded.source_at, source_updated_at=excluded.source_updated_at,"
            " analyzed_at=excluded.analyzed_at, emotions=excluded.emotions,"
            " labels=excluded.labels, sentiment=excluded.sentiment, compound=excluded.compound,"
            " crisis_level=excluded.crisis_level, crisis_score=excluded.crisis_score,"
            " crisis_reasons=excluded.crisis_reasons",
            row,
        ))

    _COLS = ("source_type, source_id, model_id, source_at, analyzed_at, emotions, labels,"
             " sentiment, crisis_level, crisis_score, crisis_reasons")

    @staticmethod
    def _row(r: tuple[Any, ...]) -> StoredAnalysis:
        sentiment = json.loads(r[7]) or {}
        reading = sentiment.pop(READING_KEY, None) or {}
        return StoredAnalysis(
            r[0], r[1], r[2], datetime.fromisoformat(r[3]), datetime.fromisoformat(r[4]),
            None if r[5] is None else json.loads(r[5]), json.loads(r[6]), sentiment,
            r[8], float(r[9]), json.loads(r[10]), reading,
        )

    def get(self, source_type: str, source_id: str,
            model_id: str | None = None) -> StoredAnalysis | None:
        """The result for that model, or the most recently analysed one when ``model_id`` is
        None; None if the source was never analysed."""
        sql = f"SELECT {self._COLS} FROM text_analyses WHERE source_type=? AND source_id=?"
        params: list[Any] = [source_type, source_id]
        if model_id is not None:
            sql += " AND model_id=?"
            params.append(model_id)
        sql += " ORDER BY analyzed_at DESC, seq DESC LIMIT 1"
        row = self._db.run(lambda c: c.execute(sql, params).fetchone())
        return None if row is None else self._row(row)

    def needs_reanalysis(self, model_id: str, limit: int | None = None) -> list[tuple[str, str]]:
        """(source type, id) of journal entries and mood check-ins with a note that have no
        result from ``model_id``, or whose text changed after it; oldest first."""
        sql = (
            "SELECT 'journal', e.id, e.entry_at FROM journal_entries e LEFT JOIN text_analyses a"
            " ON a.source_type='journal' AND a.source_id=e.id AND a.model_id=?"
            " WHERE a.seq IS NULL OR a.source_updated_at <> e.updated_at"
            " UNION ALL"
            " SELECT 'mood', m.id, m.checkin_at FROM mood_checkins m LEFT JOIN text_analyses a"
            " ON a.source_type='mood' AND a.source_id=m.id AND a.model_id=?"
            " WHERE m.note <> '' AND (a.seq IS NULL OR a.source_updated_at <> m.updated_at)"
            " ORDER BY 3"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._db.run(lambda c: c.execute(sql, (model_id, model_id)).fetchall())
        return [(r[0], r[1]) for r in rows]

    def daily_emotions(
        self, start: date, end: date, model_id: str | None = None,
        source_types: tuple[str, ...] = SOURCE_TYPES,
    ) -> list[DailyEmotions]:
        """Per-day mean emotion probabilities for days in [start, end] (inclusive) that have
        analyses with emotions, oldest first. Uses ``model_id``'s results, or, when None, the
        most recent result per source."""
        lo = datetime.combine(start, datetime.min.time())
        hi = datetime.combine(end + timedelta(days=1), datetime.min.time())
        marks = ",".join("?" for _ in source_types)
        sql = (f"SELECT source_type, source_id, model_id, source_at, emotions, compound,"
               f" analyzed_at FROM text_analyses WHERE source_at >= ? AND source_at < ?"
               f" AND emotions IS NOT NULL AND source_type IN ({marks})")
        params: list[Any] = [_iso(lo), _iso(hi), *source_types]
        if model_id is not None:
            sql += " AND model_id=?"
            params.append(model_id)
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        latest: dict[tuple[str, str], tuple[Any, ...]] = {}
        for r in rows:
            key = (r[0], r[1])
            if key not in latest or r[6] > latest[key][6]:
                latest[key] = r
        sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        counts: dict[str, int] = defaultdict(int)
        comp: dict[str, float] = defaultdict(float)
        for r in latest.values():
            day = format_day(r[3])
            counts[day] += 1
            comp[day] += float(r[5])
            for label, p in json.loads(r[4]).items():
                sums[day][label] += float(p)
        return [
            DailyEmotions(date.fromisoformat(d), {k: v / counts[d] for k, v in sums[d].items()},
                          counts[d], comp[d] / counts[d])
            for d in sorted(counts)
        ]

    # ---- label corrections ------------------------------------------------------------
    def set_correction(self, source_type: str, source_id: str, label: str, present: bool,
                       model_id: str | None = None) -> None:
        """Record that ``label`` does (``present``) or does not apply to this source."""
        _check_source(source_type)
        label = label.strip().lower()
        if not label or len(label) > 40:
            raise ValidationError("an emotion label must be 1-40 characters")
        self._db.transaction(lambda c: c.execute(
            "INSERT INTO emotion_corrections(source_type, source_id, label, present, model_id,"
            " created_at) VALUES (?,?,?,?,?,?) ON CONFLICT(source_type, source_id, label)"
            " DO UPDATE SET present=excluded.present, model_id=excluded.model_id,"
            " created_at=excluded.created_at",
            (source_type, source_id, label, int(bool(present)), model_id, _iso(datetime.now())),
        ))

    def corrections(self, source_type: str | None = None,
                    source_id: str | None = None) -> list[dict[str, Any]]:
        """Corrections as dicts (source_type, source_id, label, present, model_id, created_at)."""
        sql = ("SELECT source_type, source_id, label, present, model_id, created_at"
               " FROM emotion_corrections")
        clauses, params = [], []
        if source_type is not None:
            clauses.append("source_type=?")
            params.append(source_type)
        if source_id is not None:
            clauses.append("source_id=?")
            params.append(source_id)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        rows = self._db.run(lambda c: c.execute(sql + " ORDER BY seq", params).fetchall())
        keys = ("source_type", "source_id", "label", "present", "model_id", "created_at")
        return [{**dict(zip(keys, r, strict=True)), "present": bool(r[3])} for r in rows]

    # ---- safety plan -------------------------------------------------------------------
    def safety_plan(self) -> dict[str, list[str]]:
        """All seven steps (empty lists for steps never filled in), in Stanley-Brown order."""
        rows = dict(self._db.run(lambda c: c.execute(
            "SELECT step, items FROM safety_plan").fetchall()))
        return {step: json.loads(rows[step]) if step in rows else []
                for step, _ in SAFETY_PLAN_STEPS}

    def save_safety_plan(self, plan: dict[str, list[str]]) -> dict[str, list[str]]:
        """Replace the steps given in ``plan`` (others are kept). Blank items are dropped.
        Raises ValidationError (nothing saved) for unknown steps or over-long items."""
        known = {s for s, _ in SAFETY_PLAN_STEPS}
        cleaned: dict[str, list[str]] = {}
        for step, items in plan.items():
            if step not in known:
                raise ValidationError(f"unknown safety-plan step {step!r}")
            values = [str(i).strip() for i in items if str(i).strip()]
            if len(values) > MAX_PLAN_ITEMS:
                raise ValidationError(f"at most {MAX_PLAN_ITEMS} items per safety-plan step")
            if any(len(v) > MAX_PLAN_ITEM_CHARS for v in values):
                raise ValidationError(
                    f"safety-plan items are limited to {MAX_PLAN_ITEM_CHARS} characters")
            cleaned[step] = values
        now = _iso(datetime.now())

        def work(conn: Any) -> None:
            for step, values in cleaned.items():
                conn.execute(
                    "INSERT INTO safety_plan(step, items, updated_at) VALUES (?,?,?)"
                    " ON CONFLICT(step) DO UPDATE SET items=excluded.items,"
                    " updated_at=excluded.updated_at", (step, json.dumps(values), now))

        self._db.transaction(work)
        return self.safety_plan()

    # ---- crisis-resource region ----------------------------------------------------------
    def region(self) -> str | None:
        value = self._settings.get(REGION_KEY)
        return str(value) if value else None

    def set_region(self, code: str | None) -> None:
        self._settings.set(REGION_KEY, code.upper() if code else None)
