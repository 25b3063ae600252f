"""Figures shared by the training scripts and ``promote_model.py`` (NumPy only).

* :func:`single_label` - accuracy and macro-F1 of one label per item (macro over every label
  that occurs in the gold or the predicted labels, as scikit-learn's ``f1_score(average="macro")``).
* :func:`binary` - recall and false-positive rate of a flag (1 = risk).
* :func:`multi_label` - macro-F1 of thresholded multi-label predictions (one F1 per column).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def single_label(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    if len(gold) != len(pred) or not gold:
        raise ValueError("gold and predicted labels must be non-empty and of the same length")
    labels = sorted(set(gold) | set(pred))
    f1s = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        f1s.append(_f1(tp, fp, fn))
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return {"accuracy": round(accuracy, 4), "macro_f1": round(float(np.mean(f1s)), 4),
            "n": len(gold)}


def binary(gold: Sequence[int], flagged: Sequence[int]) -> dict[str, float]:
    y = np.asarray(gold, dtype=int)
    f = np.asarray(flagged, dtype=int)
    tp, fn = int(((f == 1) & (y == 1)).sum()), int(((f == 0) & (y == 1)).sum())
    fp, tn = int(((f == 1) & (y == 0)).sum()), int(((f == 0) & (y == 0)).sum())
    return {"recall": round(tp / max(tp + fn, 1), 4), "fpr": round(fp / max(fp + tn, 1), 4),
            "n_risk": tp + fn, "n_safe": fp + tn}


def multi_label(y: np.ndarray, pred: np.ndarray, labels: Sequence[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    f1s = []
    for j, label in enumerate(labels):
        tp = int(((pred[:, j] == 1) & (y[:, j] == 1)).sum())
        fp = int(((pred[:, j] == 1) & (y[:, j] == 0)).sum())
        fn = int(((pred[:, j] == 0) & (y[:, j] == 1)).sum())
        f1s.append(_f1(tp, fp, fn))
        out[f"f1_{label}"] = round(f1s[-1], 4)
    return {"macro_f1": round(float(np.mean(f1s)), 4), **out, "n": int(y.shape[0])}
