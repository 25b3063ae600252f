from __future__ import annotations

import pytest

from mindspace.ml.wellbeing import SIGNALS, lexicon_words, wellbeing

NEUTRAL = {"anger": 0.0, "disgust": 0.0, "fear": 0.0, "joy": 0.0, "sadness": 0.0,
           "surprise": 0.0, "neutral": 1.0}


def test_none_without_model_probabilities() -> None:
    assert wellbeing("Estoy muy triste", None) is None


def test_model_part_maps_emotions_to_signals() -> None:
    w = wellbeing("today", {**NEUTRAL, "sadness": 0.8, "fear": 0.5, "anger": 0.4})
    assert w is not None
    assert w.scores["low_mood"] == pytest.approx(0.8)
    assert w.scores["anxiety"] == pytest.approx(0.5)
    assert w.scores["stress"] == pytest.approx(0.5 * 0.4 + 0.3 * 0.5)


def test_words_raise_scores_and_are_reported() -> None:
    w = wellbeing("So stressed and overwhelmed by the deadline, and anxious too", NEUTRAL)
    assert w is not None
    assert w.words["stress"] == ["stressed", "overwhelmed", "deadline"]
    assert w.scores["stress"] == pytest.approx(0.9)
    assert w.scores["anxiety"] == pytest.approx(0.3)
    assert w.scores["low_mood"] == 0.0


def test_negated_words_do_not_count() -> None:
    assert lexicon_words("I am not anxious and never stressed")["anxiety"] == []
    assert lexicon_words("I am not anxious and never stressed")["stress"] == []


def test_scores_stay_in_unit_interval() -> None:
    text = " ".join(["sad lonely empty numb crying hopeless stressed anxious panic"] * 3)
    w = wellbeing(text, {**NEUTRAL, "sadness": 1.0, "fear": 1.0, "anger": 1.0, "disgust": 1.0})
    assert w is not None and set(w.scores) == set(SIGNALS)
    assert all(0.0 <= v <= 1.0 for v in w.scores.values())
