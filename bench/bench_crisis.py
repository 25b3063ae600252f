"""Crisis-screen evaluation: recall on risk statements and false-positive rate, per split and
per category, on `tests/data/crisis_eval.jsonl`; also the time to scan a 1 MB document, a
document of 400 distinct development lines, and the learned layer for the other languages.

Usage: python bench/bench_crisis.py [--split dev|heldout|all] [--show-errors] [--patterns-only]
       python bench/bench_crisis.py --file PATH [--app] [--blind] [--patterns-only]
Each set is scored twice, side by side: the pattern screen alone and patterns + the learned
layer (``mindspace.ml.crisis_model``; skipped with a note when its files are missing); with
``--app`` a third time as ``analyze-text`` and the app compute it (adding the emotion-model
signals). Errors are listed for the last of these. It also prints the combined screen's
latency per entry.
A statement counts as flagged when the level is `concern` or `urgent`. Patterns are tuned on
the `dev` split only; `heldout` is for reporting. `--file` scores any JSONL file whose lines
have `text`, `category` and either `risk` (true/false, 1/0, "risk"/"safe") or `label`
("risk"/"safe"); its misses and false positives are printed unless `--blind` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
from cpuinfo import cpu_line  # noqa: E402

from mindspace.ml.crisis import CrisisDetector  # noqa: E402
from mindspace.ml.crisis_model import CrisisModel, ModelLayer  # noqa: E402
from mindspace.ml.text_analyzer import TextAnalyzer  # noqa: E402

EVAL = ROOT / "tests" / "data" / "crisis_eval.jsonl"


def load(split: str) -> list[dict]:
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split == "all" or r["split"] == split]


def _is_risk(row: dict) -> bool:
    value = row.get("risk", row.get("label"))
    if isinstance(value, str):
        return value.strip().lower() in ("risk", "true", "yes", "1", "concern", "urgent")
    return bool(value)


def load_file(path: Path) -> list[dict]:
    """Rows of a JSONL file normalised to the eval-set layout (``label``, ``category``)."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = json.loads(line)
        if "text" not in raw:
            raise SystemExit(f"{path}:{n}: no 'text' field")
        rows.append({"text": raw["text"], "label": "risk" if _is_risk(raw) else "safe",
                     "category": str(raw.get("category", "uncategorised"))})
    return rows


def evaluate(rows: list[dict], detector: CrisisDetector) -> dict:
    """{'recall', 'fpr', 'n_risk', 'n_safe', 'by_category': {cat: (flagged, n)}, 'errors'}."""
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tp = fp = n_risk = n_safe = 0
    errors = []
    for r in rows:
        res = detector.detect(r["text"])
        flagged = res.level != "none"
        by_cat[f"{r['label']}/{r['category']}"][0] += flagged
        by_cat[f"{r['label']}/{r['category']}"][1] += 1
        if r["label"] == "risk":
            n_risk += 1
            tp += flagged
            if not flagged:
                errors.append(("MISS", r, res))
        else:
            n_safe += 1
            fp += flagged
            if flagged:
                errors.append(("FP", r, res))
    return {
        "recall": tp / n_risk if n_risk else 0.0,
        "fpr": fp / n_safe if n_safe else 0.0,
        "n_risk": n_risk,
        "n_safe": n_safe,
        "by_category": {k: tuple(v) for k, v in sorted(by_cat.items())},
        "errors": errors,
    }


class AppScreen:
    """The crisis result exactly as ``analyze-text`` and the app compute it: patterns, the
    learned layer and the emotion-model signals (:func:`mindspace.ml.crisis.combine`)."""

    def __init__(self, detector: CrisisDetector) -> None:
        self.analyzer = TextAnalyzer(crisis=detector)

    def detect(self, text: str):  # noqa: ANN201 - same shape as CrisisDetector.detect
        return self.analyzer.analyze(text).crisis


