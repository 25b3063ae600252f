"""Crisis screen on development sets, per language: recall and false-positive rate with Wilson
95 % intervals, as the app computes the level (patterns, learned layer, emotion signals), and
the learned layer's calibration (ECE, 10 equal-width bins) on English lines.

Usage: python bench/bench_crisis_dev.py FILE [FILE ...] [--errors] [--patterns-only]
       [--lang es,fr,de,pt]
Each FILE is JSONL with ``text``, ``label`` ("risk"/"safe"), ``language`` and optional ``kind``.
``--errors`` lists misses and false alarms (only for development data, never a blind set);
``--patterns-only`` scores the instant pattern screen alone (the floor for es/fr/de/pt);
``--lang`` keeps only the lines in those languages.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_text_blind import rate  # noqa: E402


def ece_table(calib: list[tuple[float, int]]) -> tuple[float, list[tuple[int, float, float, int]]]:
    rows = []
    ece = 0.0
    for b in range(10):
        inside = [(p, y) for p, y in calib if b / 10 <= p < (b + 1) / 10 or (b == 9 and p == 1)]
        if not inside:
            continue
        mean = sum(p for p, _ in inside) / len(inside)
        obs = sum(y for _, y in inside) / len(inside)
        rows.append((b, mean, obs, len(inside)))
        ece += len(inside) / len(calib) * abs(mean - obs)
    return ece, rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--patterns-only", action="store_true")
    ap.add_argument("--lang", help="comma-separated languages to keep, e.g. es,fr,de,pt")
    args = ap.parse_args()
    from mindspace.ml.crisis import CrisisDetector
    from mindspace.ml.crisis_model import CrisisModel

    model = CrisisModel.load()
    if args.patterns_only:
        detect = CrisisDetector().detect
    else:
        from mindspace.app import AppServices
        analyzer = AppServices(Path("/nonexistent-mindspace-bench")).text_analyzer()

        def detect(text: str):  # type: ignore[no-untyped-def]
            return analyzer.analyze(text).crisis
    for path in args.files:
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        if args.lang:
            rows = [r for r in rows if r.get("language", "en") in args.lang.split(",")]
        per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        calib: list[tuple[float, int]] = []
        errors = []
        for r in rows:
            res = detect(r["text"])
            flagged = res.level != "none"
            risk = r["label"] == "risk"
            lang = r.get("language", "en")
            c = per[lang]
            if risk:
                c[0] += flagged
                c[1] += 1
            else:
                c[2] += flagged
                c[3] += 1
            if risk != flagged:
                errors.append(("MISS" if risk else "FP  ", lang, r.get("kind", ""), r["text"],
                               res.reasons))
            if lang == "en":
                calib.append((model.score_units([r["text"]])[0], int(risk)))
        print(f"== {path.name}")
        for lang, (tp, nr, fp, ns) in sorted(per.items()):
            print(f"  [{lang}] recall {rate(tp, nr)}, FPR {rate(fp, ns)}")
        ece, table = ece_table(calib)
        high = [y for p, y in calib if p >= 0.99]
        print(f"  learned layer (en): ECE {ece:.3f}; {len(high)} lines >= 0.99 ({sum(high)} risk)")
        for b, mean, obs, n in table:
            print(f"    bin {b / 10:.1f}-{(b + 1) / 10:.1f}: mean p {mean:.2f}, "
                  f"risk share {obs:.2f}"
                  f", n={n}")
        if args.errors:
            for kind, lang, k, text, reasons in errors:
                print(f"  {kind} [{lang}/{k}] {text}  {reasons[:2]}")


if __name__ == "__main__":
    main()
