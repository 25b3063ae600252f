"""TextAnalyzer with the real shipped emotion model; degraded mode without it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from mindspace.ml.emotion_model import EmotionModel
from mindspace.ml.registry import ModelRegistry
from mindspace.ml.text_analyzer import (
    EMOTION_LABELS,
    MODEL_CHARS,
    Cancelled,
    TextAnalyzer,
    model_excerpt,
)

KEYS = {"emotions", "labels", "sentiment", "crisis", "model", "tokens"}


@pytest.fixture(scope="module")
def analyzer() -> TextAnalyzer:
    return TextAnalyzer()


def test_contract_shape(analyzer: TextAnalyzer) -> None:
    d = analyzer.analyze("I am so happy today!").to_dict()
    assert set(d) >= KEYS
    assert set(d["emotions"]) == set(EMOTION_LABELS)
    assert all(0.0 <= p <= 1.0 for p in d["emotions"].values())
    assert d["labels"] and set(d["labels"]) <= set(EMOTION_LABELS)
    assert d["model"].startswith("text-emotion@")
    assert d["sentiment"]["compound"] > 0 and d["crisis"]["level"] == "none"
    assert "joy" in d["labels"]


def test_crisis_and_emotions_together(analyzer: TextAnalyzer) -> None:
    r = analyzer.analyze("I want to end my life tonight.")
    assert r.crisis.level == "urgent" and r.emotions is not None


def test_empty_emoji_non_english_and_huge(analyzer: TextAnalyzer) -> None:
    for text in ("", "   ", "🙂🎉"):
        d = analyzer.analyze(text).to_dict()
        assert set(d["emotions"]) == set(EMOTION_LABELS) and d["language"] == "und"
    # English-only models give no reading of other languages, and say so (not an error)
    for text, code in (("Je suis très fatigué aujourd'hui", "fr"), ("今日はとても悲しい", "ja")):
        d = analyzer.analyze(text).to_dict()
        assert d["language"] == code and d["emotions"] is None and d["sentiment"] is None
        assert "English only" in d["english_only"] and "emotion_error" not in d
    huge = "We went for a walk by the river and it was calm. " * 21_000 + "I want to die."
    r = analyzer.analyze(huge)
    assert r.model_input_truncated and r.crisis.level == "urgent" and r.tokens > 100_000


def test_model_excerpt_bounds_the_model_input() -> None:
    text = "word " * 100_000
    excerpt, truncated = model_excerpt(text)
    assert truncated and len(excerpt) <= MODEL_CHARS + 32
    assert model_excerpt("short")[0] == "short"


def test_analyze_many_keeps_order_reports_progress_and_cancels(analyzer: TextAnalyzer) -> None:
    texts = ["I am furious", "I am terrified", "What a lovely surprise"] * 3
    seen: list[tuple[int, int]] = []
    out = analyzer.analyze_many(texts, progress=lambda d, t: seen.append((d, t)), batch_size=4)
    assert [o.crisis.level for o in out] == ["none"] * 9
    assert seen[-1] == (9, 9)
    assert out[0].emotions == analyzer.analyze("I am furious").emotions
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        analyzer.analyze_many(texts, cancel=cancel)


def test_missing_model_keeps_crisis_and_sentiment(tmp_path: Path) -> None:
    analyzer = TextAnalyzer(lambda: EmotionModel.load(ModelRegistry(tmp_path)))
    r = analyzer.analyze("I want to kill myself")
    assert r.emotions is None and r.model is None
    assert r.crisis.level == "urgent" and r.sentiment.compound < 0
    d = r.to_dict()
    assert d["emotions"] is None and "manifest missing" in d["emotion_error"]
