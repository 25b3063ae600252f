"""Reads for exporting the user's own data that no repository offers (every stored analysis).
Runs on the vault's DB executor."""

from __future__ import annotations

import json
from typing import Any

from mindspace.storage.database import DbExecutor


def all_analyses(db: DbExecutor) -> list[dict[str, Any]]:
    """Every stored text analysis, oldest first, as plain values (JSON columns decoded)."""
    rows = db.run(lambda c: c.execute(
        "SELECT source_type, source_id, model_id, source_at, analyzed_at, emotions, labels,"
        " sentiment, crisis_level, crisis_score, crisis_reasons FROM text_analyses"
        " ORDER BY source_at, seq").fetchall())
    return [
        {
            "source_type": r[0], "source_id": r[1], "model_id": r[2], "source_at": r[3],
            "analyzed_at": r[4], "emotions": None if r[5] is None else json.loads(r[5]),
            "labels": json.loads(r[6]), "sentiment": json.loads(r[7]), "crisis_level": r[8],
            "crisis_score": float(r[9]), "crisis_reasons": json.loads(r[10]),
        }
        for r in rows
    ]
