"""Fusion rules: urgent always High, plain-words explanations, fitting recommendations."""

from __future__ import annotations

from typing import Any

import pytest

from mindspace.core.rules import opens_support_panel
from mindspace.ml.fusion import DISCLAIMER, fuse
from mindspace.ml.prosody import Prosody
from mindspace.ml.voice_analyzer import BASIS_PERSONAL, VoiceAnalysis, circumplex
from tests.audio.helpers import text_analyzer


def text(compound: float = 0.0, crisis: str = "none", reasons: tuple[str, ...] = (),
         **emotions: float) -> dict[str, Any]:
    base = {k: 0.05 for k in ("anger", "disgust", "fear", "joy", "sadness", "surprise")}
    base["neutral"] = 0.5
    base.update(emotions)
    return {
        "emotions": base,
        "labels": [max(base, key=lambda k: base[k])],
        "sentiment": {"compound": compound},
        "crisis": {"level": crisis, "score": 1.0 if crisis != "none" else 0.0,
                   "reasons": list(reasons)},
        "model": "hand-made",
    }


def voice(arousal: float | None, deviations: dict[str, float] | None = None,
          description: str = "") -> VoiceAnalysis:
    return VoiceAnalysis(
        prosody=Prosody(duration_s=10.0, speech_s=8.0),
        arousal=arousal,
        arousal_basis=BASIS_PERSONAL,
        deviations=deviations or {},
        description=description or "your voice sounded much as usual for you",
        baseline_count=5 if deviations else 0,
    )


def ids(result: Any) -> list[str]:
    return [r["id"] for r in result.recommendations]


@pytest.mark.parametrize("v", [None, voice(0.0), voice(0.9), voice(-0.9)])
@pytest.mark.parametrize("compound", [-0.9, 0.0, 0.9])
def test_urgent_always_gives_high(v: VoiceAnalysis | None, compound: float) -> None:
    result = fuse(text(compound, "urgent", ('expresses thoughts of suicide ("kill myself")',)), v)
    assert result.level == "high" and opens_support_panel(result.crisis_level)
    assert ids(result)[0] == "safety-plan"
    assert "\u201ckill myself\u201d" in result.explanation and DISCLAIMER in result.explanation
    assert "positive" not in result.explanation  # no tone beside a crisis reading


def test_concern_gives_at_least_moderate() -> None:
    result = fuse(text(0.5, "concern", ("mentions self-harm in the past",)), voice(0.0))
    assert result.level == "moderate" and opens_support_panel(result.crisis_level)
    assert "worth paying attention" in result.explanation


def test_calm_positive_is_low_and_never_a_diagnosis() -> None:
    result = fuse(text(0.6, joy=0.7), voice(-0.4))
    assert result.level == "low"
    assert result.state.key == "low-positive" and "contentment" in result.explanation
    assert result.explanation.endswith(DISCLAIMER)
    assert "diagnos" not in result.explanation.replace(DISCLAIMER, "")


def test_negative_words_and_subdued_voice_below_baseline_is_high() -> None:
    v = voice(-0.7, {"energy_median_dbfs": -2.5, "speaking_rate_wpm": -2.0,
                     "pitch_variability_st": -1.8}, "much quieter, much slower and flatter in "
                     "pitch than usual for you")
    result = fuse(text(-0.9, sadness=0.8), v)
    assert result.level == "high"
    assert result.state.key == "low-negative" and "sadness or fatigue" in result.explanation
    assert "your words sound very negative" in result.explanation
    assert "quieter" in result.explanation and "subdued" in result.explanation


def test_negative_words_with_ordinary_voice_is_moderate() -> None:
    result = fuse(text(-0.7, sadness=0.65), voice(0.0))
    assert result.level == "moderate"
    assert "reach-out" in ids(result)


def test_agitated_voice_with_fear_reads_as_anxiety_and_suggests_breathing() -> None:
    result = fuse(text(-0.5, fear=0.7), voice(0.8))
    assert result.state.key == "high-negative" and "anxiety" in result.state.words
    assert ids(result)[0] == "breathing"
    anger = fuse(text(-0.5, anger=0.8), voice(0.8))
    assert "anger" in anger.state.words


