"""Learned layer of the crisis screen: sentence embeddings + a logistic-regression classifier.

Contract
--------
* Dependencies: ``onnxruntime``, ``tokenizers`` and ``numpy`` only (no torch, no network).
  Files come from the :class:`~mindspace.ml.registry.ModelRegistry` entries
  ``sentence-encoder`` (int8 ONNX all-MiniLM-L6-v2 with mean pooling and L2 normalisation in
  the graph, plus its tokenizer) and ``crisis-classifier`` (``weights.json``: 384 weights, a
  bias and the cross-validated threshold). Every file is integrity-checked (size + sha256)
  before it is loaded; :meth:`CrisisModel.load` raises
  :class:`~mindspace.ml.registry.ModelIntegrityError` (or ``ModelNotFoundError``/``OSError``)
  and the caller falls back to the pattern screen.
* ``CrisisModel.score_units(units) -> list[float]``: probability in [0, 1] that each unit (one
  sentence of the detector's normalised text) resembles a statement of suicidal thinking or
  self-harm. Each unit is run alone (one onnxruntime call per unit, at most
  :data:`MAX_TOKENS` tokens), so a unit's score never depends on other units: same input, same
  output. Identical units are encoded once per call, and ``map_fn`` (for example a thread
  pool's ``map``) may run the units concurrently: onnxruntime releases the GIL and each unit
  is still its own call, so the scores are the same as one by one. Thread-safe (onnxruntime
  sessions are). Roughly 2-10 ms per unit on a 2-core CPU.
* The model is not a diagnosis and its score is not a probability of anything clinical; the
  detector treats it as one more screening signal (see :mod:`mindspace.ml.crisis`).
"""

from __future__ import annotations

import json
import math
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from mindspace.ml import crisis_patterns as cp
from mindspace.ml.crisis import (
    _TRIGGER,
    CONCERN_AT,
    PAST_REASON,
    URGENT_AT,
    CrisisDetector,
    CrisisResult,
    ScreenContext,
)
from mindspace.ml.crisis_intl import LANGUAGES as INTL_LANGUAGES
from mindspace.ml.crisis_intl import IntlCrisisModel
from mindspace.ml.failures import model_failure
from mindspace.ml.language import identify
from mindspace.ml.registry import ModelIntegrityError, ModelRegistry

ENCODER_NAME = "sentence-encoder"
CLASSIFIER_NAME = "crisis-classifier"
MAX_TOKENS = 128
DEFAULT_THREADS = 1
M = TypeVar("M")


