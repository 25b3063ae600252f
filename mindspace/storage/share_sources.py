"""Read queries a sharing export needs beyond the journal and mood repositories: voice
check-ins in a date range, oldest first, with their audio blob id. Runs on the DB executor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mindspace.storage.database import DbExecutor


@dataclass(frozen=True)
class ShareableVoice:
    id: str
    recorded_at: str
    duration_s: float
    transcript: str | None
    risk_level: str | None
    fusion: str | None  # the stored JSON text
    arousal: float | None
    updated_at: str
    audio_blob_id: str | None


class ShareSources:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def voice_available(self) -> bool:
        """True when this vault has the voice check-in schema (migration 0003)."""
        row = self._db.run(
            lambda c: c.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'voice_checkins'"
            ).fetchone()
        )
        return row is not None

    def voice_journal_ids(self) -> set[str]:
        """Ids of the journal entries that hold a voice check-in's transcript."""
        if not self.voice_available():
            return set()
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT journal_entry_id FROM voice_checkins WHERE journal_entry_id IS NOT NULL"
            ).fetchall()
        )
        return {str(r[0]) for r in rows}

    def voice_checkins(self, start: datetime | None, end: datetime | None) -> list[ShareableVoice]:
        """Voice check-ins recorded in [start, end), oldest first."""
        clauses, params = [], []
        if start:
            clauses.append("recorded_at >= ?")
            params.append(start.replace(microsecond=0).isoformat())
        if end:
            clauses.append("recorded_at < ?")
            params.append(end.replace(microsecond=0).isoformat())
        sql = (
            "SELECT id, recorded_at, duration_s, transcript, risk_level, fusion, arousal,"
            " updated_at, audio_blob_id FROM voice_checkins"
            + (" WHERE " + " AND ".join(clauses) if clauses else "")
            + " ORDER BY recorded_at, id"
        )
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        return [
            ShareableVoice(
                vid, recorded, float(duration), transcript, risk, fusion, arousal, updated, blob
            )
            for vid, recorded, duration, transcript, risk, fusion, arousal, updated, blob in rows
        ]
