#!/usr/bin/env python3
"""Promote a trained candidate to a shipped model, only if it is at least as good on every gate.

    .venv/bin/python scripts/promote_model.py RUN_DIR_OR_ID MODEL [--sets DIR] [--dry-run]

* RUN_DIR_OR_ID: a folder holding the candidate's files and ``candidate.json``
  (``{"version", "files": {role: file name}, ...}``), or the id of an MLflow run in ``mlruns/``
  whose artifacts hold the same.
* The candidate and the shipped model are re-evaluated side by side on the same gated sets (every
  ``*.jsonl`` in ``--sets``, default ``models/<MODEL>/gates/``), with the evaluator of the
  model's kind (:data:`EVALUATORS`). Gates per model are in :data:`GATES` and
  docs/model-ops.md: each metric must be no worse than the shipped model's on every set, size
  no more than 10 % larger and latency no more than 20 % slower.
* Refused: prints the failing gates and exits 1; nothing is written. Accepted: copies the files to
  ``models/<MODEL>/``, rewrites the manifest entry (sha256, size, version, figures, ``run``) and
  the "Promotion" section of the model card; exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SIZE_MARGIN = 1.10  # candidate size <= shipped x 1.10
LATENCY_MARGIN = 1.20  # candidate latency <= shipped x 1.20

# metric -> "higher" (must not fall) or "lower" (must not rise), per model
GATES: dict[str, dict[str, str]] = {
    "crisis-classifier": {"recall": "higher", "fpr": "lower"},
    "text-emotion": {"macro_f1": "higher"},
    "whisper-tiny-en": {"wer": "lower"},
}
DEFAULT_GATES = {"recall": "higher", "fpr": "lower", "macro_f1": "higher"}

Evaluator = Callable[[Path, dict[str, Any], Path], dict[str, float]]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def eval_linear_json(folder: Path, files: dict[str, Any], gate_set: Path) -> dict[str, float]:
    """A linear classifier stored as JSON (``{"w": [...], "b": x, "threshold": t}``) on rows
    ``{"x": [...], "y": 0|1}``: recall, false-positive rate, macro-F1."""
    weights = json.loads((folder / files["model"]).read_text(encoding="utf-8"))
    rows = _read_jsonl(gate_set)
    x = np.array([r["x"] for r in rows], dtype=np.float64)
    y = np.array([int(r["y"]) for r in rows])
    p = 1 / (1 + np.exp(-(x @ np.array(weights["w"]) + float(weights["b"]))))
    pred = (p >= float(weights.get("threshold", 0.5))).astype(int)
    tp, fp = int(((pred == 1) & (y == 1)).sum()), int(((pred == 1) & (y == 0)).sum())
    fn, tn = int(((pred == 0) & (y == 1)).sum()), int(((pred == 0) & (y == 0)).sum())

    def f1(tp_: int, fp_: int, fn_: int) -> float:
        return 2 * tp_ / (2 * tp_ + fp_ + fn_) if tp_ + fp_ + fn_ else 1.0

    return {"recall": tp / max(tp + fn, 1), "fpr": fp / max(fp + tn, 1),
            "macro_f1": (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2}


EVALUATORS: dict[str, Evaluator] = {
    "logistic-regression-json": eval_linear_json,
    "linear-json": eval_linear_json,
}


@dataclass
class Side:
    folder: Path
    files: dict[str, str]
    figures: dict[str, dict[str, float]]
    size: int
    latency_ms: float


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def evaluate(kind: str, folder: Path, files: dict[str, str], sets: list[Path]) -> Side:
    evaluator = EVALUATORS.get(kind)
    if evaluator is None:
        raise SystemExit(f"no evaluator for model kind {kind!r}; add one to EVALUATORS")
    figures: dict[str, dict[str, float]] = {}
    t0 = time.perf_counter()
    for gate_set in sets:
        figures[gate_set.stem] = evaluator(folder, files, gate_set)
    latency = (time.perf_counter() - t0) * 1000 / max(len(sets), 1)
    size = sum((folder / f).stat().st_size for f in files.values())
    return Side(folder, files, figures, size, latency)


def gate(model: str, shipped: Side, candidate: Side) -> list[str]:
    """The gates the candidate fails (empty: promote)."""
    rules = GATES.get(model, DEFAULT_GATES)
    failures = []
    for set_name, ship_metrics in shipped.figures.items():
        cand = candidate.figures[set_name]
        for metric, direction in rules.items():
            if metric not in ship_metrics:
                continue
            a, b = cand[metric], ship_metrics[metric]
            if (direction == "higher" and a < b) or (direction == "lower" and a > b):
                failures.append(f"{set_name} {metric}: candidate {a:.4f} vs shipped {b:.4f}")
    if candidate.size > shipped.size * SIZE_MARGIN:
        failures.append(f"size: candidate {candidate.size} B > shipped {shipped.size} B + 10 %")
    if candidate.latency_ms > max(shipped.latency_ms * LATENCY_MARGIN, shipped.latency_ms + 5):
        failures.append(f"latency: candidate {candidate.latency_ms:.1f} ms vs shipped "
                        f"{shipped.latency_ms:.1f} ms + 20 %")
    return failures


def resolve_candidate(ref: str, mlruns: Path) -> Path:
    path = Path(ref)
    if path.is_dir():
        return path
    for hit in mlruns.glob(f"*/{ref}/artifacts"):
        return hit
    raise SystemExit(f"{ref} is neither a folder nor a run id in {mlruns}")


def card_section(model: str, run: str, shipped: Side, candidate: Side) -> str:
    lines = ["## Promotion", "", f"Promoted from run `{run}` by `scripts/promote_model.py`; "
             "gated sets re-evaluated side by side:", "",
             "| set | metric | previous | promoted |", "| --- | --- | ---: | ---: |"]
    for set_name, metrics in candidate.figures.items():
        for metric, value in metrics.items():
            lines.append(f"| {set_name} | {metric} | {shipped.figures[set_name][metric]:.4f} | "
                         f"{value:.4f} |")
    lines += ["", f"Size {shipped.size} B -> {candidate.size} B.", ""]
    return "\n".join(lines)


def promote(candidate_ref: str, model: str, models_dir: Path, sets_dir: Path | None = None,
            mlruns: Path | None = None, dry_run: bool = False) -> tuple[bool, list[str]]:
    manifest_path = models_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    entry = next((e for e in manifest["models"] if e["name"] == model), None)
    if entry is None:
        raise SystemExit(f"model {model} is not in {manifest_path}")
    folder = resolve_candidate(candidate_ref, mlruns or REPO / "mlruns")
    spec = json.loads((folder / "candidate.json").read_text(encoding="utf-8"))
    sets = sorted((sets_dir or models_dir / model / "gates").glob("*.jsonl"))
    if not sets:
        raise SystemExit("no gated sets found: refusing to promote without evaluation")
    shipped_files = {role: f["path"] for role, f in entry["files"].items()}
    shipped = evaluate(entry["kind"], models_dir, shipped_files, sets)
    candidate = evaluate(entry["kind"], folder, spec["files"], sets)
    failures = gate(model, shipped, candidate)
    if failures or dry_run:
        return not failures, failures
    target = models_dir / model
    target.mkdir(parents=True, exist_ok=True)
    files = {}
    for role, name in spec["files"].items():
        shutil.copyfile(folder / name, target / Path(name).name)
        rel = f"{model}/{Path(name).name}"
        files[role] = {"path": rel, "sha256": sha256(models_dir / rel),
                       "size": (models_dir / rel).stat().st_size}
    entry.update({"files": files, "path": files["model"]["path"],
                  "sha256": files["model"]["sha256"], "size": files["model"]["size"],
                  "version": str(spec.get("version", entry["version"])),
                  "run": str(spec.get("run", candidate_ref)), "figures": candidate.figures})
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    card = target / "MODEL_CARD.md"
    text = card.read_text(encoding="utf-8") if card.exists() else f"# {model}\n"
    text = text.split("## Promotion")[0].rstrip() + "\n\n"
    card.write_text(text + card_section(model, entry["run"], shipped, candidate),
                    encoding="utf-8")
    return True, []


def main() -> int:
    ap = argparse.ArgumentParser(description="promote a candidate model if it passes every gate")
    ap.add_argument("candidate", help="candidate folder or MLflow run id")
    ap.add_argument("model")
    ap.add_argument("--models-dir", type=Path, default=REPO / "models")
    ap.add_argument("--sets", type=Path, default=None)
    ap.add_argument("--mlruns", type=Path, default=REPO / "mlruns")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    ok, failures = promote(args.candidate, args.model, args.models_dir, args.sets, args.mlruns,
                           args.dry_run)
    for line in failures:
        print(f"gate failed: {line}")
    print("promoted" if ok and not args.dry_run else ("passes every gate" if ok else "refused"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
