"""Vocal arousal from prosody, and the circumplex reading of voice + words.

There is no open speech-emotion training data in this project's reach, so no speech-emotion
classifier is shipped. Instead:

* **Arousal** (how activated the voice sounds) is a weighted mean of robust z-scores of loudness,
  loudness variability, pitch, pitch variability, speaking rate and (negatively) pauses, squashed
  into [-1, 1] with ``tanh(z / 1.5)``: 0 is "as usual", +1 very activated, -1 very subdued. The
  z-scores are relative to the user's own baseline (>= 3 earlier check-ins) when there is one;
  otherwise to population defaults for conversational adult speech, reported as
  ``arousal_basis="population defaults"`` (loudness and pitch level are skipped then, because they
  depend on the microphone and the speaker).
* **Circumplex** (Russell, 1980): text valence (VADER compound blended with the emotion
  probabilities) x vocal arousal gives a plain-words state: negative words + low arousal reads as
  sadness or fatigue, negative + high arousal as anger or anxiety, and so on.

This is an indication for the user's own reflection, never a diagnosis. Pure computation apart
from :meth:`VoiceAnalyzer.analyze`, which measures prosody (~0.05 s per 10 s of audio).
Thread-safe.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mindspace.ml.prosody import Baseline, Prosody, describe_deviations, extract_prosody

BASIS_PERSONAL = "your usual voice"
BASIS_POPULATION = "population defaults"

# feature -> weight in the arousal estimate (sign = direction)
AROUSAL_WEIGHTS: dict[str, float] = {
    "energy_median_dbfs": 1.0,
    "energy_variability_db": 0.6,
    "pitch_median_hz": 0.6,
    "pitch_variability_st": 0.8,
    "speaking_rate_wpm": 0.8,
    "syllable_rate_per_s": 0.6,
    "pause_ratio": -0.7,
}
# (typical value, typical spread) for conversational adult speech; no loudness/pitch level here
POPULATION_DEFAULTS: dict[str, tuple[float, float]] = {
    "energy_variability_db": (7.0, 2.0),
    "pitch_variability_st": (3.0, 1.2),
    "speaking_rate_wpm": (150.0, 30.0),
    "syllable_rate_per_s": (4.5, 1.2),
    "pause_ratio": (0.2, 0.12),
}
NEGATIVE_EMOTIONS = ("sadness", "anger", "fear", "disgust")


@dataclass
class VoiceAnalysis:
    """Prosody, deviations from baseline, arousal in [-1, 1] and a description in words."""

    prosody: Prosody
    arousal: float | None
    arousal_basis: str
    deviations: dict[str, float] = field(default_factory=dict)
    description: str = ""
    baseline_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "prosody": self.prosody.to_dict(),
            "arousal": None if self.arousal is None else round(self.arousal, 3),
            "arousal_basis": self.arousal_basis,
            "deviations": self.deviations,
            "description": self.description,
            "baseline_count": self.baseline_count,
        }


def estimate_arousal(
    prosody: Mapping[str, Any], baseline: Baseline | None
) -> tuple[float | None, str, dict[str, float]]:
    """(arousal in [-1, 1] or None when nothing was measured, basis, z-scores used)."""
    if baseline is not None:
        z = baseline.deviations(prosody)
        basis = BASIS_PERSONAL
    else:
        z = {}
        for name, (typical, spread) in POPULATION_DEFAULTS.items():
            value = prosody.get(name)
            if value is not None:
                z[name] = round((float(value) - typical) / spread, 2)
        basis = BASIS_POPULATION
    total = weight = 0.0
    for name, w in AROUSAL_WEIGHTS.items():
        if name in z:
            total += w * max(-4.0, min(4.0, z[name]))
            weight += abs(w)
    if weight == 0.0:
        return None, basis, z
    return math.tanh((total / weight) / 1.5), basis, z


def text_valence(text: Mapping[str, Any] | None) -> float | None:
    """Valence in [-1, 1] from the analyze-text object (None when there were no words)."""
    if not text:
        return None
    compound = float((text.get("sentiment") or {}).get("compound", 0.0))
    emotions = text.get("emotions") or {}
    joy = float(emotions.get("joy", 0.0))
    negative = max((float(emotions.get(k, 0.0)) for k in NEGATIVE_EMOTIONS), default=0.0)
    return max(-1.0, min(1.0, 0.6 * compound + 0.4 * (joy - negative)))


@dataclass(frozen=True)
class CircumplexState:
    key: str  # e.g. "low-negative"
    words: str  # plain words
    valence: float | None
    arousal: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "words": self.words,
            "valence": None if self.valence is None else round(self.valence, 3),
            "arousal": None if self.arousal is None else round(self.arousal, 3),
        }


CUTOFF = 0.2


def circumplex(
    valence: float | None, arousal: float | None, emotions: Mapping[str, float] | None = None
) -> CircumplexState:
    """Place (valence, arousal) in the circumplex and say what that combination often reads as."""
    emotions = emotions or {}
    if valence is None and arousal is None:
        return CircumplexState("unknown", "not enough speech to read", None, None)
    v = valence or 0.0
    a = arousal or 0.0
    if v <= -CUTOFF and a <= -CUTOFF:
        return CircumplexState(
            "low-negative", "negative words with a subdued voice, which can go with sadness or "
            "fatigue", valence, arousal)
    if v <= -CUTOFF and a >= CUTOFF:
        fear = float(emotions.get("fear", 0.0))
        anger = max(float(emotions.get("anger", 0.0)), float(emotions.get("disgust", 0.0)))
        feeling = "anxiety or worry" if fear >= anger else "anger or frustration"
        if abs(fear - anger) < 0.1:
            feeling = "anger or anxiety"
        return CircumplexState(
            "high-negative", f"negative words with an activated voice, which can go with {feeling}",
            valence, arousal)
    if v <= -CUTOFF:
        return CircumplexState("negative", "mostly negative words", valence, arousal)
    if v >= CUTOFF and a >= CUTOFF:
        return CircumplexState(
            "high-positive", "positive words with an energetic voice, like excitement or joy",
            valence, arousal)
    if v >= CUTOFF and a <= -CUTOFF:
        return CircumplexState(
            "low-positive", "positive words with a calm voice, like contentment or relaxation",
            valence, arousal)
    if v >= CUTOFF:
        return CircumplexState("positive", "mostly positive words", valence, arousal)
    if a >= CUTOFF:
        return CircumplexState("high-neutral", "an activated voice with neutral words", valence,
                               arousal)
    if a <= -CUTOFF:
        return CircumplexState("low-neutral", "a subdued voice with neutral words", valence,
                               arousal)
    return CircumplexState("neutral", "a fairly neutral tone overall", valence, arousal)


class VoiceAnalyzer:
    """Reads the voice of a recording relative to the user's own baseline (when known)."""

    def analyze(
        self,
        samples: np.ndarray,
        segments: Sequence[Mapping[str, Any]] | None = None,
        history: Sequence[Mapping[str, Any]] | None = None,
    ) -> VoiceAnalysis:
        """``history``: earlier check-ins' prosody dicts, oldest first (may be empty)."""
        prosody = extract_prosody(samples, segments)
        return self.from_prosody(prosody, history)

    def from_prosody(
        self, prosody: Prosody, history: Sequence[Mapping[str, Any]] | None = None
    ) -> VoiceAnalysis:
        baseline = Baseline.from_history(history or [])
        values = prosody.to_dict()
        arousal, basis, z = estimate_arousal(values, baseline)
        if prosody.speech_s <= 0.0:
            description = "no speech was heard"
        elif baseline is None:
            n = len(history or [])
            description = (
                f"not enough earlier check-ins to compare with your usual voice yet ({n} of 3); "
                "arousal is read against population defaults"
            )
        else:
            description = describe_deviations(z)
        return VoiceAnalysis(
            prosody=prosody,
            arousal=arousal,
            arousal_basis=basis,
            deviations=z if baseline is not None else {},
            description=description,
            baseline_count=baseline.count if baseline else 0,
        )
