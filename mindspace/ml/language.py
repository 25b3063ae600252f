"""Offline language identification for analysed text (py3langid, model inside the wheel).

Contract
--------
* ``identify(text) -> LanguageReading`` with ``code`` an ISO 639-1 code ("en", "es", ...) or
  ``"und"`` (undetermined), the identifier's normalised confidence, ``screened`` (the crisis
  pattern screen has curated patterns for this language) and ``english_models`` (the English-only
  emotion, sentiment and wellbeing readings apply).
* Rule for ``"und"``: fewer than ``MIN_LETTERS`` letters (a CJK, kana or hangul character
  counts as three), or a top probability below
  ``MIN_CONFIDENCE``, or an identifier label that is not a two-letter ISO 639-1 code. Short
  notes ("ok", "bad day") are ``"und"``.
* ``"und"`` text is read by the English models (short notes are mostly English and there is too
  little text to tell) and by the crisis screen in all of its languages, so ``screened`` is
  true for it. Any other non-English code turns the English-only readings off.
* Thread-safe; the identifier (about 2 s to load) is loaded once, on first use. Deterministic.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from mindspace.core.languages import SCREENED_LANGUAGES, UNDETERMINED, language_name

__all__ = ["SCREENED_LANGUAGES", "UNDETERMINED", "LanguageReading", "identify", "language_name"]

MIN_LETTERS = 12
MIN_CONFIDENCE = 0.5
ENGLISH_ONLY_NOTE = "the emotion, tone and wellbeing models read English only"

_WIDE = 0x2E80  # CJK, kana, hangul: one character says as much as about three letters
_LOCK = threading.Lock()
_IDENTIFIER: Any = None


@dataclass(frozen=True)
class LanguageReading:
    code: str
    confidence: float

    @property
    def screened(self) -> bool:
        return self.code == UNDETERMINED or self.code in SCREENED_LANGUAGES

    @property
    def english_models(self) -> bool:
        return self.code in ("en", UNDETERMINED)

    def english_only_note(self) -> str | None:
        """Why the English-only readings are absent, or None when they apply."""
        if self.english_models:
            return None
        return f"{ENGLISH_ONLY_NOTE}; this text reads as {language_name(self.code)}"

    def screen_note(self) -> str | None:
        """A plain statement when the crisis screen cannot read this language, else None."""
        if self.screened:
            return None
        names = ", ".join(SCREENED_LANGUAGES.values())
        return f"the safety screen reads only {names}; it could not read this text"


def _identifier() -> Any:
    global _IDENTIFIER
    with _LOCK:
        if _IDENTIFIER is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _IDENTIFIER


def identify(text: str) -> LanguageReading:
    """The language of ``text`` under the rule in the module docstring."""
    letters = sum(3 if ord(ch) >= _WIDE else 1 for ch in text[:4000] if ch.isalpha())
    if letters < MIN_LETTERS:
        return LanguageReading(UNDETERMINED, 0.0)
    code, prob = _identifier().classify(text[:4000])
    prob = float(prob)
    if prob < MIN_CONFIDENCE or len(code) != 2:
        return LanguageReading(UNDETERMINED, round(prob, 3))
    return LanguageReading(str(code), round(prob, 3))
