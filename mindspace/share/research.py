"""Research export bundles: noised weekly tables as Parquet, signed and encrypted to a study.

A research export is a bundle (docs/bundle-format.md) of kind `research`: the manifest carries
`research` (format version, epsilon, how it was split, the weeks covered) and every item is one
Parquet table (`type` "research_table", `id` the table name, media type
`application/vnd.apache.parquet`) whose key-value metadata repeats the same `research` object.
The tables and their columns are documented in docs/research-export.md.

`open_research` is the study's side: decrypt with the study's key, check the signature and
every item hash (`bundle.open_bundle`), then that it is a research export whose tables have
exactly the documented columns and types and carry the manifest's `research` object. A
participant is not a contact of the study; the signature binds the export to the participant's
per-study key, whose hash is their pseudonym.

Parquet is written and read by DuckDB (imported on first use), through private temporary files.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mindspace.core.research import (
    CHECKIN_EMOTIONS,
    FORMAT_VERSION,
    SLEEP_MAX,
    TEXT_EMOTIONS,
    WeeklyTruth,
)
from mindspace.share.bundle import (
    BundleError,
    Item,
    OpenedBundle,
    Party,
    SealedBundle,
    make_manifest,
    open_bundle,
    seal,
)
from mindspace.share.identity import Identity

KIND = "research"
ITEM_TYPE = "research_table"
MEDIA_TYPE = "application/vnd.apache.parquet"
META_KEY = b"mindspace.research"

Schema = tuple[tuple[str, str], ...]  # (column name, DuckDB type) in file order

_S, _I, _F = "VARCHAR", "BIGINT", "DOUBLE"
SCHEMAS: dict[str, Schema] = {
    "mood_weekly": (
        ("iso_week", _S), ("checkins", _I), ("mood_sum", _F), ("mood_mean", _F),
        ("energy_n", _I), ("energy_sum", _F), ("energy_mean", _F), ("sleep_n", _I),
        ("sleep_sum", _F), ("sleep_mean", _F),
    ),
    "activity_weekly": (
        ("iso_week", _S), ("mood_checkins", _I), ("journal_entries", _I), ("voice_checkins", _I),
    ),
    "wellbeing_weekly": (
        ("iso_week", _S), ("analyses", _I), ("sentiment_sum", _F), ("sentiment_mean", _F),
        ("arousal_n", _I), ("arousal_sum", _F), ("arousal_mean", _F),
    ),
    "emotions_weekly": (
        ("iso_week", _S), ("source", _S), ("emotion", _S), ("count", _I),
    ),
    "questionnaires_weekly": (
        ("iso_week", _S), ("instrument", _S), ("completed", _I), ("score_sum", _F),
        ("score_mean", _F),
    ),
}
TABLES = tuple(SCHEMAS)


def _mean(total: float, count: float, offset: float, low: float, high: float) -> float | None:
    """Post-processing of a noisy sum and count (None when the noisy count is not positive)."""
    if count <= 0:
        return None
    return max(low, min(high, offset + total / count))


def table_rows(release: WeeklyTruth) -> dict[str, dict[str, list[Any]]]:
    """Column lists per table from a noised release."""
    c, w = release.columns, release.weeks
    n = len(w)

    def ints(name: str) -> list[int]:
        return [int(v) for v in c[name]]

    def means(total: str, count: str, offset: float, low: float, high: float
              ) -> list[float | None]:
        return [_mean(c[total][i], c[count][i], offset, low, high) for i in range(n)]

    emo_rows: dict[str, list[Any]] = {"iso_week": [], "source": [], "emotion": [], "count": []}
    for source, counts, names in (("checkin", release.checkin_emotions, CHECKIN_EMOTIONS),
                                  ("text", release.text_emotions, TEXT_EMOTIONS)):
        for name in names:
            for i, week in enumerate(w):
                emo_rows["iso_week"].append(week)
                emo_rows["source"].append(source)
                emo_rows["emotion"].append(name)
                emo_rows["count"].append(int(counts[name][i]))
    q_rows: dict[str, list[Any]] = {k: [] for k, _ in SCHEMAS["questionnaires_weekly"]}
    for instrument, cols in sorted(release.scores.items()):
        for i, week in enumerate(w):
            q_rows["iso_week"].append(week)
            q_rows["instrument"].append(instrument)
            q_rows["completed"].append(int(cols["questionnaires"][i]))
            q_rows["score_sum"].append(float(cols["score_sum"][i]))
            q_rows["score_mean"].append(
                _mean(cols["score_sum"][i], cols["questionnaires"][i], 0, 0, 1)
            )
    return {
        "mood_weekly": {
            "iso_week": w, "checkins": ints("checkins"), "mood_sum": c["mood_sum"],
            "mood_mean": means("mood_sum", "checkins", 1, 1, 5),
            "energy_n": ints("energy_n"), "energy_sum": c["energy_sum"],
            "energy_mean": means("energy_sum", "energy_n", 1, 1, 5),
            "sleep_n": ints("sleep_n"), "sleep_sum": c["sleep_sum"],
            "sleep_mean": means("sleep_sum", "sleep_n", 0, 0, SLEEP_MAX),
        },
        "activity_weekly": {
            "iso_week": w, "mood_checkins": ints("checkins"),
            "journal_entries": ints("journal_entries"), "voice_checkins": ints("voice_checkins"),
        },
        "wellbeing_weekly": {
            "iso_week": w, "analyses": ints("analyses"), "sentiment_sum": c["sentiment_sum"],
            "sentiment_mean": means("sentiment_sum", "analyses", -1, -1, 1),
            "arousal_n": ints("arousal_n"), "arousal_sum": c["arousal_sum"],
            "arousal_mean": means("arousal_sum", "arousal_n", 0, 0, 1),
        },
        "emotions_weekly": emo_rows,
        "questionnaires_weekly": q_rows,
    }


def _literal(text: str) -> str:
    """A SQL string literal (COPY options and file names cannot be query parameters)."""
    return "'" + text.replace("'", "''") + "'"


@contextmanager
def _scratch(parent: Path | None = None) -> Iterator[tuple[Any, Path]]:
    """An in-memory DuckDB connection and a private (0700) folder, removed on exit.

    DuckDB reads and writes Parquet only through files; each file lives just long enough to
    be read back and is deleted straight away (the tables hold only noised aggregates)."""
    import duckdb

    folder = Path(tempfile.mkdtemp(prefix="mindspace-research-", dir=parent))
    con = duckdb.connect(":memory:", config={"threads": 1})
    try:
        yield con, folder
    finally:
        con.close()
        shutil.rmtree(folder, ignore_errors=True)


def _write_parquet(con: Any, path: Path, name: str, columns: dict[str, list[Any]],
                   encoded_meta: str) -> bytes:
    schema = SCHEMAS[name]
    con.execute(f"CREATE OR REPLACE TEMP TABLE t ({', '.join(f'{c} {t}' for c, t in schema)})")
    select = ", ".join(f"unnest(${i}::{t}[])" for i, (_, t) in enumerate(schema, 1))
    con.execute(f"INSERT INTO t SELECT {select}", [columns[c] for c, _ in schema])
    con.execute(
        f"COPY t TO {_literal(str(path))} (FORMAT PARQUET, COMPRESSION ZSTD,"
        f" KV_METADATA {{{_literal(META_KEY.decode())}: {_literal(encoded_meta)}}})"
    )
    try:
        return path.read_bytes()
    finally:
        path.unlink()


def parquet_tables(release: WeeklyTruth, meta: dict[str, Any],
                   scratch_parent: Path | None = None) -> dict[str, bytes]:
    """Each table as zstd Parquet bytes, with `meta` as JSON in the file's key-value metadata
    (key `mindspace.research`). Written by DuckDB through a private temporary folder
    (under `scratch_parent` when given), deleted before returning."""
    encoded = json.dumps(meta, sort_keys=True)
    with _scratch(scratch_parent) as (con, folder):
        return {
            name: _write_parquet(con, folder / f"{name}.parquet", name, columns, encoded)
            for name, columns in table_rows(release).items()
        }


def seal_export(
    participant: Identity, study: Party, tables: dict[str, bytes], meta: dict[str, Any],
    created_at: str,
) -> SealedBundle:
    """Sign with the participant's per-study key and encrypt to the study only."""
    items = [Item(ITEM_TYPE, name, "1", data, MEDIA_TYPE) for name, data in tables.items()]
    manifest = make_manifest(
        participant, [study], items, KIND, extra={KIND: meta}, created_at=created_at
    )
    return seal(participant, [study], items, manifest)


