#!/usr/bin/env python3
"""Calibrate the learned crisis layer's probabilities (``models/crisis-classifier``) without
changing which entries it flags near its data.

    .venv/bin/python scripts/calibrate_crisis_classifier.py [--extra FILE ...] [--write]

1. Temperature and bias scaling: ``p = sigmoid((w . x + b) / T + c)``, with ``T`` and ``c``
   fitted by grid search on the negative log-likelihood of held-out statements the head was
   not trained on: the ``heldout`` split of ``tests/data/crisis_eval.jsonl``,
   ``tests/data/crisis_blind9.jsonl``, ``tests/data/crisis_blind10.jsonl`` and any ``--extra``
   development file. The threshold is carried over through the same monotone map, so the
   decisions near the data are unchanged.
2. Distance to data: ``--prototypes`` k-means centroids of the training statements'
   embeddings. A text whose cosine similarity to the nearest centroid is below the 1st
   percentile seen on the training statements themselves is far from the data; its
   probability is capped at ``far_cap`` (above the threshold, so a flag is never removed).
Prints ECE (10 equal-width bins) and a reliability table before and after; ``--write`` writes
``models/crisis-classifier/weights.json`` (new keys ``temperature``, ``shift``,
``prototypes``, ``far_similarity``, ``far_cap``).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mindspace.ml.crisis_model import CrisisModel  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from train_crisis_classifier import CHAT_READ, STEPS_READ  # noqa: E402

DATA = REPO / "tests" / "data"
TRAIN = [DATA / "crisis_eval.jsonl", DATA / "crisis_frames_dev.jsonl",
         DATA / "crisis_train_extra.jsonl", *sorted(DATA.glob("crisis_train_more_*.jsonl")),
         *[DATA / f"crisis_blind{n}.jsonl" for n in ("", 2, 3, 4, 5, 6, 7, 8)]]
# Read sets trained on since crisis-classifier 1.5.0 (first messages and step answers included:
# an answer's text is under "answer").
TRAIN += [*sorted((DATA / "crisis-dev").glob("r*-crisis.jsonl")), *CHAT_READ, *STEPS_READ]
HELD = [DATA / "crisis_blind9.jsonl", DATA / "crisis_blind10.jsonl"]
WEIGHTS = REPO / "models" / "crisis-classifier" / "weights.json"


def risk(row: dict) -> int:
    v = row.get("risk", row.get("label"))
    if isinstance(v, str):
        return int(v.strip().lower() in ("risk", "true", "1", "yes"))
    return int(bool(v))


def rows_of(path: Path) -> list[dict]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [r | {"text": r["answer"]} if "text" not in r and "answer" in r else r for r in rows]


def ece(p: np.ndarray, y: np.ndarray) -> tuple[float, list[tuple[float, float, float, int]]]:
    out, total = [], 0.0
    for b in range(10):
        m = (p >= b / 10) & ((p < (b + 1) / 10) | ((b == 9) & (p == 1.0)))
        if m.any():
            out.append((b / 10, float(p[m].mean()), float(y[m].mean()), int(m.sum())))
            total += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
    return float(total), out


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


def kmeans(x: np.ndarray, k: int, seed: int = 7, rounds: int = 25) -> np.ndarray:
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(rounds):
        assign = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                v = members.mean(axis=0)
                c[j] = v / max(1e-9, float(np.linalg.norm(v)))
    return c


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--extra", nargs="*", type=Path, default=[])
    ap.add_argument("--check", nargs="*", type=Path, default=[])
    ap.add_argument("--prototypes", type=int, default=48)
    ap.add_argument("--far-cap", type=float, default=0.85)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    model = CrisisModel.load()
    head = model.head
    raw = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    base_thr = float(raw.get("base_threshold", raw["threshold"]))

    def logits(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        x = model.encoder.embed_many(texts).astype(np.float64)
        return x, x @ head.weights + head.bias

    held = [r for r in rows_of(DATA / "crisis_eval.jsonl") if r.get("split") == "heldout"]
    for path in [*HELD, *args.extra]:
        held += rows_of(path)
    xh, zh = logits([r["text"] for r in held])
    yh = np.array([risk(r) for r in held], dtype=np.float64)
    print(f"calibration set: {len(held)} statements ({int(yh.sum())} risk)")

    best = (1.0, 0.0, math.inf)
    for t in np.arange(1.0, 12.01, 0.25):
        for c in np.arange(-4.0, 2.01, 0.1):
            p = np.clip(sigmoid(zh / t + c), 1e-6, 1 - 1e-6)
            nll = float(-(yh * np.log(p) + (1 - yh) * np.log(1 - p)).mean())
            if nll < best[2]:
                best = (float(t), float(c), nll)
    t, c, _ = best
    z_thr = math.log(base_thr / (1 - base_thr))
    thr = float(sigmoid(np.array(z_thr / t + c)))
    print(f"temperature {t:.2f}, shift {c:+.2f}; threshold {base_thr} -> {thr:.4f}")

    train = [r for path in TRAIN if path.exists() for r in rows_of(path)
             if r.get("language", "en") == "en"]
    xt = model.encoder.embed_many([r["text"] for r in train]).astype(np.float64)
    protos = kmeans(xt, args.prototypes)
    far = float(np.quantile(np.max(xt @ protos.T, axis=1), 0.01))
    print(f"{len(train)} training statements, {args.prototypes} prototypes, far below "
          f"similarity {far:.3f}")
    cap = max(args.far_cap, thr + 0.05)

    def calibrated(x: np.ndarray, z: np.ndarray) -> np.ndarray:
        p = sigmoid(z / t + c)
        sim = np.max(x @ protos.T, axis=1)
        return np.where(sim < far, np.minimum(p, cap), p)

    for name, x, z, y in [("calibration set", xh, zh, yh)] + [
            (p.name, *logits([r["text"] for r in rows_of(p)]),
             np.array([risk(r) for r in rows_of(p)], dtype=np.float64)) for p in args.check]:
        for label, p in (("before", sigmoid(z)), ("after", calibrated(x, z))):
            e, table = ece(p, y)
            print(f"{name} {label}: ECE {e:.3f}; >= 0.99: {int((p >= 0.99).sum())}")
            for lo, mean, obs, n in table:
                print(f"   {lo:.1f}-{lo + 0.1:.1f}  mean p {mean:.2f}  risk share {obs:.2f}  n={n}")
        sim = np.max(x @ protos.T, axis=1)
        print(f"   {int((sim < far).sum())} of {len(sim)} far from the data")
    if args.write:
        raw.update({"threshold": round(thr, 4), "base_threshold": base_thr,
                    "temperature": t, "shift": round(c, 3),
                    "prototypes": [[round(float(v), 5) for v in row] for row in protos],
                    "far_similarity": round(far, 4), "far_cap": round(cap, 3)})
        WEIGHTS.write_text(json.dumps(raw), encoding="utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
