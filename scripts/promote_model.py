#!/usr/bin/env python3
"""Promote a trained candidate to a shipped model, only if it is at least as good on every gate.

    .venv/bin/python scripts/promote_model.py RUN_DIR_OR_ID MODEL [--models-dir DIR] [--sets DIR]
                                              [--mlruns DIR] [--dry-run]
                                              [--accept-larger REASON]

* RUN_DIR_OR_ID: a folder holding the candidate's files and ``candidate.json``
  (``{"version", "run", "files": {role: file name}, ...}``), or the id of an MLflow run in
  ``mlruns/`` whose artifacts hold the same (``scripts/train_companion_intent.py --out`` writes
  both).
* Gated sets (``--sets``, default ``models/<MODEL>/gates/``): every small committed ``*.jsonl``
  file there, plus the named paths listed in its ``sets.json`` (``{"sets": [{"name", "path",
  "format", "split", "every", "optional"}]}``; a relative path is relative to the repository).
  An ``optional`` set whose file is absent (e.g. the shared GoEmotions data) is skipped with a
  note; with no set left the promotion is refused.
* The candidate and the shipped model are re-evaluated side by side on the same sets with the
  evaluator of the model's kind (:data:`EVALUATORS`). Gates per model (:data:`GATES`,
  docs/model-ops.md): every gated metric no worse than the shipped model's on every set (equal
  passes), size at most 10 % larger and latency per item at most 20 % (or 5 ms) slower.
  ``--accept-larger REASON`` waives the size gate only (e.g. a head with another architecture);
  the reason is printed and written into the model card's Promotion section.
* Refused: prints the failing gates and exits 1; nothing is written. Accepted: copies the files to
  ``models/<MODEL>/``, rewrites the manifest entry (files, sha256, size, version, figures, the
  ``run`` it came from) and the "Promotion" section of the model card; exits 0.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from gate_metrics import binary, multi_label, read_jsonl, single_label  # noqa: E402

SIZE_MARGIN = 1.10  # candidate size <= shipped x 1.10
LATENCY_MARGIN = 1.20  # candidate latency <= max(shipped x 1.20, shipped + 5 ms)
LATENCY_SLACK_MS = 5.0
DOWNLOAD_PREFIX = "promotion-candidate-"

# metric -> "higher" (must not fall) or "lower" (must not rise), per model
GATES: dict[str, dict[str, str]] = {
    "crisis-classifier": {"recall": "higher", "fpr": "lower"},
    "text-emotion": {"macro_f1": "higher"},
    "companion-intent": {"accuracy": "higher", "macro_f1": "higher"},
    "whisper-tiny-en": {"wer": "lower"},
}
DEFAULT_GATES = {"recall": "higher", "fpr": "lower", "macro_f1": "higher"}


@dataclass(frozen=True)
class GateSet:
    name: str
    path: Path
    format: str = "jsonl"
    split: str | None = None  # keep only rows whose "split" field has this value
    every: int = 1  # keep every n-th row (deterministic subsample of a large set)


@dataclass
class EvalContext:
    """What both sides share: the models folder (for required models such as the sentence
    encoder) and caches that never hold anything model-specific to the side being timed."""

    models_dir: Path
    entry: dict[str, Any]
    cache: dict[Any, Any] = field(default_factory=dict)


# figures, median latency in ms per item (the model's own work, timed by the evaluator)
Evaluator = Callable[[Path, dict[str, Any], GateSet, EvalContext], tuple[dict[str, float], float]]


def _timed(fn: Callable[[Any], Any], items: list[Any]) -> tuple[list[Any], float]:
    """``fn`` on every item; (results, median milliseconds per item: robust to a busy CPU)."""
    out, times = [], []
    for item in items:
        t0 = time.perf_counter()
        out.append(fn(item))
        times.append((time.perf_counter() - t0) * 1000)
    return out, float(np.median(times)) if times else 0.0


def _rows(gate_set: GateSet) -> list[dict[str, Any]]:
    rows = read_jsonl(gate_set.path)
    if gate_set.split is not None:
        rows = [r for r in rows if r.get("split") == gate_set.split]
    return rows[:: max(gate_set.every, 1)]


# ---- stand-in: a linear classifier stored as JSON -------------------------------------------

def eval_linear_json(folder: Path, spec: dict[str, Any], gate_set: GateSet,
                     ctx: EvalContext) -> tuple[dict[str, float], float]:
    """``{"w": [...], "b": x, "threshold": t}`` on rows ``{"x": [...], "y": 0|1}``: recall,
    false-positive rate, macro-F1 (tests use it with tiny generated models)."""
    weights = json.loads((folder / spec["files"]["model"]).read_text(encoding="utf-8"))
    rows = _rows(gate_set)
    x = np.array([r["x"] for r in rows], dtype=np.float64)
    y = np.array([int(r["y"]) for r in rows])
    t0 = time.perf_counter()
    p = 1 / (1 + np.exp(-(x @ np.array(weights["w"]) + float(weights["b"]))))
    pred = (p >= float(weights.get("threshold", 0.5))).astype(int)
    latency = (time.perf_counter() - t0) * 1000 / max(len(rows), 1)
    figures = binary(y.tolist(), pred.tolist())
    tp, fp = int(((pred == 1) & (y == 1)).sum()), int(((pred == 1) & (y == 0)).sum())
    fn, tn = int(((pred == 0) & (y == 1)).sum()), int(((pred == 0) & (y == 0)).sum())

    def f1(tp_: int, fp_: int, fn_: int) -> float:
        return 2 * tp_ / (2 * tp_ + fp_ + fn_) if tp_ + fp_ + fn_ else 1.0

    figures["macro_f1"] = round((f1(tp, fp, fn) + f1(tn, fn, fp)) / 2, 4)
    return figures, latency


# ---- models on the shipped sentence encoder --------------------------------------------------

def _encoder(ctx: EvalContext) -> Any:
    """The shipped sentence encoder (verified), loaded once for both sides."""
    if "encoder" not in ctx.cache:
        from mindspace.ml.crisis_model import ENCODER_NAME, SentenceEncoder
        from mindspace.ml.registry import ModelRegistry

        registry = ModelRegistry(ctx.models_dir)
        entry = registry.get(ENCODER_NAME)
        ctx.cache["encoder"] = SentenceEncoder.from_files(
            registry.verify(entry), entry.file_path("tokenizer"), entry.model_id, threads=1)
    return ctx.cache["encoder"]


def eval_companion_intent(folder: Path, spec: dict[str, Any], gate_set: GateSet,
                          ctx: EvalContext) -> tuple[dict[str, float], float]:
    """Softmax head on sentence-encoder embeddings, on rows ``{"text", "label"}``: accuracy and
    macro-F1. The embeddings are the shared encoder's (computed once for both sides); latency
    is the head's own time per message."""
    from mindspace.ml.intent import SoftmaxHead, prepare

    head = SoftmaxHead.from_file(folder / spec["files"]["model"], "candidate")
    rows = _rows(gate_set)
    key = ("embeddings", gate_set)
    if key not in ctx.cache:
        ctx.cache[key] = _encoder(ctx).embed_many([prepare(str(r["text"])) for r in rows])
    x = ctx.cache[key]
    pred, latency = _timed(lambda v: head.labels[int(np.argmax(head.probabilities(v)))], list(x))
    return single_label([str(r["label"]) for r in rows], pred), latency