def pseudonym(sign_public: bytes) -> str:
    """A participant's code: 16 hex digits of SHA-256 of their per-study signing key."""
    return hashlib.sha256(b"mindspace-research/v1" + sign_public).hexdigest()[:16]


@dataclass
class OpenedExport:
    bundle: OpenedBundle
    participant: str
    meta: dict[str, Any]
    tables: dict[str, dict[str, list[Any]]]  # table name -> column name -> values


def _any_signer(_party: Party, _device: str) -> None:
    """Participants are not contacts: the signature (checked before) is what binds them."""


def _read_parquet(con: Any, path: Path, name: str, data: bytes,
                  meta: dict[str, Any]) -> dict[str, list[Any]]:
    """Columns of one table item; BundleError unless it is Parquet with the documented
    columns and types and the manifest's `research` object in its metadata."""
    import duckdb

    path.write_bytes(data)
    try:
        try:
            described = con.execute("DESCRIBE SELECT * FROM read_parquet($1)", [str(path)])
            columns = tuple((str(r[0]), str(r[1])) for r in described.fetchall())
            kv = dict(con.execute(
                "SELECT key, value FROM parquet_kv_metadata($1)", [str(path)]
            ).fetchall())
            rows = con.execute("SELECT * FROM read_parquet($1)", [str(path)]).fetchall()
        except duckdb.Error:
            raise BundleError("corrupted", f"table {name} is not valid Parquet") from None
    finally:
        path.unlink()
    if columns != SCHEMAS[name]:
        raise BundleError("corrupted", f"table {name} does not have the documented columns")
    try:
        own_meta = json.loads(kv[META_KEY])
    except (KeyError, ValueError):
        own_meta = None
    if own_meta != meta:
        raise BundleError("corrupted", f"table {name} does not carry the export's research data")
    return {c: [row[i] for row in rows] for i, (c, _) in enumerate(columns)}


