"""Settings kept inside the encrypted vault (JSON values by key). Runs on the DB executor."""

from __future__ import annotations

import json
from typing import Any

from mindspace.storage.database import DbExecutor


class VaultSettings:
    def __init__(self, db: DbExecutor) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        row = self._db.run(
            lambda c: c.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        )
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        data = json.dumps(value)
        self._db.transaction(
            lambda c: c.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, data),
            )
        )
