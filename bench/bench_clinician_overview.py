"""Clinician overview benchmark: 100 patients, 5 years of weekly bundles (26,000 bundles).

Usage: MINDSPACE_KDF_CALIBRATE=0 python bench/bench_clinician_overview.py [--patients 100]
       [--weeks 260]

A real therapist vault (SQLCipher) with one verified contact per patient. Each weekly bundle
holds a PHQ-9, a GAD-7 (every fourth week also a WHO-5; one patient in five never fills in the
WHO-5) and a mood check-in. The questionnaire records are built by the app's own scoring and
sharing code (`app.measures.share_record`), every bundle is staged by the real import
validation (`share.inbox.stage`) and stored by the real `InboxRepository.commit`, one
transaction per bundle; only the age encryption and signature of the files are skipped, and
`synchronous` is OFF while generating (restored to FULL before timing). Then it times building
the overview and opening one patient's questionnaire history, after a fresh unlock (cold page
cache) and warm. Prints its figures; nothing is asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cpuinfo import cpu_line
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from mindspace.app import AppServices
from mindspace.app.clinician_overview import patient_history, patient_overview
from mindspace.app.inbox import patient_view
from mindspace.app.measures import MeasureResult, share_record
from mindspace.core.questionnaires import catalog, derived_scores, score
from mindspace.core.reliable_change import compare
from mindspace.share.bundle import Item, OpenedBundle, canonical_json
from mindspace.share.identity import Identity
from mindspace.share.inbox import stage
from mindspace.storage.measures import MeasureRecord

PASSPHRASE = "bench clinician overview passphrase 7"
START = datetime(2021, 1, 4, 9, 0)


def identity(name: str) -> Identity:
    return Identity(name, "patient", Ed25519PrivateKey.generate(), X25519PrivateKey.generate(),
                    uuid.uuid4().hex, "2021-01-01T00:00:00+00:00")


def measure(inst_id: str, answers: list[int], taken_at: datetime,
            previous: int | None) -> dict[str, Any]:
    cat = catalog()
    inst = cat.get(inst_id)
    result = score(inst, answers)
    record = MeasureRecord(uuid.uuid4().hex, inst_id, taken_at, result.answers, None,
                           result.total, result.raw, result.band_short, result.item9,
                           result.safety_followup, cat.version, taken_at)
    change = None
    if previous is not None and result.total is not None:
        change = compare(inst, previous, result.total)
    shared = MeasureResult(record, result, derived_scores(inst, result.answers, cat), change)
    return share_record(shared, inst)


class Patient:
    """A synthetic course: symptom level drifting slowly, item 9 now and then."""

    def __init__(self, rng: random.Random, who5: bool) -> None:
        self.rng = rng
        self.level = rng.uniform(0.8, 2.6)  # mean answer, 0-3
        self.who5 = who5
        self.last: dict[str, int | None] = {"phq9": None, "gad7": None, "who5": None}

    def answers(self, n: int) -> list[int]:
        return [max(0, min(3, round(self.rng.gauss(self.level, 0.7)))) for _ in range(n)]

    def week(self, when: datetime, week: int) -> list[Item]:
        self.level = max(0.0, min(3.0, self.level + self.rng.gauss(-0.004, 0.08)))
        phq = self.answers(9)
        phq[8] = 1 if self.rng.random() < 0.03 else 0
        forms = [("phq9", phq, when), ("gad7", self.answers(7), when + timedelta(minutes=5))]
        if self.who5 and week % 4 == 0:
            forms.append(("who5", [3 - a for a in self.answers(5)], when + timedelta(minutes=9)))
        items = []
        for inst_id, answers, taken in forms:
            rec = measure(inst_id, answers, taken, self.last[inst_id])
            self.last[inst_id] = rec["score"]
            items.append(Item("measure", rec["id"], rec["revision"], canonical_json(rec),
                              date=rec["taken_at"]))
        mood_id = uuid.uuid4().hex
        checkin = when + timedelta(hours=10)
        mood = {"id": mood_id, "mood": max(1, min(5, round(5 - self.level * 1.3))), "energy": 3,
                "emotions": ["tired"], "activities": ["work"], "note": "",
                "checkin_at": checkin.isoformat(), "updated_at": checkin.isoformat()}
        items.append(Item("mood_checkin", mood_id, checkin.isoformat(), canonical_json(mood),
                          date=checkin.isoformat()))
        return items


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def generate(services: AppServices, patients: int, weeks: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    sharing = services.sharing()
    inbox = sharing.inbox
    db = services.vault.db
    db.run(lambda c: c.execute("PRAGMA synchronous = OFF"))
    ids = []
    start = time.perf_counter()
    for p in range(patients):
        contact, _ = sharing.add_contact(identity(f"Patient {p:03d}").card(), verified=True)
        ids.append(contact.id)
        course = Patient(rng, who5=p % 5 != 0)
        for week in range(weeks):
            when = START + timedelta(weeks=week, hours=rng.randint(0, 8))
            bundle_id = uuid.uuid4().hex
            manifest = {"bundle_id": bundle_id, "created_at": when.isoformat(), "kind": "share"}
            opened = OpenedBundle(manifest, canonical_json(manifest), None,  # type: ignore[arg-type]
                                  "", course.week(when, week))
            staged = stage(opened, contact.id)
            inbox.commit(bundle_id, contact.id, when.isoformat(),
                         canonical_json(manifest).decode(), staged.items, "file")
        if (p + 1) % 10 == 0:
            print(f"  {p + 1} patients stored ({time.perf_counter() - start:.0f} s)", flush=True)
    db.run(lambda c: c.execute("PRAGMA synchronous = FULL"))
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=100)
    parser.add_argument("--weeks", type=int, default=260)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the generated vault in this folder (reused when it exists)")
    args = parser.parse_args()
    print(cpu_line())
    print(f"{args.patients} patients x {args.weeks} weekly bundles = "
          f"{args.patients * args.weeks} bundles. Bundles are built from real questionnaire "
          "records and stored through the real import staging and InboxRepository.commit; "
          "the files' age encryption and signatures are skipped (see share_bench.py).")
    with tempfile.TemporaryDirectory(prefix="msbench-") as scratch:
        tmp = args.keep or Path(scratch)
        services = AppServices(Path(tmp))
        t0 = time.perf_counter()
        if services.vault_exists():
            services.unlock(PASSPHRASE)
            print("reusing the vault in", tmp)
        else:
            services.create_vault(PASSPHRASE)
            services.sharing().ensure_identity("Dr Bench", "therapist")
            generate(services, args.patients, args.weeks, args.seed)
        counts = services.vault.db.run(lambda c: c.execute(
            "SELECT (SELECT count(*) FROM share_received_bundles),"
            " (SELECT count(*) FROM share_received_items)").fetchone())
        size = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file())
        print(f"stored in {time.perf_counter() - t0:.0f} s: {counts[0]} bundles, "
              f"{counts[1]} stored items, vault {size / 1e6:.0f} MB")

        services.lock()
        services.unlock(PASSPHRASE)
        inbox = services.sharing().inbox
        start = time.perf_counter()
        rows = patient_overview(inbox)
        cold = time.perf_counter() - start
        warm, _ = timed(lambda: patient_overview(inbox), 5)
        alerts = sum(1 for r in rows if r.item9_alert)
        print(f"overview of {len(rows)} patients ({alerts} with an item-9 alert first): "
              f"{cold * 1000:.0f} ms after unlock, {warm * 1000:.0f} ms warm (median of 5)")
        print(f"  first row: {rows[0].text()[:160]}…")

        chosen = rows[0].contact_id
        services.lock()
        services.unlock(PASSPHRASE)
        inbox = services.sharing().inbox
        start = time.perf_counter()
        history = patient_history(inbox, chosen)
        cold = time.perf_counter() - start
        warm, _ = timed(lambda: patient_history(inbox, chosen), 5)
        points = sum(len(s.results) for s in history.series)
        print(f"one patient's questionnaire history ({points} scores): {cold * 1000:.0f} ms "
              f"after unlock, {warm * 1000:.0f} ms warm (median of 5)")
        sharing = services.sharing()
        full, _ = timed(lambda: patient_view(sharing, chosen), 3)
        print(f"  for comparison, the whole patient view (every item, {args.weeks} mood "
              f"check-ins): {full * 1000:.0f} ms warm (median of 3)")
        lists, _ = timed(lambda: (sharing.inbox.senders(), sharing.inbox.bundles(limit=200)), 3)
        everything, _ = timed(lambda: sharing.inbox.bundles(), 3)
        print(f"  the inbox lists (bundles per patient, newest 200 bundles): {lists * 1000:.0f} ms"
              f" warm; every one of the {counts[0]} bundles: {everything * 1000:.0f} ms")
        services.close()


if __name__ == "__main__":
    main()