def _report(name: str, res_p: dict, res_c: dict | None, show_errors: bool,
            res_a: dict | None = None) -> None:
    line = (f"== {name}: patterns recall {res_p['recall']:.3f} FPR {res_p['fpr']:.3f}")
    if res_c is not None:
        line += f" | combined recall {res_c['recall']:.3f} FPR {res_c['fpr']:.3f}"
    if res_a is not None:
        line += f" | app recall {res_a['recall']:.3f} FPR {res_a['fpr']:.3f}"
    print(line + f"  ({res_p['n_risk']} risk, {res_p['n_safe']} safe)")
    for cat, (flagged, n) in res_p["by_category"].items():
        what = "recall" if cat.startswith("risk/") else "FP rate"
        cells = f"patterns {flagged / n:.2f} ({flagged}/{n})"
        if res_c is not None:
            fc = res_c["by_category"][cat][0]
            cells += f"  combined {fc / n:.2f} ({fc}/{n})"
        print(f"   {cat:28s} {what:8s} {cells}")
    if show_errors:
        for kind, row, out in (res_a or res_c or res_p)["errors"]:
            print(f"   {kind:4s} [{row['category']}] {row['text']!r} -> {out.level} "
                  f"{out.reasons} {list(out.ignored)}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="both", choices=["dev", "heldout", "all", "both"])
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--patterns-only", action="store_true", help="skip the learned layer")
    ap.add_argument("--file", type=Path, help="score this JSONL file instead of the eval set")
    ap.add_argument("--app", action="store_true",
                    help="also score the app's full path (patterns + learned layer + emotion "
                    "signals), as analyze-text prints it")
    ap.add_argument("--blind", action="store_true",
                    help="with --file: print the figures only, never the statements (for a "
                    "held-out set that must stay unseen by whoever tunes the screen)")
    args = ap.parse_args()
    print(cpu_line())
    det = CrisisDetector()
    combined: CrisisDetector | None = None
    if not args.patterns_only:
        t0 = time.perf_counter()
        try:
            model = CrisisModel.load()
        except Exception as exc:  # noqa: BLE001 - report and continue with patterns only
            print(f"learned layer unavailable, patterns only: {exc}")
        else:
            print(f"learned layer {model.model_id}: loaded in {time.perf_counter() - t0:.2f} s, "
                  f"threshold {model.threshold:.2f}")
            combined = CrisisDetector(model=ModelLayer(lambda: model))
    if args.file is not None:
        if not args.file.is_file():
            print(f"no such file: {args.file}", file=sys.stderr)
            return 2
        batches = [(str(args.file), load_file(args.file))]
        args.show_errors = not args.blind
    else:
        splits = ["dev", "heldout"] if args.split == "both" else [args.split]
        batches = [(split, load(split)) for split in splits]
    app = AppScreen(combined) if combined is not None and args.app else None
    for split, rows in batches:
        res_c = evaluate(rows, combined) if combined is not None else None
        res_a = evaluate(rows, app) if app is not None else None  # type: ignore[arg-type]
        _report(split, evaluate(rows, det), res_c, args.show_errors, res_a)
    if args.blind:
        return 0
    if combined is not None:
        rows = batches[0][1]
        times = []
        for r in rows:
            t0 = time.perf_counter()
            combined.detect(r["text"])
            times.append(time.perf_counter() - t0)
        times.sort()
        med, p95 = times[len(times) // 2], times[int(0.95 * len(times))]
        print(f"combined latency per entry ({len(times)} entries): median "
              f"{1000 * med:.1f} ms, p95 {1000 * p95:.1f} ms")
        entry = " ".join(["I went for a walk and then I made dinner for the kids."] * 20)
        t0 = time.perf_counter()
        combined.detect(entry)
        print(f"combined, one 20-sentence entry: {1000 * (time.perf_counter() - t0):.0f} ms")
    doc = ("Today was long. I went to the shops and then I made dinner for the kids. " * 14000)
    doc = doc[:1_000_000]
    for name, d in (("patterns", det), ("combined", combined)):
        if d is None:
            continue
        t0 = time.perf_counter()
        d.detect(doc + " I want to end my life.")
        print(f"{name}: scan of a 1 MB document: {time.perf_counter() - t0:.2f} s")
    _development_lines(det)
    return 0


def _development_lines(det: CrisisDetector) -> None:
    """A long document of distinct lines (the first 400 development lines, every language):
    CPU time of the pattern screen; and the learned layer for Spanish, French, German and
    Portuguese on each development line in those languages, alone."""
    rows = [json.loads(x) for f in sorted((ROOT / "tests" / "data" / "crisis-dev").glob("*.jsonl"))
            for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    doc = " ".join(r["text"] for r in rows[:400])
    t0 = time.process_time()
    det.detect(doc)
    print(f"patterns: a {len(doc) // 1000} kB document of 400 distinct development lines: "
          f"{time.process_time() - t0:.2f} s CPU")
    try:
        from mindspace.ml.crisis_intl import IntlCrisisModel

        intl = IntlCrisisModel.load()
    except Exception as exc:  # noqa: BLE001 - an older tree or missing files: report, go on
        print(f"learned layer for es/fr/de/pt unavailable: {exc}")
        return
    texts = [r["text"] for r in rows if r.get("language", "en") != "en"]
    per_line, per_100 = [], []
    for text in texts:
        t0 = time.perf_counter()
        intl.score_units([text])
        spent = time.perf_counter() - t0
        per_line.append(spent)
        per_100.append(spent * 100 / max(1, len(text.split())))
    per_line.sort()
    per_100.sort()
    print(f"{intl.model_id}: {len(texts)} lines, median {1000 * per_line[len(texts) // 2]:.2f} "
          f"ms per line, {1000 * per_100[len(texts) // 2]:.2f} ms per 100 words")


if __name__ == "__main__":
    raise SystemExit(main())
