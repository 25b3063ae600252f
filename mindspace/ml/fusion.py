"""Late fusion of what was said (text analysis) and how it sounded (voice analysis).

Contract
--------
* :func:`fuse` combines the analyze-text object (``emotions``, ``sentiment.compound``,
  ``crisis.level``) with a :class:`~mindspace.ml.voice_analyzer.VoiceAnalysis` into a
  :class:`FusionResult`: level ``"low" | "moderate" | "high"``, an explanation in plain words that
  names the evidence, the circumplex state, and recommendations that fit the state.
* Rules: the crisis detector's ``urgent`` always gives ``high``; ``concern`` gives at least
  ``moderate`` (and 1.5 points). Whether the support panel opens is not decided here but by
  :func:`mindspace.core.rules.opens_support_panel` on ``crisis_level``. Otherwise evidence points
  are added up: negative sentiment (up to 1.5), a strong negative emotion (0.5), a subdued or
  agitated voice together with negative words (1 against the user's own baseline, 0.5 against
  population defaults), a voice notably flatter / slower / quieter or with more pauses than the
  user's own usual (0.5 each, at most 1); >= 3.5 points is ``high``, >= 1.5 ``moderate``. So
  without a crisis signal, ``high`` needs very negative words *and* a voice clearly off the
  user's usual.
* It is an indication for the user's own reflection, never a diagnosis; every explanation says so.
* ``helpfulness`` (recommendation id -> (times helped, times rated)) reorders recommendations so
  those that helped this user before come first. Pure function; thread-safe.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mindspace.ml.voice_analyzer import (
    NEGATIVE_EMOTIONS,
    CircumplexState,
    VoiceAnalysis,
    circumplex,
    text_valence,
)

LEVELS = ("low", "moderate", "high")
DISCLAIMER = "This is an indication for your own reflection, not a diagnosis."
HIGH_POINTS = 3.5
MODERATE_POINTS = 1.5

RECOMMENDATIONS: dict[str, dict[str, str]] = {
    "safety-plan": {
        "title": "Open your safety plan",
        "text": "Go through your safety plan step by step, and contact a crisis line or "
        "emergency services if you might act on thoughts of harming yourself.",
    },
    "reach-out": {
        "title": "Reach out to someone",
        "text": "Send a message or call someone you trust and tell them how today is going.",
    },
    "grounding": {
        "title": "Grounding: 5-4-3-2-1",
        "text": "Name 5 things you see, 4 you can touch, 3 you hear, 2 you smell and 1 you taste.",
    },
    "breathing": {
        "title": "Slow breathing",
        "text": "Breathe in for 4 counts, hold for 4, out for 6; repeat for two minutes.",
    },
    "walk": {
        "title": "A short walk",
        "text": "A ten-minute walk outside, at an easy pace, noticing what is around you.",
    },
    "savour": {
        "title": "Note what went well",
        "text": "Write down one thing that went well today and what helped it happen.",
    },
}

_BY_STATE: dict[str, tuple[str, ...]] = {
    "low-negative": ("walk", "reach-out", "breathing"),
    "high-negative": ("breathing", "grounding", "walk"),
    "negative": ("reach-out", "walk", "breathing"),
    "high-neutral": ("breathing", "grounding"),
    "low-neutral": ("walk", "savour"),
    "neutral": ("savour", "walk"),
    "positive": ("savour",),
    "high-positive": ("savour",),
    "low-positive": ("savour", "walk"),
    "unknown": ("breathing", "walk"),
}


@dataclass
class FusionResult:
    level: str
    explanation: str
    evidence: list[str]
    state: CircumplexState
    recommendations: list[dict[str, str]]
    crisis_level: str = "none"
    points: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "explanation": self.explanation,
            "evidence": list(self.evidence),
            "state": self.state.to_dict(),
            "recommendations": [dict(r) for r in self.recommendations],
            "crisis_level": self.crisis_level,
            "points": round(self.points, 2),
        }

    def risk_dict(self) -> dict[str, str]:
        """The ``"risk"`` object of ``mindspace analyze-voice --json``."""
        return {"level": self.level, "explanation": self.explanation}


def _text_evidence(text: Mapping[str, Any] | None) -> tuple[float, list[str]]:
    """Points and clauses (each with its own subject) about the words. When the crisis screen
    flagged them, tone and emotions are left out: a model's "positive" beside a crisis text
    would contradict it."""
    if not text:
        return 0.0, []
    points = 0.0
    evidence: list[str] = []
    compound = float((text.get("sentiment") or {}).get("compound", 0.0))
    flagged = str((text.get("crisis") or {}).get("level", "none")) != "none"
    if compound <= -0.05:
        points += min(1.5, -compound * 1.5)
        strength = "very negative" if compound <= -0.6 else "mostly negative"
        if not flagged:
            evidence.append(f"your words sound {strength}")
    elif compound >= 0.3 and not flagged:
        evidence.append("your words sound mostly positive")
    emotions = text.get("emotions") or {}
    top = max(NEGATIVE_EMOTIONS, key=lambda k: float(emotions.get(k, 0.0)))
    if float(emotions.get(top, 0.0)) >= 0.6:
        points += 0.5
        if not flagged:
            evidence.append(f"your words carry {top}")
    return points, evidence


_QUOTED = re.compile(r'"([^"]+)"')
_DETAIL = re.compile(r"\b(?:a method|a time) \(([^)]+)\)")


def acted_on(reasons: Sequence[str], limit: int = 4) -> list[str]:
    """The user's own words the crisis screen acted on, as quoted in its reasons."""
    found: list[str] = []
    for reason in reasons:
        for match in (*_QUOTED.findall(reason), *_DETAIL.findall(reason)):
            for part in (p.strip() for p in str(match).split(",")):
                if part and part not in found:
                    found.append(part)
    return found[:limit]


