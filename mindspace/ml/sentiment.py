"""Sentiment with NLTK's VADER, fully offline, plus NLTK tokenization that needs no data.

Contract
--------
* The VADER lexicon ships in ``resources/nltk_data/sentiment/vader_lexicon.zip`` (MIT, from the
  ``vaderSentiment`` package; ``scripts/vendor_vader_lexicon.py`` recreates it). This module adds
  that ``nltk_data`` folder to ``nltk.data.path`` once; it never downloads NLTK data and
  never touches the network. A missing lexicon raises :class:`SentimentUnavailableError`.
* ``SentimentAnalyzer.analyze(text) -> Sentiment`` with ``compound`` in [-1, 1] and ``pos``,
  ``neu``, ``neg`` proportions (VADER's definitions). Emoji are replaced by their English
  descriptions (the package's emoji list) before scoring, so "😢" counts as "crying face".
* Texts longer than ``LONG_TEXT`` characters are scored per sentence and averaged (weighted by
  sentence length) over at most ``MAX_SENTENCES`` evenly spaced sentences, which keeps a 1 MB
  document to about a second. Empty text gives all zeros.
* ``tokenize(text)`` uses NLTK's ``TweetTokenizer`` (keeps emoji, hashtags and contractions).
* Thread-safe after construction (read-only state).
"""

from __future__ import annotations

import re
import threading
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import nltk.data
from nltk.sentiment.vader import SentimentIntensityAnalyzer
from nltk.tokenize import TweetTokenizer

from mindspace.core.errors import UserError
from mindspace.core.paths import resources_dir

LEXICON_RESOURCE = "sentiment/vader_lexicon.zip/vader_lexicon/vader_lexicon.txt"
EMOJI_MEMBER = "vader_lexicon/emoji_utf8_lexicon.txt"
LONG_TEXT = 5_000
MAX_SENTENCES = 2_000
_PATH_LOCK = threading.Lock()
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


class SentimentUnavailableError(UserError, RuntimeError):
    """The shipped VADER lexicon is missing or unreadable (one-line message)."""


@dataclass(frozen=True)
class Sentiment:
    compound: float
    pos: float
    neu: float
    neg: float

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in asdict(self).items()}


def nltk_data_dir() -> Path:
    return resources_dir() / "nltk_data"


def _ensure_path(folder: Path) -> None:
    with _PATH_LOCK:
        if str(folder) not in nltk.data.path:
            nltk.data.path.insert(0, str(folder))


class SentimentAnalyzer:
    def __init__(self, data_dir: Path | None = None) -> None:
        folder = data_dir or nltk_data_dir()
        archive = folder / "sentiment" / "vader_lexicon.zip"
        if not archive.is_file():
            raise SentimentUnavailableError(f"the VADER lexicon is missing ({archive})")
        _ensure_path(folder)
        try:
            self._vader = SentimentIntensityAnalyzer(lexicon_file=LEXICON_RESOURCE)
            self._emoji = self._load_emoji(archive)
        except (LookupError, OSError, ValueError, zipfile.BadZipFile) as exc:
            raise SentimentUnavailableError(f"the VADER lexicon could not be read: {exc}") from None
        self._tokenizer = TweetTokenizer(preserve_case=True, reduce_len=True)

    @staticmethod
    def _load_emoji(archive: Path) -> dict[str, str]:
        with zipfile.ZipFile(archive) as zf:
            if EMOJI_MEMBER not in zf.namelist():
                return {}
            text = zf.read(EMOJI_MEMBER).decode("utf-8")
        table: dict[str, str] = {}
        for line in text.splitlines():
            emoji, _, description = line.partition("\t")
            if emoji and description:
                table[emoji] = description.strip()
        return table

    def tokenize(self, text: str) -> list[str]:
        return list(self._tokenizer.tokenize(text))

    def _describe_emoji(self, text: str) -> str:
        if not self._emoji or text.isascii():
            return text
        return "".join(f" {self._emoji[ch]} " if ch in self._emoji else ch for ch in text)

    def analyze(self, text: str) -> Sentiment:
        if not text or not text.strip():
            return Sentiment(0.0, 0.0, 0.0, 0.0)
        if len(text) <= LONG_TEXT:
            return self._score(text)
        sentences = [s for s in _SENTENCE.findall(text) if s.strip()]
        if len(sentences) > MAX_SENTENCES:
            step = len(sentences) / MAX_SENTENCES
            sentences = [sentences[int(i * step)] for i in range(MAX_SENTENCES)]
        total = 0
        acc = [0.0, 0.0, 0.0, 0.0]
        for sentence in sentences:
            s = self._score(sentence)
            w = len(sentence)
            total += w
            for i, v in enumerate((s.compound, s.pos, s.neu, s.neg)):
                acc[i] += v * w
        if not total:
            return Sentiment(0.0, 0.0, 0.0, 0.0)
        return Sentiment(*(v / total for v in acc))

    def _score(self, text: str) -> Sentiment:
        scores = self._vader.polarity_scores(self._describe_emoji(text))
        return Sentiment(
            float(scores["compound"]), float(scores["pos"]), float(scores["neu"]),
            float(scores["neg"]),
        )
