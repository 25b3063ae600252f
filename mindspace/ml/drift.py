"""Input drift of a model: how the texts it reads on this device compare with what it learned
from. Pure NumPy; nothing here stores or sends anything.

Contract
--------
* Features, each a histogram of counts over fixed bins (:data:`BINS`):
  ``language`` (a stopword heuristic over 7 languages, :func:`detect_language`; ``"unknown"``
  for texts with too few words to tell), ``length_words`` (word count) and ``top_confidence``
  (the highest emotion probability the model gave a text).
* :class:`DriftProfile` accumulates counts (``add_text``, ``add_confidence``) and keeps nothing
  else: no text, no per-entry value.
* :func:`psi` is the population stability index between a reference and an observed
  histogram, with each bin's share floored at ``1e-4``: PSI = sum (o - r) * ln(o / r).
  :data:`PSI_SHIFT` (0.1) and :data:`PSI_DRIFT` (0.25) are the usual "some shift" and
  "drift" limits; a feature is compared only once at least :data:`MIN_COUNT` texts were seen.
* A reference is ``{"source": str, "n": int, "histograms": {feature: {bin: count}}}``, stored
  per model under ``"drift_reference"`` in ``models/manifest.json`` by
  ``scripts/make_drift_reference.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PSI_SHIFT = 0.10
PSI_DRIFT = 0.25
MIN_COUNT = 20
FLOOR = 1e-4

LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "other": "another language", "unknown": "too short to tell",
}
def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _set("the and is are was i you it that this with have not my me to of for what "
                    "but just so be do at on he she they we am been would about really today "
                    "feel felt"),
    "es": _set("el los las que y es un una por con para mi pero muy estoy está como del "
                    "hoy yo lo se su sus al fue hay más también estaba tengo siento "
                    "mucho"),
    "fr": _set("le les et est je suis une des pour pas dans qui avec mais très mon ma ce "
                    "il elle nous du au aujourd'hui j'ai c'est été"),
    "de": _set("der die das und ist ich nicht ein eine mit zu auf für aber sehr mein "
                    "heute bin war sich den dem habe auch wie"),
    "it": _set("il gli che è sono per non con mi ma molto oggi ho della nel alla "
                    "anche come sto"),
    "pt": _set("o os que é um uma para com não muito estou eu meu minha hoje mas do da "
                    "em foi também"),
    "nl": _set("de het een en is ik niet van op met voor maar heel mijn vandaag ben dat "
                    "die te ook"),
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

BINS: dict[str, tuple[str, ...]] = {
    "language": ("en", "es", "fr", "de", "it", "pt", "nl", "other", "unknown"),
    "length_words": ("0-5", "6-15", "16-30", "31-60", "61-120", "121-250", "251+"),
    "top_confidence": ("<0.3", "0.3-0.4", "0.4-0.5", "0.5-0.6", "0.6-0.7", "0.7-0.8",
                       "0.8-0.9", "0.9-1"),
}
_LENGTH_EDGES = (5, 15, 30, 60, 120, 250)
_CONF_EDGES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def detect_language(text: str) -> str:
    """A language code of :data:`LANGUAGE_NAMES`: the language whose common words occur most
    (at least 2 of them, and at least 1 in 6 words); ``"unknown"`` under 3 words; ``"other"``
    when no language qualifies."""
    tokens = words(text)
    if len(tokens) < 3:
        return "unknown"
    hits = {lang: sum(1 for t in tokens if t in stop) for lang, stop in _STOPWORDS.items()}
    best = max(hits, key=lambda lang: (hits[lang], lang == "en"))
    if hits[best] >= 2 and hits[best] * 6 >= len(tokens):
        return best
    return "other"


def length_bin(n_words: int) -> str:
    for edge, label in zip(_LENGTH_EDGES, BINS["length_words"], strict=False):
        if n_words <= edge:
            return label
    return BINS["length_words"][-1]


def confidence_bin(p: float) -> str:
    for edge, label in zip(_CONF_EDGES, BINS["top_confidence"], strict=False):
        if p < edge:
            return label
    return BINS["top_confidence"][-1]


@dataclass
class DriftProfile:
    """Counts per feature and bin; no texts."""

    features: tuple[str, ...]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for feature in self.features:
            self.counts.setdefault(feature, {b: 0 for b in BINS[feature]})

    def _bump(self, feature: str, label: str) -> None:
        if feature in self.counts:
            self.counts[feature][label] += 1

    def add_text(self, text: str) -> None:
        self._bump("language", detect_language(text))
        self._bump("length_words", length_bin(len(words(text))))

    def add_confidence(self, probabilities: Mapping[str, float]) -> None:
        if probabilities:
            self._bump("top_confidence", confidence_bin(max(probabilities.values())))

    def total(self, feature: str) -> int:
        return sum(self.counts.get(feature, {}).values())

    def to_dict(self) -> dict[str, dict[str, int]]:
        return {f: dict(c) for f, c in self.counts.items()}


def _shares(counts: Mapping[str, float], bins: tuple[str, ...]) -> list[float]:
    total = sum(float(counts.get(b, 0)) for b in bins)
    if total <= 0:
        return [1.0 / len(bins)] * len(bins)
    raw = [max(float(counts.get(b, 0)) / total, FLOOR) for b in bins]
    norm = sum(raw)
    return [r / norm for r in raw]


def psi(reference: Mapping[str, float], observed: Mapping[str, float], feature: str) -> float:
    """Population stability index of ``observed`` against ``reference`` over ``feature``'s
    bins (0 when identical; above 0.25 usually called drift)."""
    bins = BINS[feature]
    r = _shares(reference, bins)
    o = _shares(observed, bins)
    return float(sum((oi - ri) * math.log(oi / ri) for oi, ri in zip(o, r, strict=True)))


def shares(counts: Mapping[str, float], feature: str) -> dict[str, float]:
    total = sum(float(v) for v in counts.values())
    return {b: (float(counts.get(b, 0)) / total if total else 0.0) for b in BINS[feature]}


def mean_bin(counts: Mapping[str, float], feature: str) -> float:
    """Mean bin index (ordered features): which way a shift goes."""
    s = shares(counts, feature)
    return sum(i * s[b] for i, b in enumerate(BINS[feature]))


@dataclass(frozen=True)
class FeatureDrift:
    feature: str
    psi: float | None  # None: not enough texts yet
    observed: dict[str, int]
    reference: dict[str, int]

    @property
    def level(self) -> str:
        """``"drift"``, ``"shift"``, ``"stable"`` or ``"too few"``."""
        if self.psi is None:
            return "too few"
        if self.psi >= PSI_DRIFT:
            return "drift"
        return "shift" if self.psi >= PSI_SHIFT else "stable"

    def to_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "psi": None if self.psi is None else round(self.psi, 4),
                "level": self.level, "observed": self.observed, "reference": self.reference}


def compare(reference: Mapping[str, Any], profile: DriftProfile,
            min_count: int = MIN_COUNT) -> list[FeatureDrift]:
    """One :class:`FeatureDrift` per feature present in both the reference and the profile."""
    hists: Mapping[str, Mapping[str, int]] = reference.get("histograms", {})
    out: list[FeatureDrift] = []
    for feature in profile.features:
        ref = hists.get(feature)
        if ref is None:
            continue
        observed = profile.counts[feature]
        value = psi(ref, observed, feature) if profile.total(feature) >= min_count else None
        out.append(FeatureDrift(feature, value, dict(observed),
                                {k: int(v) for k, v in ref.items()}))
    return out