def _quote(words: Sequence[str]) -> str:
    quoted = [f"\u201c{w}\u201d" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def compose(level: str, evidence: Sequence[str], state: CircumplexState | None) -> str:
    """The explanation: one sentence per clause, each clause with its own subject; the reading
    of the state only when there is no crisis signal; always the disclaimer."""
    first, *rest = list(evidence) or ["nothing in your words or voice stood out"]
    sentences = [f"{level.capitalize()}: {first}."]
    sentences += [clause[:1].upper() + clause[1:] + "." for clause in rest]
    if state is not None and state.key not in ("unknown", "neutral"):
        sentences.append(f"Together this reads as {state.words}.")
    sentences.append(DISCLAIMER)
    return " ".join(sentences)


def _voice_evidence(
    voice: VoiceAnalysis | None, valence: float | None
) -> tuple[float, list[str]]:
    if voice is None or voice.prosody.speech_s <= 0.0:
        return 0.0, []
    points = 0.0
    evidence: list[str] = []
    negative_words = valence is not None and valence <= -0.2
    a = voice.arousal
    weight = 1.0 if voice.deviations else 0.5  # own baseline counts more than population norms
    if a is not None and negative_words and a <= -0.3:
        points += weight
        evidence.append("your voice sounded subdued")
    elif a is not None and negative_words and a >= 0.3:
        points += weight
        evidence.append("your voice sounded tense and activated")
    if voice.deviations:
        z = voice.deviations
        flags = [
            z.get("pitch_variability_st", 0.0) <= -1.5,
            z.get("speaking_rate_wpm", z.get("syllable_rate_per_s", 0.0)) <= -1.5,
            z.get("energy_median_dbfs", 0.0) <= -1.5,
            z.get("pause_ratio", 0.0) >= 1.5,
        ]
        points += min(1.0, 0.5 * sum(flags))
        if "much as usual" not in voice.description:
            evidence.append(f"your voice was {voice.description}")
    return points, evidence


def _ordered(ids: tuple[str, ...], helpfulness: Mapping[str, tuple[int, int]] | None) -> list[str]:
    if not helpfulness:
        return list(ids)

    def score(rid: str) -> float:
        helped, total = helpfulness.get(rid, (0, 0))
        return (helped + 1.0) / (total + 2.0)  # Laplace: unrated = 0.5

    return sorted(ids, key=lambda rid: -score(rid))


def fuse(
    text: Mapping[str, Any] | None,
    voice: VoiceAnalysis | None,
    helpfulness: Mapping[str, tuple[int, int]] | None = None,
) -> FusionResult:
    """Fuse the analyze-text object and the voice analysis (either may be missing)."""
    crisis = str(((text or {}).get("crisis") or {}).get("level", "none"))
    valence = text_valence(text)
    arousal = voice.arousal if voice is not None else None
    state = circumplex(valence, arousal, (text or {}).get("emotions"))
    t_points, t_evidence = _text_evidence(text)
    v_points, v_evidence = _voice_evidence(voice, valence)
    points = t_points + v_points
    if crisis == "concern":
        points += 1.5
    if crisis == "urgent" or points >= HIGH_POINTS:
        level = "high"
    elif points >= MODERATE_POINTS or crisis == "concern":
        level = "moderate"
    else:
        level = "low"
    evidence = t_evidence + v_evidence
    reasons = [str(r) for r in ((text or {}).get("crisis") or {}).get("reasons", []) if r]
    if crisis in ("concern", "urgent"):
        said = acted_on(reasons)
        if said:
            evidence.insert(0, f"the safety screen noticed {_quote(said)}")
        evidence.insert(0, "your words include signs of a crisis" if crisis == "urgent"
                        else "your words include something worth paying attention to")
    if not evidence:
        if not text and (voice is None or voice.prosody.speech_s <= 0.0):
            evidence.append("there was no speech to read")
        else:
            evidence.append("nothing in your words or voice stood out")
    explanation = compose(level, evidence, None if crisis in ("concern", "urgent") else state)
    if crisis == "urgent" or level == "high":
        ids: tuple[str, ...] = ("safety-plan", "reach-out", "grounding")
        rec_ids = list(ids)
    else:
        rec_ids = _ordered(_BY_STATE.get(state.key, ("breathing", "walk")), helpfulness)
        if level == "moderate" and "reach-out" not in rec_ids:
            rec_ids.append("reach-out")
    recs = [{"id": rid, **RECOMMENDATIONS[rid]} for rid in rec_ids]
    return FusionResult(
        level=level,
        explanation=explanation,
        evidence=evidence,
        state=state,
        recommendations=recs,
        crisis_level=crisis,
        points=points,
    )
