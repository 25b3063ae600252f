"""TextAnalyzer: emotions (on-device model) + sentiment (VADER) + crisis screen for one text.

Contract
--------
* ``analyze(text) -> TextAnalysis``; ``analyze_many(texts, progress=None, cancel=None)`` keeps
  input order, calls ``progress(done, total)`` after each batch and stops early (raising
  :class:`Cancelled`) when the ``cancel`` event is set. Thread-safe; slow (model load on
  first use ~1 s, then milliseconds per entry): call from a worker thread, never the GUI thread.
* Every entry is analysed on its own (each model call reads one window or unit of one text), so
  a result never depends on what else is analysed with it. With ``workers`` > 1 the entries of
  ``analyze_many`` run on that many threads (onnxruntime releases the GIL), and a single
  entry's emotion model runs beside its crisis screen; results are the same as one by one.
  The emotion model is not run for text whose language turns the English-only readings off.
* ``TextAnalysis.to_dict()`` is the ``mindspace analyze-text --json`` object:
  ``{"emotions": {7 labels: p}, "labels": [...], "sentiment": {"compound", "pos", "neu", "neg"},
  "crisis": {"level", "score", "reasons"}, "model": "name@version", "tokens": n}``.
* The crisis screen (patterns + learned layer, :mod:`mindspace.ml.crisis_model`) and sentiment
  never depend on the emotion model; the crisis screen works without its own model too.
  If the emotion model is missing or
  fails its integrity check, ``emotions`` is ``None``, ``labels`` is empty, ``model`` is ``None``
  and ``emotion_error`` holds a one-line reason (also in ``to_dict()``). Model signals may raise
  the crisis level (see :func:`mindspace.ml.crisis.combine`), never lower it.
* Size: the crisis screen reads the whole text. The model sees at most ``MODEL_CHARS``
  characters: longer texts are represented by ``MODEL_SEGMENTS`` evenly spaced excerpts
  (``model_input_truncated`` is then true). Empty text, emoji and non-English text never raise.
* Language (:mod:`mindspace.ml.language`): every result has ``language`` (ISO 639-1 or "und")
  and ``screened`` (the crisis screen has patterns for it), and ``wellbeing``
  (:mod:`mindspace.ml.wellbeing`: ``low_mood``, ``anxiety``, ``stress``). The emotion model,
  VADER and the wellbeing signals read English only: for other languages ``emotions``,
  ``sentiment`` and the wellbeing scores are null in ``to_dict()`` and ``english_only`` says
  why (never an error: ``emotion_error`` stays None). The crisis screen reads every text.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mindspace.core.errors import Cancelled
from mindspace.ml.crisis import CrisisDetector, CrisisResult, combine
from mindspace.ml.failures import model_failure
from mindspace.ml.language import LanguageReading, identify
from mindspace.ml.sentiment import Sentiment, SentimentAnalyzer
from mindspace.ml.wellbeing import SIGNALS, Wellbeing, wellbeing

if TYPE_CHECKING:
    from mindspace.ml.emotion_model import EmotionModel

EMOTION_LABELS = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")
MODEL_CHARS = 8_000
MODEL_SEGMENTS = 16
_TOKEN_SAMPLE = 20_000


def default_workers() -> int:
    """Threads for analysis: ``MINDSPACE_ANALYSIS_WORKERS``, else the core count up to 2."""
    raw = os.environ.get("MINDSPACE_ANALYSIS_WORKERS", "")
    if raw.strip().isdigit() and int(raw) > 0:
        return int(raw)
    return max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class TextAnalysis:
    emotions: dict[str, float] | None
    labels: list[str]
    sentiment: Sentiment
    crisis: CrisisResult
    model: str | None
    tokens: int
    emotion_error: str | None = None
    model_input_truncated: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    reading: LanguageReading = LanguageReading("und", 0.0)
    wellbeing: Wellbeing | None = None

    @property
    def language(self) -> str:
        return self.reading.code

    @property
    def screened(self) -> bool:
        return self.reading.screened

    @property
    def english_only(self) -> str | None:
        """Why the English-only readings are absent for this text, or None."""
        return self.reading.english_only_note()

    def to_dict(self) -> dict[str, Any]:
        english = self.reading.english_models
        out: dict[str, Any] = {
            "emotions": None if self.emotions is None
            else {k: round(v, 4) for k, v in self.emotions.items()},
            "labels": list(self.labels),
            "sentiment": self.sentiment.to_dict() if english else None,
            "crisis": self.crisis.to_dict(),
            "model": self.model,
            "tokens": self.tokens,
            "language": self.reading.code,
            "screened": self.reading.screened,
            "wellbeing": self.wellbeing.to_dict() if self.wellbeing is not None
            else dict.fromkeys(SIGNALS),
        }
        if self.wellbeing is not None:
            out["wellbeing_words"] = {k: list(v) for k, v in self.wellbeing.words.items()}
        if not english:
            out["english_only"] = self.english_only
        if not self.reading.screened:
            out["screen_note"] = self.reading.screen_note()
        if self.emotion_error:
            out["emotion_error"] = self.emotion_error
        if self.model_input_truncated:
            out["model_input_truncated"] = True
        return out

    def top_emotions(self, n: int = 3) -> list[tuple[str, float]]:
        if not self.emotions:
            return []
        return sorted(self.emotions.items(), key=lambda kv: -kv[1])[:n]


def _default_loader() -> EmotionModel:
    from mindspace.ml.emotion_model import EmotionModel
    from mindspace.ml.registry import ModelRegistry

    return EmotionModel.load(ModelRegistry())


def _default_crisis() -> CrisisDetector:
    from mindspace.ml.crisis_model import ModelLayer

    return CrisisDetector(model=ModelLayer())


def model_excerpt(text: str) -> tuple[str, bool]:
    """The text the emotion model sees: all of it, or evenly spaced excerpts of a long text."""
    if len(text) <= MODEL_CHARS:
        return text, False
    size = MODEL_CHARS // MODEL_SEGMENTS
    step = (len(text) - size) / (MODEL_SEGMENTS - 1)
    parts = []
    for i in range(MODEL_SEGMENTS):
        start = int(i * step)
        chunk = text[start:start + size]
        if i and " " in chunk:  # start at a word boundary
            chunk = chunk[chunk.index(" ") + 1:]
        parts.append(chunk.strip())
    return "\n".join(parts), True


class TextAnalyzer:
    def __init__(
        self,
        emotion_loader: Callable[[], EmotionModel] | None = _default_loader,
        sentiment: SentimentAnalyzer | None = None,
        crisis: CrisisDetector | None = None,
        workers: int = 1,
    ) -> None:
        """``emotion_loader=None`` runs without the emotion model (crisis + sentiment only).
        The default crisis screen is the pattern screen plus the learned layer
        (:class:`mindspace.ml.crisis_model.ModelLayer`), which falls back to patterns only when
        its model files are missing or fail integrity (``crisis.model_error`` says so)."""
        self._loader = emotion_loader
        self._sentiment = sentiment or SentimentAnalyzer()
        self._crisis = crisis or _default_crisis()
        self._lock = threading.Lock()
        self._model: EmotionModel | None = None
        self._model_error: str | None = None if emotion_loader else "emotion model disabled"
        self.workers = max(1, int(workers))
        self._pool: ThreadPoolExecutor | None = None

    def _executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="analysis")
            return self._pool

    # ---- model --------------------------------------------------------------------------
    def emotion_model(self) -> EmotionModel | None:
        """The loaded model, or None (see ``emotion_error``). Loads once; failures are kept."""
        with self._lock:
            if self._model is None and self._model_error is None and self._loader is not None:
                try:
                    self._model = self._loader()
                except Exception as exc:  # noqa: BLE001 - logged; crisis + sentiment still run
                    self._model_error = model_failure("emotion model unavailable", exc)
            return self._model

    @property
    def emotion_error(self) -> str | None:
        self.emotion_model()
        return self._model_error

    @property
    def model_id(self) -> str | None:
        model = self.emotion_model()
        return model.model_id if model is not None else None

    @property
    def crisis_model_id(self) -> str | None:
        """The crisis screen's learned layer, or None when it is absent or failed to load."""
        layer = self._crisis.model
        return layer.model_id if layer is not None else None

    # ---- analysis -----------------------------------------------------------------------
    def analyze(self, text: str) -> TextAnalysis:
        return self.analyze_many([text])[0]

    def analyze_many(
        self,
        texts: Sequence[str],
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
        batch_size: int = 16,
    ) -> list[TextAnalysis]:
        texts = [t if isinstance(t, str) else str(t) for t in texts]
        model = self.emotion_model()
        pooled = self.workers > 1 and len(texts) > 1
        out: list[TextAnalysis] = []
        total = len(texts)
        for start in range(0, total, batch_size):
            if cancel is not None and cancel.is_set():
                raise Cancelled("analysis cancelled")
            batch = texts[start:start + batch_size]
            if pooled:
                out.extend(self._executor().map(lambda t: self._entry(t, model, False), batch))
            else:
                out.extend(self._entry(t, model, self.workers > 1) for t in batch)
            if progress is not None:
                progress(len(out), total)
        return out

    def _entry(self, text: str, model: EmotionModel | None, beside: bool) -> TextAnalysis:
        """One entry; ``beside``: run the emotion model on a pool thread during the screen."""
        reading = identify(text)
        excerpt, truncated = model_excerpt(text)
        error = self._model_error
        english = reading.english_models
        pending: Future[list[Any]] | None = None
        if model is not None and english and beside:
            pending = self._executor().submit(model.predict, [excerpt])
        crisis = self._crisis.detect(text)
        pred: Any = None
        if model is not None and english:
            try:
                pred = (pending.result() if pending is not None else model.predict([excerpt]))[0]
            except Exception as exc:  # noqa: BLE001 - logged; crisis + sentiment still run
                error = model_failure("emotion model failed", exc)
        return self._one(text, pred, error, truncated, reading, crisis)

    def _one(self, text: str, pred: Any, error: str | None, truncated: bool,
             reading: LanguageReading, crisis: CrisisResult) -> TextAnalysis:
        tokens = len(self._sentiment.tokenize(text[:_TOKEN_SAMPLE]))
        if len(text) > _TOKEN_SAMPLE:  # estimate from the sample rather than tokenize 1 MB
            tokens = round(tokens * len(text) / _TOKEN_SAMPLE)
        if not reading.english_models:  # English-only models: no reading rather than a wrong one
            return TextAnalysis(None, [], Sentiment(0.0, 0.0, 1.0, 0.0), crisis, None, tokens,
                                None, truncated, reading=reading)
        sentiment = self._sentiment.analyze(text)
        if pred is None:
            return TextAnalysis(None, [], sentiment, crisis, None, tokens, error or
                                "emotion model unavailable", truncated, reading=reading)
        probs = {k: float(pred.probabilities.get(k, 0.0)) for k in EMOTION_LABELS}
        crisis = combine(crisis, probs, sentiment.compound)
        return TextAnalysis(probs, list(pred.labels), sentiment, crisis, pred.model_id, tokens,
                            None, truncated, reading=reading, wellbeing=wellbeing(text, probs))
