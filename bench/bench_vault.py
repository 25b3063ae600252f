"""Vault benchmark: unlock time, insert rate and FTS5 search latency over N realistic entries.

Usage: python bench/bench_vault.py [--entries 10000] [--queries 200]
Prints its figures (wall time, and the process's CPU time, which other jobs on a shared machine
do not inflate); nothing is asserted. Uses the fixed key-derivation settings a real vault uses.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from cpuinfo import cpu_line

from mindspace.app import AppServices

OPENERS = [
    "Today I",
    "This morning I",
    "After work I",
    "Tonight I",
    "I finally",
    "Somehow I",
    "For once I",
    "Again I",
    "I think I",
    "Honestly I",
]
VERBS = [
    "walked along the river",
    "called my sister",
    "felt anxious about the meeting",
    "cooked a slow dinner",
    "slept badly and woke at four",
    "went for a run in the rain",
    "argued with my manager",
    "read two chapters of my book",
    "sat in the garden",
    "forgot to take a break",
    "met Sam for coffee",
    "cleaned the whole flat",
    "cried a little during the film",
    "laughed at an old video",
    "skipped lunch again",
    "practised the breathing exercise",
    "worried about money",
    "finished the report early",
]
AFTER = [
    "and it helped more than I expected.",
    "but the evening was heavy.",
    "and felt calmer afterwards.",
    "which left me tired.",
    "so I am proud of that.",
    "and I want to remember it.",
    "though my head kept racing.",
    "and the sun came out.",
]
WORDS = [
    "gratitude",
    "tomorrow",
    "therapy",
    "appointment",
    "weekend",
    "headache",
    "patience",
    "friendship",
    "kitchen",
    "deadline",
    "garden",
    "bicycle",
    "medication",
    "journal",
    "playlist",
    "neighbour",
    "holiday",
    "birthday",
    "breakfast",
    "swimming",
    "meditation",
    "notebook",
    "sunshine",
    "thunderstorm",
    "commute",
    "library",
    "mother",
    "father",
    "brother",
    "sister",
    "grandmother",
    "cousin",
    "colleague",
    "manager",
    "teacher",
    "doctor",
    "nurse",
    "dentist",
    "landlord",
    "partner",
    "husband",
    "wife",
    "daughter",
    "son",
    "baby",
    "puppy",
    "kitten",
    "cat",
    "dog",
    "rabbit",
    "office",
    "school",
    "university",
    "exam",
    "essay",
    "presentation",
    "interview",
    "salary",
    "rent",
    "budget",
    "mortgage",
    "invoice",
    "taxes",
    "laundry",
    "dishes",
    "groceries",
    "supermarket",
    "bakery",
    "cafe",
    "restaurant",
    "pizza",
    "pasta",
    "salad",
    "soup",
    "sandwich",
    "chocolate",
    "tea",
    "coffee",
    "juice",
    "water",
    "wine",
    "beer",
    "cigarette",
    "insomnia",
    "nightmare",
    "dream",
    "nap",
    "alarm",
    "morning",
    "afternoon",
    "evening",
    "midnight",
    "sunrise",
    "sunset",
    "rain",
    "snow",
    "wind",
    "fog",
    "storm",
    "beach",
    "mountain",
    "forest",
    "river",
    "lake",
    "park",
    "bench",
    "bridge",
    "train",
    "bus",
    "tram",
    "taxi",
    "airport",
    "station",
    "highway",
    "traffic",
    "bicycle",
    "scooter",
    "car",
    "football",
    "tennis",
    "yoga",
    "pilates",
    "gym",
    "running",
    "hiking",
    "climbing",
    "dancing",
    "singing",
    "painting",
    "drawing",
    "knitting",
    "baking",
    "cooking",
    "gardening",
    "reading",
    "writing",
    "podcast",
    "movie",
    "series",
    "concert",
    "museum",
    "theatre",
    "gallery",
    "church",
    "temple",
    "mosque",
    "festival",
    "wedding",
    "funeral",
    "anniversary",
    "promotion",
    "resignation",
    "argument",
    "apology",
    "hug",
    "kiss",
    "date",
    "breakup",
    "reunion",
    "loneliness",
    "anxiety",
    "panic",
    "worry",
    "stress",
    "burnout",
    "fatigue",
    "energy",
    "motivation",
    "focus",
    "boredom",
    "curiosity",
    "excitement",
    "pride",
    "shame",
    "guilt",
    "jealousy",
    "anger",
    "frustration",
    "relief",
    "hope",
    "joy",
    "calm",
    "peace",
    "grief",
    "sadness",
    "tears",
    "laughter",
    "smile",
    "silence",
    "noise",
    "music",
    "guitar",
    "piano",
    "violin",
    "drums",
    "phone",
    "laptop",
    "email",
    "message",
    "letter",
    "parcel",
    "package",
    "shopping",
    "shoes",
    "jacket",
    "umbrella",
    "glasses",
    "keys",
    "wallet",
    "passport",
    "ticket",
    "vacation",
    "trip",
    "suitcase",
    "hotel",
    "camping",
    "tent",
    "fire",
    "candle",
    "blanket",
    "pillow",
    "sofa",
    "balcony",
    "window",
    "plants",
    "flowers",
    "roses",
    "tulips",
    "tomatoes",
    "strawberries",
    "apples",
    "oranges",
    "lemons",
    "onions",
    "garlic",
    "spinach",
    "carrots",
    "potatoes",
    "rice",
    "bread",
    "cheese",
    "butter",
    "eggs",
    "milk",
    "honey",
    "sugar",
    "salt",
    "pepper",
    "medicine",
    "pills",
    "prescription",
    "pharmacy",
    "hospital",
    "clinic",
    "waiting",
    "appointment",
    "checkup",
    "bloodtest",
    "vitamins",
    "stretching",
    "breathing",
    "walking",
    "jogging",
    "cycling",
    "swimming",
    "sleeping",
    "resting",
    "napping",
]


def make_entry(rng: random.Random) -> tuple[str, str, list[str]]:
    sentences = [
        f"{rng.choice(OPENERS)} {rng.choice(VERBS)} {rng.choice(AFTER)}"
        for _ in range(rng.randint(3, 12))
    ]
    for _ in range(rng.randint(2, 5)):
        sentences.insert(
            rng.randrange(len(sentences)),
            "Thinking about the " + " and the ".join(rng.sample(WORDS, rng.randint(2, 4))) + ".",
        )
    title = rng.choice(VERBS).capitalize()
    tags = rng.sample(
        ["work", "family", "health", "sleep", "friends", "therapy"], rng.randint(0, 2)
    )
    return title, " ".join(sentences), tags


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    print(cpu_line())
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        svc = AppServices(Path(tmp) / "vault")
        t0 = time.perf_counter()
        svc.create_vault("correct horse battery staple 42")
        create_s = time.perf_counter() - t0
        params = svc.vault.kdf_parameters()
        svc.lock()
        unlocks = []
        for _ in range(3):
            t0 = time.perf_counter()
            svc.unlock("correct horse battery staple 42")
            unlocks.append(time.perf_counter() - t0)
            svc.lock()
        svc.unlock("correct horse battery staple 42")
        start = datetime(2024, 1, 1, 8)
        t0 = time.perf_counter()
        single = min(args.entries, 500)
        for i in range(single):
            title, body, tags = make_entry(rng)
            svc.journal.add(title, body, start + timedelta(hours=7 * i), tags)
        insert_s = time.perf_counter() - t0
        batch = [(*make_entry(rng)[:2], start + timedelta(hours=7 * i), make_entry(rng)[2])
                 for i in range(single, args.entries)]
        t0, c0 = time.perf_counter(), time.process_time()
        for first in range(0, len(batch), 5000):
            svc.journal.add_many(batch[first:first + 5000])
        batch_s, batch_cpu = time.perf_counter() - t0, time.process_time() - c0
        # the first search after unlock starts from a cold page cache
        svc.lock()
        svc.unlock("correct horse battery staple 42")
        t0, c0 = time.perf_counter(), time.process_time()
        svc.journal.search(rng.choice(WORDS))
        first_ms = (time.perf_counter() - t0) * 1000
        first_cpu = (time.process_time() - c0) * 1000
        classes = {
            "one word": [rng.choice(WORDS) for _ in range(args.queries // 2)],
            "two words": [" ".join(rng.sample(WORDS, 2)) for _ in range(args.queries // 4)],
            "common prefix": [rng.choice(VERBS).split()[0][:4] for _ in range(args.queries // 4)],
        }
        queries = [q for qs in classes.values() for q in qs]
        times, cpu, hits = [], [], []
        per_class: dict[str, list[float]] = {}
        for name, qs in classes.items():
            for q in qs:
                t0, c0 = time.perf_counter(), time.process_time()
                found = svc.journal.search(q)
                elapsed = (time.perf_counter() - t0) * 1000
                cpu.append((time.process_time() - c0) * 1000)
                times.append(elapsed)
                per_class.setdefault(name, []).append(elapsed)
                hits.append(len(found))
        t0 = time.perf_counter()
        svc.journal.list()
        list_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        svc.journal.page(limit=200)
        svc.journal.count()
        page_ms = (time.perf_counter() - t0) * 1000
        size_mb = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file()) / 1e6
        svc.close()
    print(f"argon2id parameters: {params}")
    print(f"create vault (two wraps): {create_s:.2f} s")
    print(f"unlock: median {statistics.median(unlocks):.2f} s over {len(unlocks)} runs")
    print(
        f"insert: {single} entries in {insert_s:.1f} s = {single / insert_s:.0f}/s"
        " (one transaction each, synchronous=FULL)"
    )
    if batch_s:
        rest = args.entries - single
        print(f"insert in batches of 5,000 (add_many): {rest} entries in {batch_s:.1f} s"
              f" = {rest / batch_s:.0f}/s (CPU time {batch_cpu:.1f} s = {rest / batch_cpu:.0f}/s"
              " of one core)")
    print(f"first search after unlock (cold cache): {first_ms:.1f} ms (CPU {first_cpu:.1f} ms)")
    print(
        f"search over {args.entries} entries ({len(queries)} queries, up to 100 hits each): "
        f"median {statistics.median(times):.1f} ms, p95 {pct(times, 95):.1f} ms, "
        f"max {max(times):.1f} ms, mean hits {statistics.mean(hits):.0f}; CPU time per query"
        f" median {statistics.median(cpu):.1f} ms, p95 {pct(cpu, 95):.1f} ms"
    )
    for name, values in per_class.items():
        print(
            f"  {name:13s}: median {statistics.median(values):.1f} ms, p95 {pct(values, 95):.1f} ms"
        )
    print(f"list all entries: {list_ms:.0f} ms; first page of the list (200 entries and the"
          f" count): {page_ms:.1f} ms; vault size on disk {size_mb:.1f} MB")


if __name__ == "__main__":
    main()
