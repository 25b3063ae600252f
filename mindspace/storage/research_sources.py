"""What a research export may read: derived, non-text columns only.

Every query names its columns; none selects journal text, titles, tags, notes, transcripts,
segments, audio or chat. Transcripts' journal entries count as voice check-ins, never as journal
entries, and their journal-side analyses are left out (the transcript's own analysis counts).
Each call blocks on the DB executor.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from mindspace.core.research import MoodRecord, TextRecord, VoiceRecord
from mindspace.storage.database import DbExecutor

_VOICE_ENTRIES = "SELECT journal_entry_id FROM voice_checkins WHERE journal_entry_id IS NOT NULL"


def _when(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _words(value: Any) -> tuple[str, ...]:
    try:
        parsed = json.loads(value or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in parsed) if isinstance(parsed, list) else ()


class ResearchSources:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def _rows(self, sql: str, since: datetime) -> list[tuple[Any, ...]]:
        stamp = since.replace(microsecond=0).isoformat()
        return self._db.run(lambda c: c.execute(sql, (stamp,)).fetchall())

    def mood(self, since: datetime) -> list[MoodRecord]:
        rows = self._rows(
            "SELECT checkin_at, mood, energy, sleep_hours, emotions FROM mood_checkins"
            " WHERE checkin_at >= ?", since,
        )
        out = []
        for at, mood, energy, sleep, emotions in rows:
            when = _when(at)
            if when is not None:
                out.append(MoodRecord(when, int(mood), None if energy is None else int(energy),
                                      None if sleep is None else float(sleep), _words(emotions)))
        return out

    def texts(self, since: datetime) -> list[TextRecord]:
        """The newest analysis of each source (labels and sentiment only)."""
        rows = self._rows(
            "SELECT source_at, labels, compound FROM text_analyses WHERE seq IN"
            " (SELECT max(seq) FROM text_analyses GROUP BY source_type, source_id)"
            f" AND NOT (source_type = 'journal' AND source_id IN ({_VOICE_ENTRIES}))"
            " AND source_at >= ?", since,
        )
        out = []
        for at, labels, compound in rows:
            when = _when(at)
            if when is not None:
                out.append(TextRecord(when, _words(labels), float(compound or 0.0)))
        return out

    def voice(self, since: datetime) -> list[VoiceRecord]:
        rows = self._rows(
            "SELECT recorded_at, arousal FROM voice_checkins WHERE recorded_at >= ?", since
        )
        out = []
        for at, arousal in rows:
            when = _when(at)
            if when is not None:
                out.append(VoiceRecord(when, None if arousal is None else float(arousal)))
        return out

    def journal_times(self, since: datetime) -> list[datetime]:
        rows = self._rows(
            f"SELECT entry_at FROM journal_entries WHERE id NOT IN ({_VOICE_ENTRIES})"
            " AND entry_at >= ?", since,
        )
        return [w for (at,) in rows if (w := _when(at)) is not None]
