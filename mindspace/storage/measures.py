"""Completed questionnaires in the vault (table `measures`). Runs on the DB executor.

The repository stores what it is given after checking its shape; scoring is done by the caller
with `mindspace.core.questionnaires` so that the stored score is the one the person saw.
"""

from __future__ import annotations

import builtins
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mindspace.core.errors import ValidationError
from mindspace.storage.database import DbExecutor
from mindspace.storage.errors import NotFoundError

INSTRUMENTS = ("phq9", "gad7", "who5")
_COLUMNS = ("id, instrument, taken_at, answers, functional, score, raw, band, item9,"
            " safety_followup, data_version, created_at")


@dataclass(frozen=True)
class MeasureRecord:
    id: str
    instrument: str
    taken_at: datetime
    answers: tuple[int | None, ...]
    functional: int | None
    score: int | None
    raw: int | None
    band: str | None
    item9: int | None
    safety_followup: bool
    data_version: str
    created_at: datetime


def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def _record(row: tuple[Any, ...]) -> MeasureRecord:
    return MeasureRecord(
        id=row[0], instrument=row[1], taken_at=datetime.fromisoformat(row[2]),
        answers=tuple(json.loads(row[3])), functional=row[4], score=row[5], raw=row[6],
        band=row[7], item9=row[8], safety_followup=bool(row[9]), data_version=row[10],
        created_at=datetime.fromisoformat(row[11]),
    )


class MeasureRepository:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def add(self, instrument: str, answers: tuple[int | None, ...], *, score: int | None,
            raw: int | None, band: str | None, item9: int | None, safety_followup: bool,
            data_version: str, functional: int | None = None,
            taken_at: datetime | None = None) -> MeasureRecord:
        if instrument not in INSTRUMENTS:
            raise ValidationError(f"unknown questionnaire {instrument!r}")
        if any(a is not None and (isinstance(a, bool) or not isinstance(a, int))
               for a in answers):
            raise ValidationError("answers must be whole numbers")
        record_id = uuid.uuid4().hex
        now = _iso(datetime.now())
        params = (record_id, instrument, _iso(taken_at or datetime.now()), json.dumps(answers),
                  functional, score, raw, band, item9, int(safety_followup), data_version, now)
        self._db.transaction(
            lambda c: c.execute(
                f"INSERT INTO measures({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                params,
            )
        )
        return self.get(record_id)

    def get(self, record_id: str) -> MeasureRecord:
        row = self._db.run(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM measures WHERE id=?", (record_id,)
            ).fetchone()
        )
        if row is None:
            raise NotFoundError(f"no questionnaire with id {record_id}")
        return _record(row)

    def delete(self, record_id: str) -> None:
        gone = self._db.transaction(
            lambda c: c.execute("DELETE FROM measures WHERE id=?", (record_id,)).rowcount
        )
        if not gone:
            raise NotFoundError(f"no questionnaire with id {record_id}")

    def list(self, instrument: str | None = None, start: datetime | None = None,
             end: datetime | None = None, limit: int | None = None,
             oldest_first: bool = False) -> builtins.list[MeasureRecord]:
        """Completed questionnaires within [start, end), newest first unless `oldest_first`."""
        clauses: builtins.list[str] = []
        params: builtins.list[Any] = []
        if instrument:
            clauses.append("instrument = ?")
            params.append(instrument)
        if start:
            clauses.append("taken_at >= ?")
            params.append(_iso(start))
        if end:
            clauses.append("taken_at < ?")
            params.append(_iso(end))
        sql = f"SELECT {_COLUMNS} FROM measures"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        order = "ASC" if oldest_first else "DESC"
        sql += f" ORDER BY taken_at {order}, seq {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        return [_record(r) for r in rows]

    def latest(self, instrument: str, before: datetime | None = None,
               scored_only: bool = True) -> MeasureRecord | None:
        """The newest completed form of `instrument` (taken before `before`, if given)."""
        sql = f"SELECT {_COLUMNS} FROM measures WHERE instrument = ?"
        params: builtins.list[Any] = [instrument]
        if scored_only:
            sql += " AND score IS NOT NULL"
        if before is not None:
            sql += " AND taken_at < ?"
            params.append(_iso(before))
        sql += " ORDER BY taken_at DESC, seq DESC LIMIT 1"
        row = self._db.run(lambda c: c.execute(sql, params).fetchone())
        return None if row is None else _record(row)

    def last_taken(self) -> dict[str, datetime]:
        """instrument -> when it was last filled in (for the schedule)."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT instrument, max(taken_at) FROM measures GROUP BY instrument"
            ).fetchall()
        )
        return {r[0]: datetime.fromisoformat(r[1]) for r in rows}
