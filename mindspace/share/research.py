"""Research export bundles: noised weekly tables as Parquet, signed and encrypted to a study.

A research export is a bundle (docs/bundle-format.md) of kind `research`: the manifest carries
`research` (format version, epsilon, how it was split, the weeks covered) and every item is one
Parquet table (`type` "research_table", `id` the table name, media type
`application/vnd.apache.parquet`) whose schema metadata repeats the same `research` object.
The tables and their columns are documented in docs/research-export.md.

`open_research` is the study's side: decrypt with the study's key, check the signature and
every item hash (`bundle.open_bundle`), then that it is a research export whose tables have
exactly the documented columns. A participant is not a contact of the study; the signature
binds the export to the participant's per-study key, whose hash is their pseudonym.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

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

SCHEMAS: dict[str, pa.Schema] = {
    "mood_weekly": pa.schema([
        ("iso_week", pa.string()), ("checkins", pa.int64()), ("mood_sum", pa.float64()),
        ("mood_mean", pa.float64()), ("energy_n", pa.int64()), ("energy_sum", pa.float64()),
        ("energy_mean", pa.float64()), ("sleep_n", pa.int64()), ("sleep_sum", pa.float64()),
        ("sleep_mean", pa.float64()),
    ]),
    "activity_weekly": pa.schema([
        ("iso_week", pa.string()), ("mood_checkins", pa.int64()),
        ("journal_entries", pa.int64()), ("voice_checkins", pa.int64()),
    ]),
    "wellbeing_weekly": pa.schema([
        ("iso_week", pa.string()), ("analyses", pa.int64()), ("sentiment_sum", pa.float64()),
        ("sentiment_mean", pa.float64()), ("arousal_n", pa.int64()),
        ("arousal_sum", pa.float64()), ("arousal_mean", pa.float64()),
    ]),
    "emotions_weekly": pa.schema([
        ("iso_week", pa.string()), ("source", pa.string()), ("emotion", pa.string()),
        ("count", pa.int64()),
    ]),
    "questionnaires_weekly": pa.schema([
        ("iso_week", pa.string()), ("instrument", pa.string()), ("completed", pa.int64()),
        ("score_sum", pa.float64()), ("score_mean", pa.float64()),
    ]),
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
    q_rows: dict[str, list[Any]] = {k: [] for k in SCHEMAS["questionnaires_weekly"].names}
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


def parquet_tables(release: WeeklyTruth, meta: dict[str, Any]) -> dict[str, bytes]:
    """Each table as Parquet bytes (built in memory), with `meta` in the schema metadata."""
    out: dict[str, bytes] = {}
    encoded = json.dumps(meta, sort_keys=True).encode("utf-8")
    for name, columns in table_rows(release).items():
        schema = SCHEMAS[name].with_metadata({META_KEY: encoded})
        table = pa.Table.from_pydict(columns, schema=schema)
        buffer = io.BytesIO()
        pq.write_table(table, buffer, compression="zstd")
        out[name] = buffer.getvalue()
    return out


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
    tables: dict[str, pa.Table]


def _any_signer(_party: Party, _device: str) -> None:
    """Participants are not contacts: the signature (checked before) is what binds them."""


def open_research(data: bytes, study: Identity) -> OpenedExport:
    """Verify and decrypt one export; BundleError (reason, one line) if anything is wrong."""
    opened = open_bundle(data, study, _any_signer)
    if opened.kind != KIND:
        raise BundleError("unsupported", f"this is a {opened.kind} bundle, not a research export")
    meta = opened.manifest.get(KIND)
    if not isinstance(meta, dict) or meta.get("format_version") != FORMAT_VERSION:
        raise BundleError("unsupported", "this research export's format is not supported")
    tables: dict[str, pa.Table] = {}
    for item in opened.items:
        if item.type != ITEM_TYPE or item.id not in SCHEMAS or item.media_type != MEDIA_TYPE:
            raise BundleError("corrupted", f"unexpected item {item.type} {item.id}")
        try:
            table = pq.ParquetFile(pa.BufferReader(item.data)).read()
        except (pa.ArrowException, OSError):
            raise BundleError("corrupted", f"table {item.id} is not valid Parquet") from None
        if table.schema.remove_metadata() != SCHEMAS[item.id]:
            raise BundleError("corrupted", f"table {item.id} does not have the documented columns")
        tables[item.id] = table
    missing: Sequence[str] = [t for t in TABLES if t not in tables]
    if missing:
        raise BundleError("corrupted", f"the export lacks table {missing[0]}")
    return OpenedExport(opened, pseudonym(opened.sender.sign_public), meta, tables)
