"""Daylio import benchmark: parse + import N synthetic rows into a fresh vault.

Usage: python bench/bench_import.py [--rows 10000]
Prints rows/s for the preview (parse + key look-up) and the import (one transaction), then the
time of a second import of the same file (every row already imported), and the CPU model and
SIMD flags. Nothing is asserted. The rows are made up; no real data is used.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")

from cpuinfo import cpu_line  # noqa: E402 - bench/ is the script's folder

from mindspace.app import AppServices  # noqa: E402

LABELS = ["rad", "good", "meh", "bad", "awful"]
ACTIVITIES = ["work", "friends", "walk", "reading", "music", "cooking", "family", "sleep early"]
NOTES = ["", "", "Quiet day.", "Long walk by the canal.<br>Felt <b>lighter</b> after.",
         "Tired but okay.", "Called an old friend &amp; laughed a lot."]


def export_text(rows: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["full_date", "date", "weekday", "time", "mood", "activities",
                     "note_title", "note"])
    at = datetime(2024, 6, 1, 21, 0)
    for i in range(rows):
        at -= timedelta(minutes=rng.randint(60, 900))
        title = "A longer day" if i % 25 == 0 else ""
        writer.writerow([at.date().isoformat(), at.strftime("%b %d"), at.strftime("%A"),
                         at.strftime("%H:%M") if i % 2 else at.strftime("%I:%M %p").lstrip("0"),
                         rng.choice(LABELS), " | ".join(rng.sample(ACTIVITIES, rng.randint(0, 3))),
                         title, rng.choice(NOTES)])
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    print(f"CPU: {cpu_line()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "daylio.csv"
        path.write_text(export_text(args.rows), encoding="utf-8")
        services = AppServices(folder / "data")
        services.create_vault("bench passphrase that is long enough 1")
        try:
            use = services.daylio_import()
            t0 = time.perf_counter()
            preview = use.preview(path)
            t1 = time.perf_counter()
            report = use.run(path)
            t2 = time.perf_counter()
            again = use.run(path)
            t3 = time.perf_counter()
        finally:
            services.close()
    print(f"rows: {args.rows}  new check-ins: {report.new_checkins}"
          f"  journal entries: {report.new_journal_entries}  problems: {len(preview.problems)}")
    print(f"preview (parse + look-up): {t1 - t0:.3f} s  ({args.rows / (t1 - t0):,.0f} rows/s)")
    rate = args.rows / (t2 - t1)
    print(f"import (parse + one transaction): {t2 - t1:.3f} s  ({rate:,.0f} rows/s)")
    print(f"second import (all known): {t3 - t2:.3f} s  ({again.already_imported} already there)")


if __name__ == "__main__":
    main()
