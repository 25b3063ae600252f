"""Where shareable voice check-ins and analysis results come from.

Journal and mood live in the foundation repositories. Voice check-ins (schema 0003, audio in the
encrypted blob store) and text-analysis results (`mindspace.storage.analysis`, schema 0002) are
separate features; this module is the one hook between them and sharing. When a feature is not
present the functions raise `SelectionError` with a clear message.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mindspace.app import AppServices

VoiceRecord = tuple[dict[str, Any], tuple[bytes, str] | None]


def _module(name: str) -> Any | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None


def voice_available(services: AppServices) -> bool:
    """True when this vault has the voice check-in schema (migration 0003)."""
    row = services.vault.db.run(
        lambda c: c.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'voice_checkins'"
        ).fetchone()
    )
    return row is not None


def analysis_available() -> bool:
    return _module("mindspace.storage.analysis") is not None


def _voice_summary(duration: float, risk: str | None, fusion: str | None) -> str:
    parts = [f"{duration:.0f} s voice check-in"]
    try:
        explanation = json.loads(fusion or "{}").get("explanation")
    except (ValueError, AttributeError):
        explanation = None
    if risk:
        parts.append(f"voice and words indication: {risk} (automatic estimate)")
    if isinstance(explanation, str) and explanation:
        parts.append(explanation)
    return "; ".join(parts)


def voice_records(
    services: AppServices,
    start: datetime | None,
    end: datetime | None,
    transcripts: bool,
    audio: bool,
) -> Iterator[VoiceRecord]:
    """(summary JSON, optional (audio bytes, media type)) per voice check-in in [start, end).

    Reads the voice check-in table of schema 0003 and the encrypted audio through
    `mindspace.storage.blobs.BlobStore`; transcripts and audio only when asked for.
    """
    from mindspace.share.export import SelectionError

    if not voice_available(services):
        raise SelectionError("voice check-ins are not available in this version of MindSpace")
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
    rows = services.vault.db.run(lambda c: c.execute(sql, params).fetchall())
    for vid, recorded, duration, transcript, risk, fusion, arousal, updated, blob_id in rows:
        summary: dict[str, Any] = {
            "id": vid,
            "recorded_at": recorded,
            "duration_s": float(duration),
            "risk_level": risk,
            "arousal": arousal,
            "summary": _voice_summary(float(duration), risk, fusion),
            "revision": updated,
        }
        if transcripts:
            summary["transcript"] = transcript
        clip: tuple[bytes, str] | None = None
        if audio and blob_id:
            from mindspace.storage.blobs import BlobStore

            store = BlobStore(services.vault)
            kind = str(store.info(blob_id)["kind"])
            clip = (store.get(blob_id), kind if kind.startswith("audio/") else "audio/wav")
        yield summary, clip


def analysis_records(services: AppServices, sources: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """The latest stored text analysis of each shared (source type, id), as JSON records.

    Only what the person already sees in the app travels: emotion labels, the strongest
    emotions and the sentiment score, marked as automatic estimates.
    """
    from mindspace.share.export import SelectionError

    module = _module("mindspace.storage.analysis")
    if module is None:
        raise SelectionError("text analysis results are not available in this version of MindSpace")
    store = module.AnalysisStore(services.vault.db)
    out: list[dict[str, Any]] = []
    for source_type, source_id in sources:
        found = store.get(source_type, source_id)
        if found is None:
            continue
        top = sorted((found.emotions or {}).items(), key=lambda kv: -kv[1])[:3]
        compound = float(found.sentiment.get("compound", 0.0))
        summary = (
            f"{'Journal entry' if source_type == 'journal' else 'Check-in note'}"
            f" {found.source_at:%Y-%m-%d}: "
            + (", ".join(found.labels) or "no clear emotion")
            + f"; sentiment {compound:+.2f} (automatic estimate)"
        )
        out.append(
            {
                "id": f"{source_type}:{source_id}",
                "source_type": source_type,
                "source_id": source_id,
                "date": found.source_at.isoformat(),
                "revision": found.analyzed_at.isoformat(),
                "model_id": found.model_id,
                "labels": list(found.labels),
                "top_emotions": [[k, round(float(v), 3)] for k, v in top],
                "sentiment": round(compound, 3),
                "summary": summary,
            }
        )
    return out