def _is_risk(row: dict[str, Any]) -> int:
    label = row.get("label", row.get("risk"))
    return int(label in ("risk", True, 1, "true"))


def eval_crisis_classifier(folder: Path, spec: dict[str, Any], gate_set: GateSet,
                           ctx: EvalContext) -> tuple[dict[str, float], float]:
    """The crisis screen as the app runs it (patterns + this learned layer) on statements with
    ``label`` risk/safe: recall and false-positive rate, flagged = ``concern`` or ``urgent``.
    A candidate may bring its own encoder (files ``encoder`` + ``tokenizer``); otherwise the
    shipped sentence encoder is used. Latency: the whole screen per statement."""
    from mindspace.ml.crisis import CrisisDetector
    from mindspace.ml.crisis_model import CrisisModel, LinearHead, ModelLayer, SentenceEncoder

    files = spec["files"]
    if "encoder" in files:
        encoder = SentenceEncoder.from_files(folder / files["encoder"], folder / files["tokenizer"],
                                             "candidate-encoder", threads=1)
    else:
        encoder = _encoder(ctx)
    model = CrisisModel(encoder, LinearHead.from_file(folder / files["model"], "candidate"))
    detector = CrisisDetector(model=ModelLayer(lambda: model))
    rows = _rows(gate_set)
    if rows:
        detector.detect(str(rows[0]["text"]))  # warm up (lazy loading) before timing
    flagged, latency = _timed(lambda r: int(detector.detect(str(r["text"])).level != "none"),
                              rows)
    return binary([_is_risk(r) for r in rows], flagged), latency


