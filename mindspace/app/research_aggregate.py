"""The study's side: verify, decrypt and load many research exports into one DuckDB database.

`aggregate(study, folder, out)` reads every file in `folder`, opens each with the study's own
identity (`share.research.open_research`: decryption, signature, item hashes, documented
columns) and appends its tables to `out` with two more columns, `participant` (the signer's
pseudonym) and `export_id`. A file that fails any check is refused and named in the result with
its reason; nothing of it is loaded. An export already in the database is skipped. Tables are
inserted in batches, one INSERT per table whose columns arrive as typed list parameters
(`unnest`). Blocking; any thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mindspace.app.sharing import read_limited
from mindspace.core.errors import UserError
from mindspace.share.identity import Identity
from mindspace.share.research import SCHEMAS, TABLES, OpenedExport, open_research

BATCH = 1000
EXPORTS: tuple[tuple[str, str], ...] = (
    ("export_id", "VARCHAR"), ("participant", "VARCHAR"), ("created_at", "VARCHAR"),
    ("epsilon", "DOUBLE"), ("first_week", "VARCHAR"), ("last_week", "VARCHAR"),
)
KEYS: tuple[tuple[str, str], ...] = (("participant", "VARCHAR"), ("export_id", "VARCHAR"))


@dataclass
class AggregateResult:
    loaded: int = 0
    skipped: int = 0  # already in the database
    refused: list[dict[str, str]] = field(default_factory=list)
    participants: int = 0
    rows: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"loaded": self.loaded, "skipped": self.skipped, "refused": self.refused,
                "participants": self.participants, "rows": self.rows}


def _create(con: Any) -> None:
    con.execute(
        "CREATE TABLE IF NOT EXISTS exports (export_id VARCHAR PRIMARY KEY, participant VARCHAR,"
        " created_at VARCHAR, epsilon DOUBLE, first_week VARCHAR, last_week VARCHAR)"
    )
    for name, schema in SCHEMAS.items():
        cols = ", ".join(f"{column} {kind}" for column, kind in schema)
        con.execute(
            f"CREATE TABLE IF NOT EXISTS {name} (participant VARCHAR, export_id VARCHAR, {cols})"
        )


def _files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            yield path


def aggregate(
    study: Identity, folder: Path, out: Path,
    progress: Callable[[int, int], None] | None = None,
) -> AggregateResult:
    import duckdb

    folder = Path(folder)
    scratch = Path(out).absolute().parent
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder of research exports")
    files = list(_files(folder))
    result = AggregateResult()
    con = duckdb.connect(str(out))
    try:
        _create(con)
        seen = {r[0] for r in con.execute("SELECT export_id FROM exports").fetchall()}
        batch: list[OpenedExport] = []
        for done, path in enumerate(files, 1):
            try:
                # Parquet is read through a moment-long file next to the study's database
                opened = open_research(read_limited(path), study, scratch_parent=scratch)
            except UserError as exc:
                result.refused.append({"file": path.name, "reason": str(exc)})
                continue
            if opened.bundle.bundle_id in seen:
                result.skipped += 1
                continue
            seen.add(opened.bundle.bundle_id)
            batch.append(opened)
            if len(batch) >= BATCH:
                _insert(con, batch)
                result.loaded += len(batch)
                batch = []
            if progress is not None:
                progress(done, len(files))
        _insert(con, batch)
        result.loaded += len(batch)
        result.participants = _scalar(con, "SELECT count(DISTINCT participant) FROM exports")
        for name in TABLES:
            result.rows[name] = _scalar(con, f"SELECT count(*) FROM {name}")
    finally:
        con.close()
    return result


def _scalar(con: Any, sql: str) -> int:
    row: Any = con.execute(sql).fetchone()
    return int(row[0])


def _append(con: Any, table: str, schema: tuple[tuple[str, str], ...],
            columns: dict[str, list[Any]]) -> None:
    select = ", ".join(f"unnest(${i}::{kind}[])" for i, (_, kind) in enumerate(schema, 1))
    con.execute(f"INSERT INTO {table} SELECT {select}", [columns[c] for c, _ in schema])


def _insert(con: Any, batch: list[OpenedExport]) -> None:
    if not batch:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        _append(con, "exports", EXPORTS, {
            "export_id": [e.bundle.bundle_id for e in batch],
            "participant": [e.participant for e in batch],
            "created_at": [e.bundle.created_at for e in batch],
            "epsilon": [float(e.meta.get("epsilon", 0.0)) for e in batch],
            "first_week": [str((e.meta.get("weeks") or [""])[0]) for e in batch],
            "last_week": [str((e.meta.get("weeks") or [""])[-1]) for e in batch],
        })
        for name in TABLES:
            schema = KEYS + SCHEMAS[name]
            combined: dict[str, list[Any]] = {column: [] for column, _ in schema}
            for e in batch:
                table = e.tables[name]
                rows = len(table[SCHEMAS[name][0][0]])
                combined["participant"] += [e.participant] * rows
                combined["export_id"] += [e.bundle.bundle_id] * rows
                for column, _ in SCHEMAS[name]:
                    combined[column] += table[column]
            _append(con, name, schema, combined)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
