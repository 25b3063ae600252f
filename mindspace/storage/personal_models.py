"""The user's personal models (small classifiers trained on their own labelled check-ins),
kept inside the vault. One row per model name; the ONNX bytes and their metadata."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from mindspace.storage.database import DbExecutor


def _now() -> str:
    return datetime.now().replace(microsecond=0).isoformat()


class PersonalModelStore:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def save(
        self,
        name: str,
        model: bytes,
        examples: int,
        accuracy: float | None,
        meta: Mapping[str, Any],
    ) -> None:
        self._db.transaction(
            lambda c: c.execute(
                "INSERT INTO personal_models(name, trained_at, examples, accuracy, meta, model)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
                " trained_at=excluded.trained_at, examples=excluded.examples,"
                " accuracy=excluded.accuracy, meta=excluded.meta, model=excluded.model",
                (name, _now(), int(examples), accuracy, json.dumps(dict(meta)), bytes(model)),
            )
        )

    def load(self, name: str) -> tuple[bytes, dict[str, Any]] | None:
        row = self._db.run(
            lambda c: c.execute(
                "SELECT model, meta, trained_at, examples, accuracy FROM personal_models"
                " WHERE name=?",
                (name,),
            ).fetchone()
        )
        if row is None:
            return None
        meta = json.loads(row[1])
        meta.update({"trained_at": row[2], "examples": int(row[3]), "accuracy": row[4]})
        return bytes(row[0]), meta

    def delete(self, name: str) -> None:
        self._db.transaction(
            lambda c: c.execute("DELETE FROM personal_models WHERE name=?", (name,))
        )

