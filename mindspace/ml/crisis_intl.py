"""Learned layer of the crisis screen for Spanish, French, German and Portuguese.

Contract
--------
* Dependencies: ``numpy`` and ``zlib`` only. Files come from the
  :class:`~mindspace.ml.registry.ModelRegistry` entry ``crisis-intl`` (``weights.npy``: one
  float32 weight per hashed feature; ``config.json``: dimension, bias, threshold, version) and
  are integrity-checked (size + sha256) before they are loaded; :meth:`IntlCrisisModel.load`
  raises :class:`~mindspace.ml.registry.ModelIntegrityError` (or ``ModelNotFoundError`` /
  ``OSError``) and the caller keeps the pattern result.
* ``features(text)``: the sorted, distinct hashed features of a text after
  ``crisis_text.normalise`` (lower case, no accents): character 3- to 5-grams of each word with
  its boundaries, the words, and pairs of neighbouring words; CRC-32 modulo the dimension, so
  the same text gives the same features on every machine.
* ``IntlCrisisModel.score_units(units) -> list[float]``: a logistic regression over those
  features (each row scaled by one over the square root of its feature count), probability in
  [0, 1] that the unit resembles a statement of suicidal thinking or self-harm. Each unit is
  scored on its own: a score never depends on other units. Thread-safe (read-only arrays).
* Trained by ``scripts/train_crisis_intl.py`` on the development lines in these four languages;
  its card gives the data, the cross-validated figures and the limits. It is a screening signal,
  never a diagnosis.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mindspace.ml.crisis_text import normalise
from mindspace.ml.registry import ModelIntegrityError, ModelRegistry

MODEL_NAME = "crisis-intl"
LANGUAGES = frozenset({"es", "fr", "de", "pt"})
CHAR_NGRAMS = (3, 4, 5)
_WORD = re.compile(r"[a-z0-9]+")


def features(text: str, dim: int) -> np.ndarray:
    """Hashed feature indices of ``text`` (sorted, distinct); see the module docstring."""
    words = _WORD.findall(normalise(text))
    keys: set[int] = set()
    for word in words:
        padded = f" {word} "
        for n in CHAR_NGRAMS:
            for i in range(len(padded) - n + 1):
                keys.add(zlib.crc32(b"c" + padded[i:i + n].encode()) % dim)
        keys.add(zlib.crc32(b"w" + word.encode()) % dim)
    for a, b in zip(words, words[1:], strict=False):
        keys.add(zlib.crc32(f"b{a} {b}".encode()) % dim)
    return np.fromiter(sorted(keys), dtype=np.int64, count=len(keys))


def logit(weights: np.ndarray, bias: float, index: np.ndarray) -> float:
    """The model's log-odds for one row of features."""
    if not len(index):
        return bias
    return float(np.sum(weights[index], dtype=np.float64)) / math.sqrt(len(index)) + bias


@dataclass(frozen=True)
class IntlCrisisModel:
    weights: np.ndarray
    bias: float
    threshold: float
    model_id: str

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    @classmethod
    def load(cls, registry: ModelRegistry | None = None) -> IntlCrisisModel:
        """Verify (sha256 + size) and load ``crisis-intl``; raises on a missing/altered file."""
        registry = registry or ModelRegistry()
        entry = registry.get(MODEL_NAME)
        weights_path = registry.verify(entry)
        return cls.from_files(weights_path, entry.file_path("config"), entry.model_id)

    @classmethod
    def from_files(cls, weights_path: Path, config_path: Path, model_id: str) -> IntlCrisisModel:
        config = json.loads(config_path.read_text(encoding="utf-8"))
        weights = np.load(weights_path, allow_pickle=False)
        threshold = float(config["threshold"])
        if (weights.ndim != 1 or weights.dtype != np.float32 or weights.shape[0] != int(
                config["dim"]) or not 0.0 < threshold < 1.0):
            raise ModelIntegrityError(f"model {MODEL_NAME}: malformed weights or config")
        weights.setflags(write=False)
        return cls(weights, float(config["bias"]), threshold, model_id)

    def score_units(self, units: Sequence[str]) -> list[float]:
        """Probability per unit (see the module docstring); empty input gives an empty list."""
        out = []
        for unit in units:
            z = logit(self.weights, self.bias, features(unit, self.dim))
            out.append(1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z)))))
        return out