# ---- text emotion (int8 ONNX) ----------------------------------------------------------------

def _goemotions_rows(gate_set: GateSet) -> tuple[list[str], np.ndarray]:
    """GoEmotions Ekman ``<split>.tsv`` (text, comma-separated label ids, id) with ``labels.txt``
    beside it; columns in the app's label order."""
    from mindspace.ml.emotion_model import EKMAN_LABELS

    names = (gate_set.path.parent / "labels.txt").read_text(encoding="utf-8").split()
    lines = [ln.split("\t") for ln in gate_set.path.read_text(encoding="utf-8").splitlines()
             if ln.strip()][:: max(gate_set.every, 1)]
    y = np.zeros((len(lines), len(EKMAN_LABELS)), dtype=int)
    for i, cols in enumerate(lines):
        for lid in cols[1].split(","):
            y[i, EKMAN_LABELS.index(names[int(lid)])] = 1
    return [cols[0] for cols in lines], y


def eval_text_emotion(folder: Path, spec: dict[str, Any], gate_set: GateSet,
                      ctx: EvalContext) -> tuple[dict[str, float], float]:
    """The app's :class:`EmotionModel` (same windowing) with the side's thresholds
    (``candidate.json`` ``thresholds``, else the shipped ones): macro-F1 over the 7 labels and
    F1 per label. Latency: inference per text."""
    from mindspace.ml.emotion_model import EKMAN_LABELS, EmotionModel
    from mindspace.ml.registry import ModelRegistry

    shipped = ModelRegistry(ctx.models_dir).get("text-emotion")
    thresholds = {k: float(v) for k, v in spec.get("thresholds", shipped.thresholds).items()}
    entry = dataclasses.replace(shipped, thresholds=thresholds)
    model = EmotionModel.from_files(folder / spec["files"]["model"],
                                    folder / spec["files"]["tokenizer"], entry, threads=1)
    if gate_set.format == "goemotions-tsv":
        texts, y = _goemotions_rows(gate_set)
    else:
        rows = _rows(gate_set)
        texts = [str(r["text"]) for r in rows]
        y = np.array([[int(lab in r["labels"]) for lab in EKMAN_LABELS] for r in rows])
    model.predict(texts[:1])  # warm up before timing
    preds, latency = _timed(lambda t: model.predict([t])[0], texts)
    thr = np.array([thresholds[lab] for lab in EKMAN_LABELS])
    probs = np.array([[p.probabilities[lab] for lab in EKMAN_LABELS] for p in preds])
    return multi_label(y, (probs >= thr).astype(int), EKMAN_LABELS), latency


EVALUATORS: dict[str, Evaluator] = {
    "linear-json": eval_linear_json,
    "softmax-regression-json": eval_companion_intent,
    "logistic-regression-json": eval_crisis_classifier,
    "onnx": eval_text_emotion,
}


# ---- gated sets ------------------------------------------------------------------------------

def gate_sets(folder: Path) -> tuple[list[GateSet], list[str]]:
    """(sets to evaluate, notes on optional sets skipped) from ``folder``."""
    sets = [GateSet(p.stem, p) for p in sorted(folder.glob("*.jsonl"))]
    notes: list[str] = []
    spec_path = folder / "sets.json"
    if spec_path.exists():
        for item in json.loads(spec_path.read_text(encoding="utf-8"))["sets"]:
            path = Path(item["path"]).expanduser()
            path = path if path.is_absolute() else (REPO / path).resolve()
            if not path.exists():
                if item.get("optional"):
                    notes.append(f"skipped {item['name']}: {path} is not available")
                    continue
                raise SystemExit(f"gated set {item['name']}: {path} does not exist")
            sets.append(GateSet(item["name"], path, item.get("format", "jsonl"),
                                item.get("split"), int(item.get("every", 1))))
    return sets, notes


