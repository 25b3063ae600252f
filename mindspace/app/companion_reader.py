"""How the companion reads one message: the crisis screen with its learned layer, the emotion
model and VADER sentiment, loaded so that the first reply comes quickly.

Contract
--------
* ``MessageReader.load(registry)`` verifies and loads the crisis screen's learned layer (whose
  sentence encoder the intent classifier shares), and starts loading the emotion model and the
  sentiment lexicon on background threads. ``read(text)`` waits for the emotion model (it is
  part of every reading) but not for the sentiment lexicon, whose import alone can take
  seconds on a busy machine: until it is ready ``compound`` is None and the reflection leans on
  the emotion labels only. Nothing here decides a crisis level on its own; the engine does.
* A missing or damaged model never raises from ``read``: the crisis screen falls back to its
  patterns (``crisis.model_error``), emotions to an empty list (``emotion_error``).
* Thread-safe after loading.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mindspace.ml.crisis import CrisisDetector, CrisisResult

if TYPE_CHECKING:
    from mindspace.ml.crisis_model import CrisisModel, SentenceEncoder
    from mindspace.ml.emotion_model import EmotionModel
    from mindspace.ml.registry import ModelRegistry
    from mindspace.ml.sentiment import SentimentAnalyzer


@dataclass(frozen=True)
class MessageReading:
    crisis: CrisisResult
    labels: list[str] = field(default_factory=list)  # emotion labels over their thresholds
    compound: float | None = None  # VADER compound in [-1, 1]; None while it loads
    emotion_error: str | None = None


class _Background:
    """One object built on its own thread; ``get(wait)`` returns it (or None)."""

    def __init__(self, build: Any, name: str, after: _Background | None = None) -> None:
        self._value: Any = None
        self.error: str | None = None
        self._done = threading.Event()

        def run() -> None:
            if after is not None:  # one load at a time, so the first reply is not slowed
                after._done.wait()
            try:
                self._value = build()
            except Exception as exc:  # noqa: BLE001 - reported through `error`
                from mindspace.ml.failures import model_failure

                self.error = model_failure(f"{name} unavailable", exc)
            finally:
                self._done.set()

        # not a daemon: a process that ended while a model was still loading would abort inside
        # onnxruntime or fail an import at shutdown; it waits for the load instead
        threading.Thread(target=run, name=f"companion-{name}", daemon=False).start()

    def get(self, wait: bool) -> Any:
        if wait:
            self._done.wait()
        return self._value if self._done.is_set() else None


class MessageReader:
    def __init__(self, detector: CrisisDetector, encoder: SentenceEncoder | None,
                 emotions: _Background, sentiment: _Background) -> None:
        self.detector = detector
        self.encoder = encoder
        self._emotions = emotions
        self._sentiment = sentiment

    @classmethod
    def load(cls, registry: ModelRegistry) -> MessageReader:
        from mindspace.ml.crisis_intl import IntlCrisisModel
        from mindspace.ml.crisis_model import CrisisModel, ModelLayer

        def emotion_model() -> EmotionModel:
            from mindspace.ml.emotion_model import EmotionModel

            return EmotionModel.load(registry)

        def sentiment() -> SentimentAnalyzer:
            from mindspace.ml.sentiment import SentimentAnalyzer

            return SentimentAnalyzer()

        registry.names()  # read the manifest once, before two threads ask for entries
        # NLTK imports joblib, which imports this module; it registers an exit hook, which
        # fails if the import runs on a worker while the main thread is already finishing
        import concurrent.futures.process  # noqa: F401

        emotions = _Background(emotion_model, "emotion model")
        lexicon = _Background(sentiment, "sentiment", after=emotions)
        crisis_model: CrisisModel | None
        try:
            crisis_model = CrisisModel.load(registry)
        except Exception:  # noqa: BLE001 - the layer reports the reason on every reading
            crisis_model = None
        def intl() -> IntlCrisisModel:
            return IntlCrisisModel.load(registry)

        if crisis_model is not None:
            loaded = crisis_model
            layer = ModelLayer(lambda: loaded, intl_loader=intl)
        else:
            layer = ModelLayer(lambda: CrisisModel.load(registry), intl_loader=intl)
        encoder = crisis_model.encoder if crisis_model is not None else None
        return cls(CrisisDetector(model=layer), encoder, emotions, lexicon)

    def wait_until_loaded(self) -> None:
        self._emotions.get(wait=True)
        self._sentiment.get(wait=True)

    def read(self, text: str) -> MessageReading:
        crisis = self.detector.detect(text)
        labels: list[str] = []
        model = self._emotions.get(wait=True)
        error = self._emotions.error
        if model is not None and text.strip():
            try:
                labels = list(model.predict([text[:2000]])[0].labels)
            except Exception as exc:  # noqa: BLE001 - the reading goes on without emotions
                from mindspace.ml.failures import model_failure

                error = model_failure("emotion model failed", exc)
        analyzer = self._sentiment.get(wait=False)
        compound = analyzer.analyze(text).compound if analyzer is not None else None
        return MessageReading(crisis, labels, compound, error)