def test_no_speech_is_low_and_says_so() -> None:
    silent = VoiceAnalysis(Prosody(duration_s=5.0, speech_s=0.0), None, "population defaults")
    result = fuse(None, silent)
    assert result.level == "low" and "no speech" in result.explanation


def test_helpfulness_reorders_recommendations() -> None:
    plain = fuse(text(-0.5, fear=0.7), voice(0.8))
    assert ids(plain)[:2] == ["breathing", "grounding"]
    tuned = fuse(text(-0.5, fear=0.7), voice(0.8), {"breathing": (0, 4), "walk": (3, 3)})
    order = ids(tuned)
    assert order[0] == "walk" and order.index("breathing") > order.index("grounding")


def test_circumplex_quadrants() -> None:
    assert circumplex(-0.5, -0.5).key == "low-negative"
    assert circumplex(0.5, 0.5).key == "high-positive"
    assert circumplex(0.0, 0.0).key == "neutral"
    assert circumplex(None, None).key == "unknown"


def test_real_text_analyzer_feeds_fusion() -> None:
    analyzer = text_analyzer()
    urgent = analyzer.analyze("I feel hopeless and I want to end my life").to_dict()
    assert fuse(urgent, voice(0.0)).level == "high"
    happy = analyzer.analyze("I had a lovely day with my friends at the beach").to_dict()
    assert fuse(happy, voice(0.1)).level == "low"


CRISIS_REASONS = [
    (),
    ('describes a plan, method or attempt ("I plan to end my life")',),
    ('a passive wish to be dead ("wish I was dead")',
     "mentions a method (pills) and a time (tonight)"),
    ("mentions a past event not described as resolved (self-harm)",),
    ('very negative tone with strong sadness or fear and words like "hopeless" (model signals)',),
]
VOICES = [
    None,
    voice(0.0),
    voice(-0.8),
    voice(0.8),
    voice(-0.8, {"energy_median_dbfs": -2.0, "pause_ratio": 2.0},
          "much quieter and with more pauses than usual for you"),
]


@pytest.mark.parametrize("crisis", ["none", "concern", "urgent"])
@pytest.mark.parametrize("reasons", CRISIS_REASONS)
@pytest.mark.parametrize("v", VOICES)
@pytest.mark.parametrize(("compound", "emotions"), [
    (-0.8, {"sadness": 0.8}), (-0.2, {"anger": 0.7}), (0.0, {}), (0.6, {"joy": 0.7}),
])
def test_every_explanation_is_well_formed(crisis: str, reasons: tuple[str, ...], v: Any,
                                          compound: float, emotions: dict[str, float]) -> None:
    """All combinations of evidence: whole sentences, each with its own subject, the user's
    words quoted exactly as the screen saw them, and never a tone that contradicts a crisis."""
    import re

    result = fuse(text(compound, crisis, reasons if crisis != "none" else (), **emotions), v)
    explanation = result.explanation
    assert explanation.endswith(DISCLAIMER)
    body = explanation[: -len(DISCLAIMER)].strip()
    level, _, rest = body.partition(": ")
    assert level in ("Low", "Moderate", "High")
    sentences = re.split(r"(?<=\.) ", rest)
    assert all(s.endswith(".") and not s.endswith("..") for s in sentences), sentences
    assert sentences[0][:1].islower()  # continues "High: ..."
    assert all(s[:1].isupper() for s in sentences[1:]), sentences
    subjects = ("your words", "your voice", "the safety screen", "nothing in", "there was",
                "together this")
    assert all(s.lower().startswith(subjects) for s in sentences), sentences
    for bad in ("  ", ";", " they ", "mention describes", "mentions mentions", ",.", " ."):
        assert bad not in explanation, (bad, explanation)
    if crisis != "none":
        assert "positive" not in explanation and "reads as" not in explanation
        for quoted in re.findall("\u201c([^\u201d]+)\u201d", explanation):
            assert any(quoted in r for r in reasons)  # the user's own words, unchanged
