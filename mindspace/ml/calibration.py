"""A small per-user calibration layer on top of the shipped emotion model (NumPy only).

Contract
--------
* The layer works on each label's *margin* over its shipped threshold,
  ``z = logit(p) - logit(threshold)``, and gives the probability that the user would say the
  label applies: ``q = sigmoid(scale * z + bias[label])`` (a shared temperature plus a bias per
  label: Platt scaling with tied slopes). With ``scale = 1`` and all biases 0 it is the identity:
  ``q >= 0.5`` exactly when the shipped rule predicts the label.
* ``fit(examples)`` minimises the mean binary cross-entropy plus an L2 pull towards the
  identity (``l2 / n * ((scale - 1)^2 + sum bias^2)``) by damped Newton steps on the 8 parameters.
* ``log_loss(layer, examples)`` is the metric used to adopt a layer (lower is better); ``None``
  as the layer means the shipped model alone.
* ``CalibrationLayer.to_bytes()/from_bytes()`` is a small JSON document (stored in the vault).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

EPS = 1e-6


@dataclass(frozen=True)
class Example:
    """One correction: the model's probability for ``label`` on a text, and the user's answer."""

    label: str
    probability: float
    present: bool
    group: str = ""  # the corrected text (for splitting), e.g. "journal:<id>"
    order: str = ""  # when it was corrected (ISO time)


def _logit(p: np.ndarray | float) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=np.float64), EPS, 1 - EPS)
    return np.log(q / (1 - q))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


@dataclass(frozen=True)
class CalibrationLayer:
    labels: tuple[str, ...]
    thresholds: tuple[float, ...]
    scale: float
    bias: tuple[float, ...]

    @classmethod
    def identity(cls, thresholds: Mapping[str, float]) -> CalibrationLayer:
        labels = tuple(thresholds)
        return cls(labels, tuple(float(thresholds[k]) for k in labels), 1.0,
                   tuple(0.0 for _ in labels))

    def _index(self, label: str) -> int:
        return self.labels.index(label)

    def margins(self, examples: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
        idx = np.array([self._index(e.label) for e in examples], dtype=np.int64)
        thr = np.array(self.thresholds)[idx]
        z = _logit(np.array([e.probability for e in examples])) - _logit(thr)
        return z, idx

    def predict(self, examples: Sequence[Example]) -> np.ndarray:
        z, idx = self.margins(examples)
        return _sigmoid(self.scale * z + np.array(self.bias)[idx])

    def apply(self, probabilities: Mapping[str, float]) -> dict[str, float]:
        """Calibrated probability that each label applies (labels the layer knows)."""
        known = [k for k in self.labels if k in probabilities]
        q = self.predict([Example(k, float(probabilities[k]), False) for k in known])
        return {k: float(v) for k, v in zip(known, q, strict=True)}

    def labels_for(self, probabilities: Mapping[str, float]) -> list[str]:
        """Labels with calibrated probability >= 0.5, strongest first; the strongest one alone
        when none passes (as the shipped rule does)."""
        q = self.apply(probabilities)
        if not q:
            return []
        ranked = sorted(q, key=lambda k: -q[k])
        chosen = [k for k in ranked if q[k] >= 0.5]
        return chosen or ranked[:1]

    def to_bytes(self) -> bytes:
        return json.dumps({"labels": self.labels, "thresholds": self.thresholds,
                           "scale": self.scale, "bias": self.bias}).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> CalibrationLayer:
        obj = json.loads(data.decode("utf-8"))
        return cls(tuple(obj["labels"]), tuple(float(t) for t in obj["thresholds"]),
                   float(obj["scale"]), tuple(float(b) for b in obj["bias"]))


def usable(examples: Sequence[Example], labels: Sequence[str]) -> list[Example]:
    return [e for e in examples if e.label in labels]


def log_loss(layer: CalibrationLayer, examples: Sequence[Example]) -> float:
    """Mean binary cross-entropy (natural log) of the layer's probabilities."""
    if not examples:
        return float("nan")
    q = np.clip(layer.predict(examples), EPS, 1 - EPS)
    y = np.array([e.present for e in examples], dtype=np.float64)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def accuracy(layer: CalibrationLayer, examples: Sequence[Example]) -> float:
    if not examples:
        return float("nan")
    q = layer.predict(examples)
    y = np.array([e.present for e in examples])
    return float(np.mean((q >= 0.5) == y))


def fit(base: CalibrationLayer, examples: Sequence[Example], l2: float = 1.0,
        steps: int = 50) -> CalibrationLayer:
    """Fit scale and biases on ``examples`` (labels unknown to ``base`` are ignored)."""
    examples = usable(examples, base.labels)
    if not examples:
        return base
    z, idx = base.margins(examples)
    y = np.array([e.present for e in examples], dtype=np.float64)
    n, k = len(examples), len(base.labels)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), idx] = 1.0
    x = np.hstack([z[:, None], onehot])  # parameters: [scale, bias_1..k]
    w = np.concatenate([[1.0], np.zeros(k)])
    prior = np.concatenate([[1.0], np.zeros(k)])
    reg = l2 / n

    def objective(v: np.ndarray) -> float:
        s = x @ v  # mean BCE from logits, computed stably
        return float(np.mean(np.logaddexp(0, s) - y * s) + reg * np.sum((v - prior) ** 2))

    current = objective(w)
    for _ in range(steps):
        q = _sigmoid(x @ w)
        grad = x.T @ (q - y) / n + 2 * reg * (w - prior)
        hess = (x * (q * (1 - q))[:, None]).T @ x / n + 2 * reg * np.eye(k + 1)
        delta = np.linalg.solve(hess, grad)
        step = 1.0
        while step > 1e-6:  # damped Newton: halve the step until the objective falls
            trial = w - step * delta
            value = objective(trial)
            if value <= current:
                break
            step /= 2
        else:
            break
        w, improvement, current = trial, current - value, value
        if improvement < 1e-10:
            break
    return CalibrationLayer(base.labels, base.thresholds, float(w[0]),
                            tuple(float(b) for b in w[1:]))
