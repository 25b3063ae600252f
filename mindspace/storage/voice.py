"""Voice check-in repository: check-ins, their audio blobs, linked journal entries, feedback.

Contract
--------
* Every check-in keeps its (editable) transcript, timestamped segments, prosody, arousal, the
  analyze-text object and the fusion result as JSON in ``voice_checkins``. All SQL runs on the
  vault's DB executor; call from worker threads in the GUI.
* Searchable transcripts: saving a check-in also creates a journal entry tagged ``"voice"``
  (title "Voice check-in", body = transcript, same date) through :class:`JournalRepository`, and
  stores its id in ``journal_entry_id``. Editing the transcript updates that entry; deleting the
  check-in deletes it. If the user deletes the journal entry, the check-in stays (link set NULL).
* Audio is optional: int16 mono PCM is stored as an encrypted blob (``BlobStore``); the user can
  discard it later (:meth:`discard_audio`), which crypto-shreds it. :meth:`load_audio` decrypts
  into memory.
* Recommendation feedback ("did this help?") is one row per (check-in, recommendation);
  :meth:`helpfulness` aggregates it for personalisation.
* Errors: ``NotFoundError`` for unknown ids, ``ValidationError`` for bad values (one line).
"""

from __future__ import annotations

import builtins
import contextlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np

from mindspace.storage.blobs import BlobStore
from mindspace.storage.database import DbExecutor
from mindspace.storage.errors import NotFoundError, ValidationError
from mindspace.storage.journal import JournalRepository

VOICE_TAG = "voice"
JOURNAL_TITLE = "Voice check-in"
AUDIO_KIND = "audio/pcm-s16le"


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


@dataclass
class VoiceCheckin:
    id: str
    recorded_at: datetime
    duration_s: float
    source: str = "recording"
    transcript: str = ""
    transcript_edited: bool = False
    segments: list[dict[str, Any]] = field(default_factory=list)
    model: str = ""
    prosody: dict[str, Any] = field(default_factory=dict)
    arousal: float | None = None
    text_analysis: dict[str, Any] | None = None
    fusion: dict[str, Any] = field(default_factory=dict)
    risk_level: str | None = None
    audio_blob_id: str | None = None
    sample_rate: int | None = None
    journal_entry_id: str | None = None
    self_mood: int | None = None
    feedback: dict[str, bool] = field(default_factory=dict)

    @property
    def has_audio(self) -> bool:
        return self.audio_blob_id is not None

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["recorded_at"] = self.recorded_at.isoformat()
        return data


_COLUMNS = (
    "id, recorded_at, duration_s, source, transcript, transcript_edited, segments, model,"
    " prosody, arousal, text_analysis, fusion, risk_level, audio_blob_id, sample_rate,"
    " journal_entry_id, self_mood"
)


def _journal_body(transcript: str) -> str:
    return transcript.strip() or "(nothing was transcribed)"