class SentenceEncoder:
    """int8 ONNX sentence encoder: text -> unit-length float32 vector (384 values)."""

    def __init__(self, session: ort.InferenceSession, tokenizer: Tokenizer, model_id: str) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self.model_id = model_id
        self.dim = int(session.get_outputs()[0].shape[-1])

    @classmethod
    def from_files(
        cls, model_path: Path, tokenizer_path: Path, model_id: str, *, threads: int | None = None,
    ) -> SentenceEncoder:
        """Build from files that were already verified (or are training artifacts)."""
        if threads is None:
            threads = int(os.environ.get("MINDSPACE_ML_THREADS", DEFAULT_THREADS))
        so = ort.SessionOptions()
        so.intra_op_num_threads = max(1, threads)
        so.inter_op_num_threads = 1
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        session = ort.InferenceSession(str(model_path), sess_options=so,
                                       providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        return cls(session, tokenizer, model_id)

    def embed(self, text: str) -> np.ndarray:
        """Embedding of one text (truncated to ``MAX_TOKENS`` tokens); unit length."""
        ids = np.asarray([self._tokenizer.encode(text).ids], dtype=np.int64)
        feeds: dict[str, Any] = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        return np.asarray(self._session.run(None, feeds)[0][0], dtype=np.float32)

    def embed_many(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, each computed alone (results do not depend on batch-mates)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for k, text in enumerate(texts):
            out[k] = self.embed(text)
        return out


@dataclass(frozen=True)
class LinearHead:
    """Logistic regression on embeddings, calibrated: ``p = sigmoid((w . x + b) / T + c)``;
    flags at ``threshold``. With ``prototypes`` (unit vectors of the training data), a row
    whose cosine similarity to the nearest prototype is below ``far_similarity`` is far from
    the data and its probability is capped at ``far_cap`` (above the threshold, so the cap
    never removes a flag). Files without these keys give the uncalibrated head."""

    weights: np.ndarray
    bias: float
    threshold: float
    model_id: str
    temperature: float = 1.0
    shift: float = 0.0
    prototypes: np.ndarray | None = None
    far_similarity: float = -1.0
    far_cap: float = 1.0

    @classmethod
    def from_file(cls, path: Path, model_id: str) -> LinearHead:
        data = json.loads(path.read_text(encoding="utf-8"))
        w = np.asarray(data["weights"], dtype=np.float64)
        thr = float(data["threshold"])
        temperature = float(data.get("temperature", 1.0))
        cap = float(data.get("far_cap", 1.0))
        protos = data.get("prototypes")
        p = None if protos is None else np.asarray(protos, dtype=np.float64)
        if w.ndim != 1 or not 0.0 < thr < 1.0 or temperature <= 0.0 or cap <= thr or (
                p is not None and (p.ndim != 2 or p.shape[1] != w.shape[0])):
            raise ModelIntegrityError(f"model {CLASSIFIER_NAME}: malformed weights file")
        return cls(w, float(data["bias"]), thr, model_id, temperature,
                   float(data.get("shift", 0.0)), p, float(data.get("far_similarity", -1.0)),
                   cap)

    def similarity(self, x: np.ndarray) -> np.ndarray:
        """Cosine similarity of each row to the nearest prototype (1.0 without prototypes)."""
        rows = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if self.prototypes is None:
            return np.ones(len(rows))
        return np.array([float(np.max(self.prototypes @ r)) for r in rows])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """One probability per row; each row is computed on its own, so the result for a row
        is bit-identical whatever else is in ``x``."""
        rows = np.atleast_2d(np.asarray(x, dtype=np.float64))
        z = np.array([float(np.dot(r, self.weights)) for r in rows]) + self.bias
        z = z / self.temperature + self.shift
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
        far = self.similarity(rows) < self.far_similarity
        return np.asarray(np.where(far, np.minimum(p, self.far_cap), p))


class CrisisModel:
    """Encoder + head. Use :meth:`load`; see the module docstring for the contract."""

    def __init__(self, encoder: SentenceEncoder, head: LinearHead) -> None:
        if head.weights.shape[0] != encoder.dim:
            raise ModelIntegrityError(
                f"model {CLASSIFIER_NAME} expects {head.weights.shape[0]}-d embeddings, "
                f"encoder gives {encoder.dim}"
            )
        self.encoder = encoder
        self.head = head
        self.threshold = head.threshold

    @property
    def model_id(self) -> str:
        return f"{self.head.model_id}+{self.encoder.model_id}"

    @classmethod
    def load(cls, registry: ModelRegistry | None = None, *, threads: int | None = None
             ) -> CrisisModel:
        """Verify (sha256 + size) and load both entries; raises on a missing/altered file."""
        registry = registry or ModelRegistry()
        enc_entry = registry.get(ENCODER_NAME)
        enc_path = registry.verify(enc_entry)
        clf_entry = registry.get(CLASSIFIER_NAME)
        clf_path = registry.verify(clf_entry)
        encoder = SentenceEncoder.from_files(enc_path, enc_entry.file_path("tokenizer"),
                                             enc_entry.model_id, threads=threads)
        return cls(encoder, LinearHead.from_file(clf_path, clf_entry.model_id))

    def score_units(self, units: Sequence[str],
                    map_fn: Callable[..., Iterable[np.ndarray]] | None = None) -> list[float]:
        """Probability per unit (see module docstring); empty input gives an empty list.
        ``map_fn`` (like the builtin ``map``) runs :meth:`SentenceEncoder.embed` over the
        distinct units, possibly concurrently."""
        if not units:
            return []
        distinct = list(dict.fromkeys(units))
        if map_fn is None or len(distinct) < 2:
            vectors = self.encoder.embed_many(distinct)
        else:
            vectors = np.asarray(list(map_fn(self.encoder.embed, distinct)), dtype=np.float32)
        probs = self.head.probabilities(vectors)
        by_unit = {u: float(p) if math.isfinite(float(p)) else 0.0
                   for u, p in zip(distinct, probs, strict=True)}
        return [by_unit[u] for u in units]


# ---- the layer the detector uses ---------------------------------------------------------

MAX_MODEL_UNITS = 200
# The score at which the whole-entry read raises (model probability, as the threshold).
WHOLE_READ_AT = 0.90
CHUNK_WORDS = 48
WINDOW_WORDS = 80
_OWN_QUOTE = re.compile(r"\bi (?:said|say|told|tell|keep thinking|thought|think|wrote|write|"
                        r"texted)\b[^«]{0,20}$")
_QUOTED = re.compile(r"«[^»]*»?")
_LETTERS = re.compile(r"[a-z]")


def model_units(ctx: ScreenContext, detector: CrisisDetector,
                max_units: int = MAX_MODEL_UNITS, *, whole: bool = False
                ) -> list[tuple[int, str]]:
    """``(sentence index, text)`` pairs the model reads, in document order.

    The model reads sentences in context. Sentences in a safe frame
    (:meth:`CrisisDetector.safe_frame`) are left out; quoted speech is removed unless the writer
    introduces it as their own words ("I keep thinking «...»"); sentences over ``CHUNK_WORDS``
    words are cut into chunks of that size. When the remaining chunks hold at most
    ``WINDOW_WORDS`` words the whole text is one unit (its index is its first chunk's
    sentence). Otherwise there is one unit per chunk: the chunk with its neighbours, the one
    before first, then the one after, as long as the unit stays within ``WINDOW_WORDS`` words.
    At most ``max_units`` units: when a text has more, chunks of sentences containing one of
    the pattern screen's trigger stems are taken first, then the others, each group in
    document order (the pattern screen itself still reads everything).
    With ``whole`` only the frames of :meth:`CrisisDetector.whole_frame` are left out: the
    units of the whole-entry read.
    """
    frame = detector.whole_frame if whole else detector.safe_frame
    chunks = [(k, c) for k in range(len(ctx.starts)) for c in _sentence_units(ctx, frame, k)]
    if not chunks:
        return []
    sizes = [len(c.split()) for _, c in chunks]
    if sum(sizes) <= WINDOW_WORDS:
        return [(chunks[0][0], _join(chunks))]
    order = list(range(len(chunks)))
    if len(chunks) > max_units:
        hot = [i for i in order if _TRIGGER.search(ctx.norm, ctx.starts[chunks[i][0]],
                                                   ctx.ends[chunks[i][0]])]
        hot_set = set(hot)
        order = sorted(hot[:max_units]) if len(hot) >= max_units else sorted(
            hot + [i for i in order if i not in hot_set][:max_units - len(hot)])
    units = []
    for i in order:
        lo = hi = i
        words = sizes[i]
        for j in (i - 1, i + 1):
            if 0 <= j < len(chunks) and words + sizes[j] <= WINDOW_WORDS:
                lo, hi, words = min(lo, j), max(hi, j), words + sizes[j]
        units.append((chunks[i][0], _join(chunks[lo:hi + 1])))
    return units


def _join(chunks: Sequence[tuple[int, str]]) -> str:
    """Chunks as one text; a sentence boundary between them is marked with ". "."""
    out = chunks[0][1]
    for (k0, _), (k1, c) in zip(chunks, chunks[1:], strict=False):
        out += (" " if k0 == k1 else ". ") + c
    return out


def _sentence_units(ctx: ScreenContext, frame: Callable[[ScreenContext, int], str | None],
                    k: int) -> list[str]:
    sent = ctx.norm[ctx.starts[k]:ctx.ends[k]]
    if not _LETTERS.search(sent) or frame(ctx, k):
        return []
    if "«" in sent:
        sent = _QUOTED.sub(
            lambda m: m.group(0) if _OWN_QUOTE.search(m.string[:m.start()]) else " ", sent)
    words = sent.replace("«", " ").replace("»", " ").split()
    chunks = (" ".join(words[i:i + CHUNK_WORDS]) for i in range(0, len(words), CHUNK_WORDS))
    return [c for c in chunks if _LETTERS.search(c)]


def model_score(p: float, threshold: float) -> float:
    """Detector score for a model-only ``concern``: 0.3 at the threshold, below 0.6 at p=1."""
    return round(CONCERN_AT + 0.3 * (p - threshold) / max(1e-6, 1.0 - threshold) * 0.99, 3)


class _Loaded(Generic[M]):
    """A model loaded on first use; a failure is kept (and not retried) as ``error``."""

    def __init__(self, loader: Callable[[], M], what: str, lock: threading.Lock) -> None:
        self._loader = loader
        self._what = what
        self._lock = lock
        self._model: M | None = None
        self.error: str | None = None

    def get(self) -> M | None:
        with self._lock:
            if self._model is None and self.error is None:
                try:
                    self._model = self._loader()
                except Exception as exc:  # noqa: BLE001 - logged; the pattern screen still runs
                    self.error = model_failure(self._what, exc)
            return self._model


class ModelLayer:
    """Learned layer for :class:`CrisisDetector` (``CrisisDetector(model=ModelLayer())``).

    The model is loaded lazily on first use by ``loader`` (default: :meth:`CrisisModel.load`
    from the default registry); a failure (missing files, integrity, runtime) is kept and
    recorded in every result's ``model_error`` while the pattern result is returned unchanged.
    Thread-safe.

    Combination (``apply``): when the highest unit score reaches the model's threshold, a
    pattern ``none`` becomes ``concern`` (score 0.3-0.6) and a pattern ``concern`` becomes
    ``urgent`` only if the patterns see a plan, or a method or time word (``MEANS``/``TIMING``),
    in that sentence or a neighbour; ``urgent`` stays ``urgent``. A reason such as "the wording
    resembles statements of suicidal thinking or self-harm (model score 0.87)" is added.
    The one case the model lowers: a ``concern`` whose only reasons are past events the
    patterns could not place (``PAST_REASON``) becomes ``none`` when the model, reading those
    sentences with their neighbours, stays below its threshold ("back then I had a plan. This
    year I have a garden."). Current signals are never lowered.

    The whole-entry read: when no unit reached the threshold, the sentences the layer left out
    for its own reasons (:meth:`CrisisDetector.safe_frame` beyond
    :meth:`CrisisDetector.whole_frame`: another person as the subject, a negation, a
    resolution nearby) are read again in their place (``model_units(..., whole=True)``), and
    a unit scoring at least ``WHOLE_READ_AT`` raises by the same rules ("My wife would get the
    house and wouldn't have to nurse me through another winter."). Only the English layer
    reads this way.

    An entry the language identifier reads as Spanish, French, German or Portuguese is read by
    the layer for those languages (:class:`~mindspace.ml.crisis_intl.IntlCrisisModel`) instead,
    on the same units and with the same raising rules; it lowers nothing. Its own failure is
    recorded the same way.
    """

    def __init__(self, loader: Callable[[], CrisisModel] | None = None,
                 max_units: int = MAX_MODEL_UNITS, workers: int = 1,
                 intl_loader: Callable[[], IntlCrisisModel] | None = None) -> None:
        """``workers`` > 1 encodes a text's units on that many threads (same scores, less
        wall time on a multi-core CPU). ``intl_loader`` (default:
        :meth:`IntlCrisisModel.load`) gives the layer for Spanish, French, German and
        Portuguese entries."""
        self._lock = threading.Lock()
        self._english = _Loaded(loader or CrisisModel.load, "crisis model unavailable",
                                self._lock)
        self._intl = _Loaded(intl_loader or IntlCrisisModel.load,
                             "crisis model (other languages) unavailable", self._lock)
        self.max_units = max_units
        self.workers = max(1, int(workers))
        self._pool: ThreadPoolExecutor | None = None

    def _scores(self, model: CrisisModel, units: list[str]) -> list[float]:
        if self.workers < 2 or len(units) < 2:
            return model.score_units(units)
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="crisis-units")
            pool = self._pool
        return model.score_units(units, map_fn=pool.map)

    def model(self) -> CrisisModel | None:
        return self._english.get()

    @property
    def error(self) -> str | None:
        self._english.get()
        return self._english.error

    @property
    def model_id(self) -> str | None:
        model = self.model()
        return model.model_id if model is not None else None

    def apply(self, result: CrisisResult, ctx: ScreenContext, detector: CrisisDetector
              ) -> CrisisResult:
        language = identify(ctx.norm)
        # An entry in Spanish, French, German or Portuguese is read by the layer for those
        # languages (the English layer reads English only); it raises the same way, lowers nothing.
        loaded = self._intl if language.code in INTL_LANGUAGES else self._english
        model = loaded.get()
        if model is None:
            return replace(result, model_error=loaded.error)
        units = model_units(ctx, detector, self.max_units)
        texts = [u for _, u in units]
        try:
            scores = (self._scores(model, texts) if isinstance(model, CrisisModel)
                      else model.score_units(texts))
        except Exception as exc:  # noqa: BLE001 - logged; the pattern result stands, marked
            return replace(result, model_error=model_failure("crisis model failed", exc))
        if scores and max(scores) >= model.threshold:
            return self._raise(result, ctx, units, scores, model.threshold, model.model_id)
        if isinstance(model, CrisisModel):
            # The whole-entry read: sentences the layer left out for its own reasons (another
            # person as subject, a negation, a resolution nearby) read again in their place;
            # it raises only at a much higher score (WHOLE_READ_AT).
            read = set(units)
            wide = [u for u in model_units(ctx, detector, self.max_units, whole=True)
                    if u not in read]
            try:
                wide_scores = self._scores(model, [u for _, u in wide])
            except Exception as exc:  # noqa: BLE001 - as above
                return replace(result, model_error=model_failure("crisis model failed", exc))
            if wide_scores and max(wide_scores) >= WHOLE_READ_AT:
                return self._raise(result, ctx, wide, wide_scores, model.threshold,
                                   model.model_id)
        if scores and result.level == "concern" and result.reasons and all(
                r.startswith(PAST_REASON) for r in result.reasons) and (
                language.english_models) and not cp.RECENT_PAST.search(ctx.norm) and (
                not cp.NOT_OVER.search(ctx.norm)):
            # (the model reads English only: in another language its silence says nothing)
            # Past events alone: the model read them in context and saw no current risk (when
            # every sentence was left out of its units it read nothing and lowers nothing).
            # Nor is one the writer doubts is over (cp.NOT_OVER: "i do not know if it is gone").
            # A recent event (cp.RECENT_PAST) is never lowered: the weeks after an attempt or an
            # act of self-harm are a time of raised risk, whatever else the entry says.
            return replace(result, level="none", score=0.0, reasons=[], model=model.model_id,
                           ignored=(*result.ignored, "past event read in context as over "
                                    f"(model score {max(scores, default=0.0):.2f})"))
        return replace(result, model=model.model_id)

    def _raise(self, result: CrisisResult, ctx: ScreenContext, units: list[tuple[int, str]],
               scores: list[float], threshold: float, model_id: str) -> CrisisResult:
        """The level once a unit reached the threshold (see the class docstring)."""
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        p, k = scores[best], units[best][0]
        reasons = [*result.reasons,
                   f"the wording resembles statements of suicidal thinking or self-harm "
                   f"(model score {p:.2f})"]
        level, score = result.level, result.score
        if level == "none":  # the model alone: at most concern
            level, score = "concern", max(score, model_score(p, threshold))
        elif level == "concern":  # urgent only with pattern evidence of a plan/means/timing
            evidence = self._evidence(ctx, k)
            if evidence:
                level, score = "urgent", max(score, URGENT_AT)
                reasons.append(f"together with {evidence}")
        return replace(result, level=level, score=round(min(1.0, score), 3),
                       reasons=reasons, model=model_id)

    @staticmethod
    def _evidence(ctx: ScreenContext, k: int) -> str | None:
        """Pattern evidence of a plan, means or timing in sentence ``k`` or a neighbour."""
        near = [j for j in (k - 1, k, k + 1) if 0 <= j < len(ctx.starts)]
        if any(j in ctx.plan_sentences for j in near):
            return "a plan found by the patterns"
        window = " ".join(ctx.norm[ctx.starts[j]:ctx.ends[j]] for j in near)
        means = sorted({m.group(1) for m in cp.MEANS.finditer(window)})
        timing = cp.TIMING.search(window)
        parts = []
        if means:
            parts.append(f"a method ({', '.join(means[:3])})")
        if timing:
            parts.append(f"a time ({timing.group(0)})")
        return " and ".join(parts) or None
