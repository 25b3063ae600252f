"""The companion's intent classifier: sentence embeddings + a small softmax head.

Contract
--------
* Files come from the :class:`~mindspace.ml.registry.ModelRegistry` entries
  ``sentence-encoder`` (shared with the crisis screen) and ``companion-intent``
  (``weights.json``: ``labels``, a ``weights`` matrix of ``len(labels)`` rows by 384, ``bias``,
  ``temperature``; optionally ``hidden`` ``{"weights", "bias"}``, a ReLU layer read first, whose
  units are then the columns of ``weights``); optionally a second file in the role ``answers``
  (same format) whose ``crisis`` probability is the one read for answers inside an exercise.
  All are integrity-checked (size + sha256) before loading;
  :meth:`IntentClassifier.load` raises ``ModelIntegrityError``/``ModelNotFoundError``/``OSError``.
* ``classify(text) -> IntentReading``: the labels ranked by probability (softmax over the head's
  scores divided by ``temperature``; ``answer_crisis`` from the ``answers`` head when there is
  one). Same input, same output; thread-safe; a few milliseconds warm on a 2-core CPU. It
  reads what a person asks for; it is never a risk assessment (the crisis screen alone does
  that).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mindspace.ml.crisis_model import ENCODER_NAME, SentenceEncoder
from mindspace.ml.registry import ModelIntegrityError, ModelRegistry

INTENT_NAME = "companion-intent"


@dataclass(frozen=True)
class IntentReading:
    ranked: tuple[tuple[str, float], ...]  # (label, probability), best first
    model_id: str
    # "crisis" probability for an answer inside an exercise (the "answers" head, when shipped)
    answer_crisis: float | None = None

    @property
    def label(self) -> str:
        return self.ranked[0][0]

    @property
    def confidence(self) -> float:
        return self.ranked[0][1]

    def probability(self, label: str) -> float:
        return next((p for name, p in self.ranked if name == label), 0.0)

    def crisis(self, in_exercise: bool = False) -> float:
        """The ``crisis`` probability; for an answer inside an exercise, the answers head's."""
        if in_exercise and self.answer_crisis is not None:
            return self.answer_crisis
        return self.probability("crisis")


@dataclass(frozen=True)
class SoftmaxHead:
    labels: tuple[str, ...]
    weights: np.ndarray  # (classes, dim)
    bias: np.ndarray  # (classes,)
    temperature: float
    model_id: str
    # optional ReLU layer read first: (weights (units, dim), bias (units,))
    hidden: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def input_dim(self) -> int:
        return int((self.hidden[0] if self.hidden is not None else self.weights).shape[1])

    @classmethod
    def from_file(cls, path: Path, model_id: str) -> SoftmaxHead:
        data = json.loads(path.read_text(encoding="utf-8"))
        labels = tuple(str(x) for x in data["labels"])
        w = np.asarray(data["weights"], dtype=np.float64)
        b = np.asarray(data["bias"], dtype=np.float64)
        temp = float(data.get("temperature", 1.0))
        if w.ndim != 2 or w.shape[0] != len(labels) or b.shape != (len(labels),) or temp <= 0:
            raise ModelIntegrityError(f"model {INTENT_NAME}: malformed weights file")
        hidden = None
        if "hidden" in data:
            h = np.asarray(data["hidden"]["weights"], dtype=np.float64)
            hb = np.asarray(data["hidden"]["bias"], dtype=np.float64)
            if h.ndim != 2 or h.shape[0] != w.shape[1] or hb.shape != (h.shape[0],):
                raise ModelIntegrityError(f"model {INTENT_NAME}: malformed weights file")
            hidden = (h, hb)
        return cls(labels, w, b, temp, model_id, hidden)

    def scores(self, x: np.ndarray) -> np.ndarray:
        """Scores before the temperature, for one vector or a batch of rows."""
        v = np.asarray(x, dtype=np.float64)
        if self.hidden is not None:
            v = np.maximum(0.0, v @ self.hidden[0].T + self.hidden[1])
        return np.asarray(v @ self.weights.T + self.bias)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = self.scores(x) / self.temperature
        z = z - z.max()
        e = np.exp(z)
        return np.asarray(e / e.sum())


class IntentClassifier:
    def __init__(self, encoder: SentenceEncoder, head: SoftmaxHead,
                 answers: SoftmaxHead | None = None) -> None:
        for h in (head, answers):
            if h is not None and h.input_dim != encoder.dim:
                raise ModelIntegrityError(
                    f"model {INTENT_NAME} expects {h.input_dim}-d embeddings, "
                    f"encoder gives {encoder.dim}")
        if answers is not None and "crisis" not in answers.labels:
            raise ModelIntegrityError(f"model {INTENT_NAME}: the answers head has no crisis label")
        self.encoder = encoder
        self.head = head
        self.answers = answers

    @property
    def model_id(self) -> str:
        return f"{self.head.model_id}+{self.encoder.model_id}"

    @property
    def labels(self) -> tuple[str, ...]:
        return self.head.labels

    @classmethod
    def load(cls, registry: ModelRegistry | None = None, *, threads: int | None = None,
             encoder: SentenceEncoder | None = None) -> IntentClassifier:
        """Verify and load; ``encoder`` reuses an already verified sentence encoder."""
        registry = registry or ModelRegistry()
        if encoder is None:
            enc_entry = registry.get(ENCODER_NAME)
            encoder = SentenceEncoder.from_files(registry.verify(enc_entry),
                                                 enc_entry.file_path("tokenizer"),
                                                 enc_entry.model_id, threads=threads)
        entry = registry.get(INTENT_NAME)
        head = SoftmaxHead.from_file(registry.verify(entry), entry.model_id)
        answers = (SoftmaxHead.from_file(entry.file_path("answers"), entry.model_id)
                   if "answers" in entry.files else None)
        return cls(encoder, head, answers)

    def classify(self, text: str) -> IntentReading:
        x = self.encoder.embed(prepare(text))
        probs = self.head.probabilities(x)
        order = np.argsort(-probs, kind="stable")
        answer_crisis = None
        if self.answers is not None:
            crisis = self.answers.labels.index("crisis")
            answer_crisis = float(self.answers.probabilities(x)[crisis])
        return IntentReading(tuple((self.head.labels[i], float(probs[i])) for i in order),
                             self.model_id, answer_crisis)


def prepare(text: str) -> str:
    """What the encoder reads: whitespace collapsed, at most 400 characters."""
    return " ".join(text.split())[:400]