def open_research(data: bytes, study: Identity, scratch_parent: Path | None = None
                  ) -> OpenedExport:
    """Verify and decrypt one export; BundleError (reason, one line) if anything is wrong.

    Parquet items pass through a private temporary folder (under `scratch_parent` when given),
    each file deleted as soon as it is read."""
    opened = open_bundle(data, study, _any_signer)
    if opened.kind != KIND:
        raise BundleError("unsupported", f"this is a {opened.kind} bundle, not a research export")
    meta = opened.manifest.get(KIND)
    if not isinstance(meta, dict) or meta.get("format_version") != FORMAT_VERSION:
        raise BundleError("unsupported", "this research export's format is not supported")
    tables: dict[str, dict[str, list[Any]]] = {}
    with _scratch(scratch_parent) as (con, folder):
        for item in opened.items:
            if (item.type != ITEM_TYPE or item.id not in SCHEMAS or item.media_type != MEDIA_TYPE
                    or item.id in tables):
                raise BundleError("corrupted", f"unexpected item {item.type} {item.id}")
            tables[item.id] = _read_parquet(
                con, folder / f"{item.id}.parquet", item.id, item.data, meta
            )
    missing: Sequence[str] = [t for t in TABLES if t not in tables]
    if missing:
        raise BundleError("corrupted", f"the export lacks table {missing[0]}")
    return OpenedExport(opened, pseudonym(opened.sender.sign_public), meta, tables)