# ---- side-by-side evaluation and the gates ---------------------------------------------------

@dataclass
class Side:
    folder: Path
    files: dict[str, str]
    figures: dict[str, dict[str, float]]
    size: int
    latency_ms: float


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def evaluate(kind: str, folder: Path, spec: dict[str, Any], sets: list[GateSet],
             ctx: EvalContext) -> Side:
    evaluator = EVALUATORS.get(kind)
    if evaluator is None:
        raise SystemExit(f"no evaluator for model kind {kind!r}; add one to EVALUATORS")
    figures: dict[str, dict[str, float]] = {}
    latencies = []
    for gate_set in sets:
        figures[gate_set.name], latency = evaluator(folder, spec, gate_set, ctx)
        latencies.append(latency)
    size = sum((folder / f).stat().st_size for f in spec["files"].values())
    return Side(folder, dict(spec["files"]), figures, size, float(np.mean(latencies)))


def oversize(shipped: Side, candidate: Side) -> bool:
    return candidate.size > shipped.size * SIZE_MARGIN


def gate(model: str, shipped: Side, candidate: Side, accept_larger: bool = False) -> list[str]:
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
    if oversize(shipped, candidate) and not accept_larger:
        failures.append(f"size: candidate {candidate.size} B > shipped {shipped.size} B + 10 %")
    limit = max(shipped.latency_ms * LATENCY_MARGIN, shipped.latency_ms + LATENCY_SLACK_MS)
    if candidate.latency_ms > limit:
        failures.append(f"latency: candidate {candidate.latency_ms:.2f} ms vs shipped "
                        f"{shipped.latency_ms:.2f} ms (limit {limit:.2f} ms)")
    return failures


def resolve_candidate(ref: str, mlruns: Path) -> Path:
    """A candidate folder, or the artifacts of MLflow run ``ref`` in ``mlruns``."""
    path = Path(ref)
    if path.is_dir():
        return path
    try:
        import mlflow
    except ImportError:
        raise SystemExit(f"{ref} is not a folder, and MLflow (train extra) is not installed to "
                         f"look it up as a run id in {mlruns}") from None
    from run_tracking import tracking_uri

    try:
        return Path(mlflow.artifacts.download_artifacts(
            run_id=ref, tracking_uri=tracking_uri(mlruns),
            dst_path=tempfile.mkdtemp(prefix=DOWNLOAD_PREFIX)))
    except Exception as exc:  # noqa: BLE001 - any MLflow failure means "not found"
        raise SystemExit(f"{ref} is neither a folder nor a run id in {mlruns}: {exc}") from None


def card_section(model: str, run: str, shipped: Side, candidate: Side,
                 notes: list[str], accept_larger: str | None = None) -> str:
    rules = GATES.get(model, DEFAULT_GATES)
    gates = ", ".join(f"{m} {'>=' if d == 'higher' else '<='} shipped" for m, d in rules.items())
    lines = ["## Promotion", "", f"Promoted from run `{run}` by `scripts/promote_model.py`; "
             f"gated sets re-evaluated side by side (gates: {gates} on every set; size <= "
             f"shipped x {SIZE_MARGIN:.2f}; latency <= max(shipped x {LATENCY_MARGIN:.2f}, "
             f"shipped + {LATENCY_SLACK_MS:.0f} ms)):", "",
             "| set | metric | previous | promoted |", "| --- | --- | ---: | ---: |"]
    for set_name, metrics in candidate.figures.items():
        for metric, value in metrics.items():
            fmt = "{:.0f}" if metric == "n" or metric.startswith("n_") else "{:.4f}"
            lines.append(f"| {set_name} | {metric} | "
                         f"{fmt.format(shipped.figures[set_name][metric])} | {fmt.format(value)} |")
    lines += ["", f"Size {shipped.size} B -> {candidate.size} B; latency per item "
              f"{shipped.latency_ms:.2f} ms -> {candidate.latency_ms:.2f} ms."
              + (f" Size gate waived: {accept_larger}." if accept_larger else ""), ""]
    lines += [f"Note: {n}." for n in notes] + ([""] if notes else [])
    return "\n".join(lines)


