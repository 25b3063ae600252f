"""On-device text emotion classifier (int8 ONNX MiniLM fine-tuned on GoEmotions/Ekman).

Contract
--------
* Dependencies: ``onnxruntime``, ``tokenizers`` and ``numpy`` only (no torch/transformers, no
  network). Files come from the :class:`~mindspace.ml.registry.ModelRegistry` entry
  ``text-emotion`` and are integrity-checked (size + sha256) before they are loaded.
* ``EmotionModel.load(registry)`` -> model; ``predict(texts)`` -> one
  :class:`EmotionPrediction` per input text, in input order. Results are identical whether a
  text is scored alone or in a list (each window is run on its own; see ``_score``).
* ``EmotionPrediction.probabilities`` has all 7 :data:`EKMAN_LABELS` (in that order) with the
  model's independent sigmoid probabilities; ``labels`` are the labels at or above their
  dev-tuned threshold, strongest first, or the single most probable label if none passes.
* Long texts: the tokenizer truncates at the trained maximum length (128 tokens, about 90
  English words) and returns the rest as overlapping windows (stride 32, from the tokenizer
  config). Every window is scored and the
  window probabilities are **averaged** (mean over windows), so the whole entry counts, not just
  its first sentences, and latency grows linearly with length. At most ``max_windows`` windows
  are used (evenly spaced across the text) to bound the cost of very long entries.
* Empty / whitespace-only strings are scored as the empty sequence ``[CLS] [SEP]`` (the model
  gives a mostly "neutral" answer); emoji and non-English text go through the WordPiece
  tokenizer like any text (unknown pieces become ``[UNK]``) and never raise.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
from tokenizers import Encoding, Tokenizer

from mindspace.ml.registry import ModelEntry, ModelRegistry

MODEL_NAME = "text-emotion"
EKMAN_LABELS: tuple[str, ...] = (
    "anger",
    "disgust",
    "fear",
    "joy",
    "sadness",
    "surprise",
    "neutral",
)
DEFAULT_THREADS = 2
DEFAULT_MAX_WINDOWS = 16


@dataclass(frozen=True)
class EmotionPrediction:
    """Emotion scores for one text.

    ``probabilities``: label -> probability in [0, 1] for all 7 labels (EKMAN_LABELS order).
    ``labels``: labels at/above their threshold, most probable first (never empty).
    ``model_id``: ``"text-emotion@<version>"``.
    """

    probabilities: dict[str, float]
    labels: list[str]
    model_id: str
    windows: int = field(default=1, compare=False)

    @property
    def top(self) -> str:
        """The most probable label."""
        return max(self.probabilities, key=self.probabilities.__getitem__)


class EmotionModel:
    """int8 ONNX emotion classifier. Thread-safe for ``predict`` (onnxruntime sessions are)."""

    def __init__(
        self,
        session: ort.InferenceSession,
        tokenizer: Tokenizer,
        labels: Sequence[str],
        thresholds: dict[str, float],
        model_id: str,
        max_windows: int = DEFAULT_MAX_WINDOWS,
    ) -> None:
        if tuple(labels) != EKMAN_LABELS:
            raise ValueError(f"unexpected label order {tuple(labels)}; expected {EKMAN_LABELS}")
        self._session = session
        self._tokenizer = tokenizer
        self.labels = tuple(labels)
        self.thresholds = {lab: float(thresholds.get(lab, 0.5)) for lab in self.labels}
        self._thr = np.array([self.thresholds[lab] for lab in self.labels], dtype=np.float32)
        self.model_id = model_id
        self.max_windows = max(1, int(max_windows))
        self._input_names = {i.name for i in session.get_inputs()}

    # ------------------------------------------------------------------ construction

    @classmethod
    def load(
        cls,
        registry: ModelRegistry | None = None,
        *,
        threads: int | None = None,
        max_windows: int = DEFAULT_MAX_WINDOWS,
    ) -> EmotionModel:
        """Verify and load the ``text-emotion`` model from ``registry`` (default registry if None).

        ``threads`` sets onnxruntime's intra-op threads (default 2, or the
        ``MINDSPACE_ML_THREADS`` environment variable); thread spinning is disabled. Raises
        :class:`~mindspace.ml.registry.ModelIntegrityError` if a file is missing or altered.
        """
        registry = registry or ModelRegistry()
        entry = registry.get(MODEL_NAME)
        model_path = registry.verify(entry)
        return cls.from_files(
            model_path,
            entry.file_path("tokenizer"),
            entry,
            threads=threads,
            max_windows=max_windows,
        )

    @classmethod
    def from_files(
        cls,
        model_path: Path,
        tokenizer_path: Path,
        entry: ModelEntry,
        *,
        threads: int | None = None,
        max_windows: int = DEFAULT_MAX_WINDOWS,
    ) -> EmotionModel:
        """Build from already-verified files (``load`` is the normal entry point)."""
        if threads is None:
            threads = int(os.environ.get("MINDSPACE_ML_THREADS", DEFAULT_THREADS))
        so = ort.SessionOptions()
        so.intra_op_num_threads = max(1, threads)
        so.inter_op_num_threads = 1
        # No busy-wait spinning between ops: in a desktop app the CPU is shared with the UI and
        # other work; spinning threads then fight for cores (measured on the 2-core reference
        # machine under load: 2 spinning threads 24 ms vs 12 ms without spinning, 120 words).
        so.add_session_config_entry("session.intra_op.allow_spinning", "0")
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        session = ort.InferenceSession(
            str(model_path), sess_options=so, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.no_padding()
        if tokenizer.truncation is None:  # the shipped file sets it; be defensive
            max_len = int(entry.raw.get("max_length", 128))
            tokenizer.enable_truncation(max_length=max_len, stride=int(entry.raw.get("stride", 0)))
        labels = entry.labels or EKMAN_LABELS
        return cls(session, tokenizer, labels, entry.thresholds, entry.model_id, max_windows)

    # ------------------------------------------------------------------ inference

    def predict(self, texts: Sequence[str]) -> list[EmotionPrediction]:
        """Score each text; see the module docstring for the contract."""
        if isinstance(texts, str):
            raise TypeError("predict() takes a list of texts, not a single string")
        if not texts:
            return []
        encodings = self._tokenizer.encode_batch(
            [t if isinstance(t, str) else str(t) for t in texts]
        )
        windows: list[list[int]] = []
        spans: list[tuple[int, int]] = []  # [start, end) rows of each text in ``windows``
        for enc in encodings:
            start = len(windows)
            windows.extend(self._windows(enc))
            spans.append((start, len(windows)))
        probs = self._score(windows)
        return [self._to_prediction(probs[a:b].mean(axis=0), b - a) for a, b in spans]

    def _windows(self, enc: Encoding) -> list[list[int]]:
        wins = [list(enc.ids)] + [list(o.ids) for o in enc.overflowing]
        if len(wins) > self.max_windows:
            idx = np.linspace(0, len(wins) - 1, self.max_windows).round().astype(int)
            wins = [wins[k] for k in sorted(set(idx.tolist()))]
        return wins

    def _score(self, windows: list[list[int]]) -> np.ndarray:
        """Probabilities for each window, one onnxruntime call per window.

        Windows are deliberately *not* batched together: the int8 model quantises activations
        dynamically with one scale per tensor, so batch-mates (and their padding) would shift a
        window's result. Running each window alone makes every prediction independent of how
        texts are grouped, and costs little at journal-entry sizes.
        """
        result = np.zeros((len(windows), len(self.labels)), dtype=np.float32)
        for k, seq in enumerate(windows):
            ids = np.asarray([seq], dtype=np.int64)
            feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            if "token_type_ids" in self._input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            result[k] = self._session.run(None, feeds)[0][0]
        return result

    def _to_prediction(self, p: np.ndarray, n_windows: int) -> EmotionPrediction:
        probs = {lab: float(v) for lab, v in zip(self.labels, p, strict=True)}
        above = [k for k in np.argsort(-p, kind="stable") if p[k] >= self._thr[k]]
        if not above:
            above = [int(np.argmax(p))]
        return EmotionPrediction(
            probabilities=probs,
            labels=[self.labels[k] for k in above],
            model_id=self.model_id,
            windows=n_windows,
        )
