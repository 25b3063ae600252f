"""Time a study's aggregation of many research exports into DuckDB.

Usage: .venv/bin/python bench/bench_research_aggregate.py [--exports 10000] [--weeks 12]
                                                            [--table-sets 200] [--keep DIR]

Generates `--exports` real exports (each from its own participant key, 12 weeks of noised
tables, Parquet, signed and age-encrypted to one study key), then runs the same `aggregate`
that `mindspace research aggregate` runs (decrypt, verify signature and hashes, check columns,
load into DuckDB) and prints the time per export. To keep generation short, `--table-sets`
distinct noised releases are built and reused; every export is still sealed on its own.
Prints the CPU model and flags. Files go to a temporary folder (deleted unless `--keep`).
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from cpuinfo import cpu_line  # noqa: E402 - bench/ is the script's folder

from mindspace.app.research import noised
from mindspace.app.research_aggregate import aggregate
from mindspace.core.research import (
    CHECKIN_EMOTIONS,
    FORMAT_VERSION,
    SENSITIVITY,
    SLOTS,
    TEXT_EMOTIONS,
    WeeklyTruth,
    week_range,
)
from mindspace.core.rules import utc_now
from mindspace.share.bundle import Party
from mindspace.share.identity import derived_identity, generate_identity
from mindspace.share.research import parquet_tables, seal_export


def synthetic_truth(rng: random.Random, weeks: list[str]) -> WeeklyTruth:
    n = len(weeks)
    checkins = [rng.randint(0, 14) for _ in range(n)]
    cols = {
        "checkins": checkins,
        "mood_sum": [c * rng.uniform(1, 3) for c in checkins],
        "energy_n": checkins, "energy_sum": [c * rng.uniform(1, 3) for c in checkins],
        "sleep_n": checkins, "sleep_sum": [c * rng.uniform(5, 9) for c in checkins],
        "analyses": [rng.randint(0, 10) for _ in range(n)],
        "sentiment_sum": [rng.uniform(0, 10) for _ in range(n)],
        "journal_entries": [rng.randint(0, 7) for _ in range(n)],
        "voice_checkins": [rng.randint(0, 3) for _ in range(n)],
        "arousal_n": [rng.randint(0, 3) for _ in range(n)],
        "arousal_sum": [rng.uniform(0, 2) for _ in range(n)],
    }
    return WeeklyTruth(
        weeks, {k: [float(v) for v in vs] for k, vs in cols.items()},
        {e: [rng.randint(0, 4) for _ in range(n)] for e in CHECKIN_EMOTIONS},
        {e: [rng.randint(0, 4) for _ in range(n)] for e in TEXT_EMOTIONS},
        {"phq9": {"questionnaires": [float(rng.randint(0, 1)) for _ in range(n)],
                  "score_sum": [rng.uniform(0, 1) for _ in range(n)]}},
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--exports", type=int, default=10_000)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--table-sets", type=int, default=200)
    parser.add_argument("--epsilon", type=float, default=1.0)
    parser.add_argument("--keep", type=Path, default=None)
    args = parser.parse_args()
    print(f"CPU: {cpu_line()}")
    rng = random.Random(7)
    weeks = week_range(date(2026, 6, 1), args.weeks)
    study = generate_identity("Bench Study", "study")
    recipient = Party(study.display_name, study.sign_public, study.enc_public)
    meta = {"format_version": FORMAT_VERSION, "epsilon": args.epsilon,
            "epsilon_per_statistic": args.epsilon / SLOTS, "statistics_per_record": SLOTS,
            "sensitivity": SENSITIVITY, "weeks": weeks, "created_week": weeks[-1]}
    folder = Path(tempfile.mkdtemp(prefix="research-bench-"))
    try:
        start = time.perf_counter()
        sets = [parquet_tables(noised(synthetic_truth(rng, weeks), args.epsilon), meta)
                for _ in range(args.table_sets)]
        made_tables = time.perf_counter() - start
        start = time.perf_counter()
        size = 0
        for i in range(args.exports):
            participant = derived_identity(rng.randbytes(64), "MindSpace participant")
            sealed = seal_export(participant, recipient, sets[i % len(sets)], meta, utc_now())
            (folder / f"export-{i:06d}.msresearch").write_bytes(sealed.ciphertext)
            size += len(sealed.ciphertext)
        sealing = time.perf_counter() - start
        print(f"generated {args.exports} exports ({args.weeks} weeks each):"
              f" {made_tables / args.table_sets * 1000:.1f} ms per noised table set,"
              f" {sealing / args.exports * 1000:.2f} ms per sealed export,"
              f" {size / args.exports / 1024:.1f} KiB per file")
        db = folder / "study.duckdb"
        start = time.perf_counter()
        result = aggregate(study, folder, db)
        took = time.perf_counter() - start
        print(f"aggregate: {result.loaded} exports, {result.participants} participants,"
              f" rows {result.rows}, refused {len(result.refused)}")
        print(f"aggregate time: {took:.1f} s total, {took / max(result.loaded, 1) * 1000:.2f} ms"
              f" per export, {result.loaded / took:.0f} exports/s;"
              f" database {db.stat().st_size / 2**20:.1f} MiB")
        import duckdb

        with duckdb.connect(str(db), read_only=True) as con:
            start = time.perf_counter()
            rows = con.execute(
                "SELECT iso_week, sum(mood_sum) / sum(checkins) + 1 AS mood_mean,"
                " sum(checkins) AS checkins FROM mood_weekly GROUP BY iso_week ORDER BY iso_week"
            ).fetchall()
            print(f"population weekly mood query: {(time.perf_counter() - start) * 1000:.1f} ms"
                  f" ({len(rows)} weeks; first {rows[0][0]} mean {rows[0][1]:.2f})")
    finally:
        if args.keep is not None:
            shutil.copytree(folder, args.keep, dirs_exist_ok=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
