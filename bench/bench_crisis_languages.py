"""Crisis screen recall and false-positive rate per language, with Wilson 95 % intervals.

Two readings of every line: the instant pattern screen (``app.screen.screen_text``, the
deterministic layer that is the floor for Spanish, French, German and Portuguese) and, with
``--full``, the full analysis as the app computes it (patterns, learned layer, emotion signals).

Usage: python bench/bench_crisis_languages.py FILE [FILE ...] [--full] [--lang es,fr,de,pt]
       [--errors]
Each FILE is JSONL with ``text``, ``label`` ("risk"/"safe"), ``language`` and optional ``kind``.
``--errors`` lists misses and false alarms of the pattern screen (development data only, never
a blind set).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_text_blind import rate  # noqa: E402


def _count(rows: list[dict[str, str]], flagged: Callable[[str], bool], langs: set[str] | None
           ) -> tuple[dict[str, list[int]], list[tuple[str, str, str, str]]]:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    errors = []
    for r in rows:
        lang = r.get("language", "en")
        if langs and lang not in langs:
            continue
        hit = flagged(r["text"])
        risk = r["label"] == "risk"
        c = per[lang]
        if risk:
            c[0] += hit
            c[1] += 1
        else:
            c[2] += hit
            c[3] += 1
        if risk != hit:
            errors.append(("MISS" if risk else "FP  ", lang, r.get("kind", ""), r["text"]))
    return per, errors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--full", action="store_true", help="also the full analysis with models")
    ap.add_argument("--lang", default="", help="comma-separated languages (default: all)")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    langs = {x.strip() for x in args.lang.split(",") if x.strip()} or None

    from mindspace.app.screen import screen_text

    readings: list[tuple[str, Callable[[str], bool]]] = [
        ("patterns", lambda t: screen_text(t).level != "none")]
    if args.full:
        from mindspace.app import AppServices
        analyzer = AppServices(Path("/nonexistent-mindspace-bench")).text_analyzer()
        readings.append(("full", lambda t: analyzer.analyze(t).crisis.level != "none"))

    for path in args.files:
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        print(f"== {path.name}")
        for name, flagged in readings:
            per, errors = _count(rows, flagged, langs)
            for lang, (tp, nr, fp, ns) in sorted(per.items()):
                print(f"  {name:8s} [{lang}] recall {rate(tp, nr)}, FPR {rate(fp, ns)}")
            if args.errors and name == "patterns":
                for kind, lang, k, text in errors:
                    print(f"    {kind} [{lang}/{k}] {text}")


if __name__ == "__main__":
    main()
