"""Mood check-ins and the editable emotion/activity vocabularies. Runs on the DB executor."""

from __future__ import annotations

import builtins
import json
import uuid
from datetime import datetime, timedelta
from typing import Any

from mindspace.core.entities import MoodCheckin
from mindspace.core.errors import ValidationError
from mindspace.core.validation import (
    check_note,
    check_scale,
    check_sleep,
    check_words,
)
from mindspace.storage.database import DbExecutor
from mindspace.storage.errors import NotFoundError

_COLUMNS = (
    "id, checkin_at, mood, energy, emotions, activities, sleep_hours, note, created_at, updated_at"
)


def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


class MoodRepository:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    @staticmethod
    def _checkin(row: tuple[Any, ...]) -> MoodCheckin:
        return MoodCheckin(
            id=row[0],
            checkin_at=datetime.fromisoformat(row[1]),
            mood=int(row[2]),
            energy=None if row[3] is None else int(row[3]),
            emotions=json.loads(row[4]),
            activities=json.loads(row[5]),
            sleep_hours=row[6],
            note=row[7],
            created_at=datetime.fromisoformat(row[8]),
            updated_at=datetime.fromisoformat(row[9]),
        )

    def add(
        self,
        mood: int,
        energy: int | None = None,
        emotions: list[str] | None = None,
        activities: list[str] | None = None,
        sleep_hours: float | None = None,
        note: str = "",
        checkin_at: datetime | None = None,
    ) -> MoodCheckin:
        values = (
            check_scale(mood, "mood"),
            check_scale(energy, "energy", optional=True),
            json.dumps(check_words(emotions or [], "the emotion")),
            json.dumps(check_words(activities or [], "the activity")),
            check_sleep(sleep_hours),
            check_note(note),
        )
        checkin_id = uuid.uuid4().hex
        now = _iso(datetime.now())
        when = _iso(checkin_at or datetime.now())
        self._db.transaction(
            lambda c: c.execute(
                f"INSERT INTO mood_checkins({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (checkin_id, when, *values, now, now),
            )
        )
        return self.get(checkin_id)

    def update(self, checkin_id: str, **changes: Any) -> MoodCheckin:
        current = self.get(checkin_id)
        allowed = {"mood", "energy", "emotions", "activities", "sleep_hours", "note", "checkin_at"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"cannot change {', '.join(sorted(unknown))}")
        merged = {**current.__dict__, **changes}
        params = (
            _iso(merged["checkin_at"]),
            check_scale(merged["mood"], "mood"),
            check_scale(merged["energy"], "energy", optional=True),
            json.dumps(check_words(merged["emotions"], "the emotion")),
            json.dumps(check_words(merged["activities"], "the activity")),
            check_sleep(merged["sleep_hours"]),
            check_note(merged["note"]),
            _iso(datetime.now()),
            checkin_id,
        )
        self._db.transaction(
            lambda c: c.execute(
                "UPDATE mood_checkins SET checkin_at=?, mood=?, energy=?, emotions=?,"
                " activities=?, sleep_hours=?, note=?, updated_at=? WHERE id=?",
                params,
            )
        )
        return self.get(checkin_id)

    def delete(self, checkin_id: str) -> None:
        deleted = self._db.transaction(
            lambda c: c.execute("DELETE FROM mood_checkins WHERE id=?", (checkin_id,)).rowcount
        )
        if not deleted:
            raise NotFoundError(f"no mood check-in with id {checkin_id}")

    def get(self, checkin_id: str) -> MoodCheckin:
        row = self._db.run(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM mood_checkins WHERE id=?", (checkin_id,)
            ).fetchone()
        )
        if row is None:
            raise NotFoundError(f"no mood check-in with id {checkin_id}")
        return self._checkin(row)

    def list(
        self, start: datetime | None = None, end: datetime | None = None, limit: int | None = None
    ) -> builtins.list[MoodCheckin]:
        """Check-ins newest first within [start, end)."""
        clauses, params = [], []
        if start:
            clauses.append("checkin_at >= ?")
            params.append(_iso(start))
        if end:
            clauses.append("checkin_at < ?")
            params.append(_iso(end))
        sql = f"SELECT {_COLUMNS} FROM mood_checkins"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY checkin_at DESC, seq DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        return [self._checkin(r) for r in rows]

    def daily_average(
        self, days: int = 30, today: datetime | None = None
    ) -> builtins.list[tuple[str, float | None]]:
        """(YYYY-MM-DD, mean mood or None) for each of the last `days` days, oldest first."""
        end = (today or datetime.now()).replace(hour=0, minute=0, second=0, microsecond=0)
        end += timedelta(days=1)
        start = end - timedelta(days=days)
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT substr(checkin_at, 1, 10), avg(mood) FROM mood_checkins"
                " WHERE checkin_at >= ? AND checkin_at < ? GROUP BY 1",
                (_iso(start), _iso(end)),
            ).fetchall()
        )
        by_day = {r[0]: float(r[1]) for r in rows}
        out = []
        for i in range(days):
            day = (start + timedelta(days=i)).date().isoformat()
            out.append((day, by_day.get(day)))
        return out

    # ---- vocabularies -------------------------------------------------------------------------
    def vocabulary(self, kind: str) -> builtins.list[str]:
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT name FROM vocabulary WHERE kind=? ORDER BY position, name", (kind,)
            ).fetchall()
        )
        return [r[0] for r in rows]

    def set_vocabulary(self, kind: str, names: builtins.list[str]) -> builtins.list[str]:
        if kind not in ("emotion", "activity"):
            raise ValidationError(f"unknown vocabulary {kind!r}")
        cleaned = check_words(names, f"the {kind}")

        def work(conn: Any) -> None:
            conn.execute("DELETE FROM vocabulary WHERE kind=?", (kind,))
            conn.executemany(
                "INSERT INTO vocabulary(kind, name, position) VALUES (?, ?, ?)",
                [(kind, name, i) for i, name in enumerate(cleaned, 1)],
            )

        self._db.transaction(work)
        return cleaned
