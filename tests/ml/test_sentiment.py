"""VADER sentiment through NLTK with the lexicon shipped in resources/ (never downloaded)."""

from __future__ import annotations

import zipfile
from importlib import metadata
from pathlib import Path

import nltk
import pytest

from mindspace.ml.sentiment import SentimentAnalyzer, SentimentUnavailableError, nltk_data_dir


@pytest.fixture(scope="module")
def analyzer() -> SentimentAnalyzer:
    return SentimentAnalyzer()


def test_lexicon_is_shipped_in_nltk_layout_with_license() -> None:
    archive = nltk_data_dir() / "sentiment" / "vader_lexicon.zip"
    with zipfile.ZipFile(archive) as zf:
        shipped = zf.read("vader_lexicon/vader_lexicon.txt")
    assert (archive.parent / "VADER-LICENSE.txt").read_text().count("MIT") >= 1
    dist = metadata.distribution("vaderSentiment")
    source = next(f for f in dist.files or [] if str(f).endswith("vader_lexicon.txt"))
    assert shipped == Path(str(dist.locate_file(source))).read_bytes()


def test_scores_without_downloading(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_download(*_a: object, **_k: object) -> None:
        raise AssertionError("nltk.download must never be called")

    monkeypatch.setattr(nltk, "download", no_download)
    sa = SentimentAnalyzer()
    assert sa.analyze("I am so happy today!").compound > 0.5
    assert sa.analyze("This is awful and I hate it.").compound < -0.5


def test_shape_empty_emoji_and_other_languages(analyzer: SentimentAnalyzer) -> None:
    empty = analyzer.analyze("")
    assert empty.to_dict() == {"compound": 0.0, "pos": 0.0, "neu": 0.0, "neg": 0.0}
    assert analyzer.analyze("😢😢").compound < 0  # emoji described before scoring
    assert analyzer.analyze("😀").compound > 0
    assert -1 <= analyzer.analyze("Ich bin müde, 今日は疲れた").compound <= 1
    s = analyzer.analyze("Good day").to_dict()
    assert set(s) == {"compound", "pos", "neu", "neg"}


def test_long_text_is_averaged(analyzer: SentimentAnalyzer) -> None:
    doc = "I had a wonderful day. " * 50_000 + "Everything is terrible. " * 50_000
    result = analyzer.analyze(doc)
    assert -0.3 < result.compound < 0.3


def test_tweet_tokenizer(analyzer: SentimentAnalyzer) -> None:
    tokens = analyzer.tokenize("I can't do this 😢 #sad")
    assert tokens == ["I", "can't", "do", "this", "😢", "#sad"]


def test_missing_lexicon_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SentimentUnavailableError, match="missing"):
        SentimentAnalyzer(tmp_path)
