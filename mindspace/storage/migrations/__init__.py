"""Numbered schema migrations: `NNNN_name.sql` files applied in order, each in one transaction.

`PRAGMA user_version` records the schema version. A vault newer than this app is refused.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

from mindspace.storage.errors import VaultError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every shipped migration, sorted by version."""
    found = []
    for item in resources.files(__package__).iterdir():
        match = _NAME.match(item.name)
        if match:
            found.append((int(match.group(1)), item.name, item.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations are not numbered 1..N without gaps: {versions}")
    return found


def latest_version() -> int:
    return len(available())


def migrate(conn: Any, target: int | None = None) -> int:
    """Bring the schema up to `target` (default: latest). Returns the resulting version."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    steps = available()
    target = len(steps) if target is None else target
    if current > len(steps):
        raise VaultError(
            f"this vault was written by a newer MindSpace (schema {current}); please update the app"
        )
    for version, _name, sql in steps:
        if current < version <= target:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            current = version
    return int(current)


def _split(sql: str) -> list[str]:
    """Split a migration into complete statements (trigger bodies stay whole)."""
    import sqlite3

    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()
    ):
        raise RuntimeError("a migration ends with an incomplete statement")
    return statements