class VoiceRepository:
    def __init__(self, db: DbExecutor, journal: JournalRepository, blobs: BlobStore) -> None:
        self._db = db
        self._journal = journal
        self._blobs = blobs

    # ---- writes ---------------------------------------------------------------------------
    def add(
        self,
        *,
        duration_s: float,
        transcript: str = "",
        segments: Sequence[Mapping[str, Any]] = (),
        model: str = "",
        prosody: Mapping[str, Any] | None = None,
        arousal: float | None = None,
        text_analysis: Mapping[str, Any] | None = None,
        fusion: Mapping[str, Any] | None = None,
        audio: np.ndarray | None = None,
        sample_rate: int | None = None,
        recorded_at: datetime | None = None,
        source: str = "recording",
        self_mood: int | None = None,
        transcript_edited: bool = False,
    ) -> VoiceCheckin:
        """Store a check-in (audio optional: int16 or float32 mono PCM) and its journal entry."""
        if source not in ("recording", "import"):
            raise ValidationError(f"unknown check-in source {source!r}")
        if duration_s < 0 or not np.isfinite(duration_s):
            raise ValidationError("the duration must be a non-negative number of seconds")
        self._check_mood(self_mood)
        risk = (fusion or {}).get("level")
        if risk is not None and risk not in ("low", "moderate", "high"):
            raise ValidationError(f"unknown risk level {risk!r}")
        when = (recorded_at or datetime.now()).replace(microsecond=0)
        checkin_id = uuid.uuid4().hex
        blob_id = None
        if audio is not None:
            if not sample_rate:
                raise ValidationError("audio needs a sample rate")
            blob_id = self._blobs.put(_pcm_bytes(audio), f"{AUDIO_KIND};rate={int(sample_rate)}")
        entry = None
        try:
            entry = self._journal.add(
                JOURNAL_TITLE, _journal_body(transcript), entry_at=when, tags=[VOICE_TAG]
            )
            now = _now()
            params = (
                checkin_id, when.isoformat(), float(duration_s), source, transcript,
                int(transcript_edited), json.dumps(list(segments)), model,
                json.dumps(dict(prosody or {})), arousal,
                None if text_analysis is None else json.dumps(dict(text_analysis)),
                json.dumps(dict(fusion or {})), risk, blob_id,
                int(sample_rate) if blob_id and sample_rate else None,
                entry.id, self_mood, now, now,
            )
            self._db.transaction(
                lambda c: c.execute(
                    f"INSERT INTO voice_checkins({_COLUMNS}, created_at, updated_at)"
                    " VALUES (" + ", ".join("?" * len(params)) + ")",
                    params,
                )
            )
        except BaseException:
            if blob_id:
                self._blobs.delete(blob_id)
            if entry is not None:
                self._journal.delete(entry.id)
            raise
        return self.get(checkin_id)

    def update_transcript(
        self,
        checkin_id: str,
        transcript: str,
        *,
        text_analysis: Mapping[str, Any] | None = None,
        fusion: Mapping[str, Any] | None = None,
        prosody: Mapping[str, Any] | None = None,
        arousal: float | None = None,
    ) -> VoiceCheckin:
        """Replace the transcript (marked as edited) and, when given, the re-run analysis."""
        current = self.get(checkin_id)
        sets = ["transcript=?", "transcript_edited=1", "updated_at=?"]
        params: list[Any] = [transcript, _now()]
        if text_analysis is not None:
            sets.append("text_analysis=?")
            params.append(json.dumps(dict(text_analysis)))
        if fusion is not None:
            sets += ["fusion=?", "risk_level=?"]
            params += [json.dumps(dict(fusion)), fusion.get("level")]
        if prosody is not None:
            sets += ["prosody=?", "arousal=?"]
            params += [json.dumps(dict(prosody)), arousal]
        params.append(checkin_id)
        self._db.transaction(
            lambda c: c.execute(f"UPDATE voice_checkins SET {', '.join(sets)} WHERE id=?", params)
        )
        self._sync_journal(current, transcript)
        return self.get(checkin_id)

    def _sync_journal(self, current: VoiceCheckin, transcript: str) -> None:
        if current.journal_entry_id:
            try:
                self._journal.update(current.journal_entry_id, body=_journal_body(transcript))
                return
            except NotFoundError:
                pass
        entry = self._journal.add(
            JOURNAL_TITLE, _journal_body(transcript), entry_at=current.recorded_at,
            tags=[VOICE_TAG],
        )
        self._db.transaction(
            lambda c: c.execute(
                "UPDATE voice_checkins SET journal_entry_id=? WHERE id=?", (entry.id, current.id)
            )
        )

    @staticmethod
    def _check_mood(mood: int | None) -> None:
        if mood is not None and (isinstance(mood, bool) or mood not in (1, 2, 3, 4, 5)):
            raise ValidationError(f"mood must be a whole number from 1 to 5 (got {mood})")

    def set_self_mood(self, checkin_id: str, mood: int | None) -> VoiceCheckin:
        """The mood the user reported after the check-in (1-5), the personal model's label."""
        self._check_mood(mood)
        self._update(checkin_id, "self_mood=?", (mood,))
        return self.get(checkin_id)

    def _update(self, checkin_id: str, sets: str, params: tuple[Any, ...]) -> None:
        def work(conn: Any) -> int:
            cur = conn.execute(
                f"UPDATE voice_checkins SET {sets}, updated_at=? WHERE id=?",
                (*params, _now(), checkin_id),
            )
            return int(cur.rowcount)

        if self._db.transaction(work) == 0:
            raise NotFoundError(f"no voice check-in with id {checkin_id}")

    def attach_audio(self, checkin_id: str, audio: np.ndarray, sample_rate: int) -> VoiceCheckin:
        """Store (or replace) the check-in's audio as an encrypted blob."""
        current = self.get(checkin_id)
        blob_id = self._blobs.put(_pcm_bytes(audio), f"{AUDIO_KIND};rate={int(sample_rate)}")
        try:
            self._update(checkin_id, "audio_blob_id=?, sample_rate=?", (blob_id, int(sample_rate)))
        except BaseException:
            self._blobs.delete(blob_id)
            raise
        if current.audio_blob_id:
            self._blobs.delete(current.audio_blob_id)
        return self.get(checkin_id)

    def discard_audio(self, checkin_id: str) -> VoiceCheckin:
        """Delete the audio (key and file); transcript and analysis stay."""
        current = self.get(checkin_id)
        if current.audio_blob_id:
            self._update(checkin_id, "audio_blob_id=NULL, sample_rate=NULL", ())
            self._blobs.delete(current.audio_blob_id)
        return self.get(checkin_id)

    def delete(self, checkin_id: str) -> None:
        """Delete the check-in, its audio, its journal entry and its feedback."""
        current = self.get(checkin_id)
        self._db.transaction(
            lambda c: c.execute("DELETE FROM voice_checkins WHERE id=?", (checkin_id,))
        )
        if current.audio_blob_id:
            self._blobs.delete(current.audio_blob_id)
        if current.journal_entry_id:
            with contextlib.suppress(NotFoundError):
                self._journal.delete(current.journal_entry_id)

    def record_feedback(self, checkin_id: str, recommendation: str, helped: bool) -> None:
        """Store whether a recommendation helped (re-rating replaces the earlier answer)."""
        if not recommendation or len(recommendation) > 64:
            raise ValidationError("unknown recommendation")
        self.get(checkin_id)
        self._db.transaction(
            lambda c: c.execute(
                "INSERT INTO recommendation_feedback(checkin_id, recommendation, helped, rated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT(checkin_id, recommendation) DO UPDATE SET"
                " helped=excluded.helped, rated_at=excluded.rated_at",
                (checkin_id, recommendation, int(bool(helped)), _now()),
            )
        )

    # ---- reads ----------------------------------------------------------------------------
    def get(self, checkin_id: str) -> VoiceCheckin:
        row = self._db.run(
            lambda c: c.execute(
                f"SELECT {_COLUMNS} FROM voice_checkins WHERE id=?", (checkin_id,)
            ).fetchone()
        )
        if row is None:
            raise NotFoundError(f"no voice check-in with id {checkin_id}")
        checkin = self._checkin(row)
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT recommendation, helped FROM recommendation_feedback WHERE checkin_id=?",
                (checkin_id,),
            ).fetchall()
        )
        checkin.feedback = {r[0]: bool(r[1]) for r in rows}
        return checkin

    @staticmethod
    def _checkin(row: Sequence[Any]) -> VoiceCheckin:
        return VoiceCheckin(
            id=row[0],
            recorded_at=datetime.fromisoformat(row[1]),
            duration_s=float(row[2]),
            source=row[3],
            transcript=row[4],
            transcript_edited=bool(row[5]),
            segments=json.loads(row[6]),
            model=row[7],
            prosody=json.loads(row[8]),
            arousal=None if row[9] is None else float(row[9]),
            text_analysis=None if row[10] is None else json.loads(row[10]),
            fusion=json.loads(row[11]),
            risk_level=row[12],
            audio_blob_id=row[13],
            sample_rate=row[14],
            journal_entry_id=row[15],
            self_mood=row[16],
        )

    def list(
        self, limit: int | None = None, before: datetime | None = None
    ) -> builtins.list[VoiceCheckin]:
        """Check-ins newest first (optionally only those recorded before ``before``)."""
        sql = f"SELECT {_COLUMNS} FROM voice_checkins"
        params: list[Any] = []
        if before is not None:
            sql += " WHERE recorded_at < ?"
            params.append(before.replace(microsecond=0).isoformat())
        sql += " ORDER BY recorded_at DESC, seq DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self._db.run(lambda c: c.execute(sql, params).fetchall())
        return [self._checkin(r) for r in rows]

    def count(self) -> int:
        return int(
            self._db.run(lambda c: c.execute("SELECT count(*) FROM voice_checkins").fetchone()[0])
        )

    def prosody_history(
        self, limit: int = 20, before: datetime | None = None, exclude: str | None = None
    ) -> builtins.list[dict[str, Any]]:
        """Earlier check-ins' prosody dicts with speech in them, oldest first (for baselines)."""
        rows = [c for c in self.list(before=before) if c.id != exclude]
        found = [c.prosody for c in rows if c.prosody.get("speech_s")][:limit]
        return list(reversed(found))

    def load_audio(self, checkin_id: str) -> tuple[np.ndarray, int]:
        """(int16 mono PCM, sample rate) decrypted into memory; NotFoundError without audio."""
        current = self.get(checkin_id)
        if not current.audio_blob_id or not current.sample_rate:
            raise NotFoundError("this check-in has no audio (it was not kept)")
        data = self._blobs.get(current.audio_blob_id)
        return np.frombuffer(data, dtype="<i2").copy(), int(current.sample_rate)

    def helpfulness(self) -> dict[str, tuple[int, int]]:
        """recommendation id -> (times it helped, times it was rated)."""
        rows = self._db.run(
            lambda c: c.execute(
                "SELECT recommendation, sum(helped), count(*) FROM recommendation_feedback"
                " GROUP BY recommendation"
            ).fetchall()
        )
        return {r[0]: (int(r[1]), int(r[2])) for r in rows}

    def labelled(self) -> builtins.list[VoiceCheckin]:
        """Check-ins with a self-reported mood, oldest first (personal model training data)."""
        return [c for c in reversed(self.list()) if c.self_mood is not None]


def _pcm_bytes(audio: np.ndarray) -> bytes:
    array = np.asarray(audio).reshape(-1)
    if array.dtype != np.int16:
        array = np.clip(np.round(array.astype(np.float32) * 32767.0), -32768, 32767).astype(
            np.int16
        )
    return array.astype("<i2").tobytes()