def promote(candidate_ref: str, model: str, models_dir: Path, sets_dir: Path | None = None,
            mlruns: Path | None = None, dry_run: bool = False,
            report: Callable[[str], None] | None = None,
            accept_larger: str | None = None) -> tuple[bool, list[str]]:
    manifest_path = models_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    entry = next((e for e in manifest["models"] if e["name"] == model), None)
    if entry is None:
        raise SystemExit(f"model {model} is not in {manifest_path}")
    sets, notes = gate_sets(sets_dir or models_dir / model / "gates")
    for note in notes:
        (report or print)(note)
    if not sets:
        raise SystemExit("no gated sets found: refusing to promote without evaluation")
    folder = resolve_candidate(candidate_ref, mlruns or REPO / "mlruns")
    try:
        return _promote(folder, candidate_ref, model, models_dir, manifest_path, manifest, entry,
                        sets, notes, dry_run, report, accept_larger)
    finally:
        if folder.name.startswith(DOWNLOAD_PREFIX) and folder.parent == Path(tempfile.gettempdir()):
            shutil.rmtree(folder, ignore_errors=True)


def _promote(folder: Path, candidate_ref: str, model: str, models_dir: Path,
             manifest_path: Path, manifest: dict[str, Any], entry: dict[str, Any],
             sets: list[GateSet], notes: list[str], dry_run: bool,
             report: Callable[[str], None] | None,
             accept_larger: str | None = None) -> tuple[bool, list[str]]:
    spec = json.loads((folder / "candidate.json").read_text(encoding="utf-8"))
    shipped_spec = {**{k: v for k, v in entry.items() if k in ("thresholds",)},
                    "files": {role: f["path"] for role, f in entry["files"].items()}}
    ctx = EvalContext(models_dir, entry)
    shipped = evaluate(entry["kind"], models_dir, shipped_spec, sets, ctx)
    candidate = evaluate(entry["kind"], folder, spec, sets, ctx)
    if report is not None:
        for set_name, metrics in candidate.figures.items():
            report(f"{set_name}: " + ", ".join(
                f"{m} {shipped.figures[set_name][m]:.4f} -> {v:.4f}" for m, v in metrics.items()
                if not m.startswith("n")))
        report(f"size {shipped.size} -> {candidate.size} B; latency "
               f"{shipped.latency_ms:.2f} -> {candidate.latency_ms:.2f} ms per item")
    failures = gate(model, shipped, candidate, bool(accept_larger))
    if accept_larger and oversize(shipped, candidate) and report is not None:
        report(f"size gate waived: {accept_larger}")
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
                  "run": str(spec.get("run") or candidate_ref),
                  "figures": {**spec.get("figures", {}), **candidate.figures}})
    for key in ("metrics", "thresholds", "labels"):
        if key in spec:
            entry[key] = spec[key]
    tmp = manifest_path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(manifest_path)
    card = target / "MODEL_CARD.md"
    text = card.read_text(encoding="utf-8") if card.exists() else f"# {model}\n"
    text = text.split("## Promotion")[0].rstrip() + "\n\n"
    card.write_text(text + card_section(model, entry["run"], shipped, candidate, notes,
                                        accept_larger), encoding="utf-8")
    return True, []


def main() -> int:
    ap = argparse.ArgumentParser(description="promote a candidate model if it passes every gate")
    ap.add_argument("candidate", help="candidate folder or MLflow run id")
    ap.add_argument("model")
    ap.add_argument("--models-dir", type=Path, default=REPO / "models")
    ap.add_argument("--sets", type=Path, default=None)
    ap.add_argument("--mlruns", type=Path, default=REPO / "mlruns")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--accept-larger", metavar="REASON",
                    help="waive the size gate (only that one), giving the reason for the card")
    args = ap.parse_args()
    ok, failures = promote(args.candidate, args.model, args.models_dir, args.sets, args.mlruns,
                           args.dry_run, report=print, accept_larger=args.accept_larger)
    for line in failures:
        print(f"gate failed: {line}")
    print("promoted" if ok and not args.dry_run else ("passes every gate" if ok else "refused"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
