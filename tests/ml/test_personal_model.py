"""The per-user mood model: refuses small data, learns, exports ONNX, matches, stays encrypted."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from mindspace.app import AppServices
from mindspace.ml.personal_model import (
    MIN_EXAMPLES,
    Example,
    NotEnoughExamplesError,
    features_of,
    reference_probabilities,
    train,
)


def synthetic(n: int, seed: int = 0) -> list[Example]:
    """Low moods: quiet, slow, flat voice and negative words; good moods the opposite."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        mood = [1, 2, 3, 4, 5][i % 5]
        s = (mood - 3) / 2.0  # -1 .. 1
        prosody = {
            "energy_median_dbfs": -25 + 6 * s + rng.normal(0, 1.0),
            "speaking_rate_wpm": 150 + 30 * s + rng.normal(0, 8),
            "pitch_variability_st": 2.5 + s + rng.normal(0, 0.3),
            "pause_ratio": 0.2 - 0.08 * s + rng.normal(0, 0.02),
        }
        compound = float(np.clip(0.7 * s + rng.normal(0, 0.15), -1, 1))
        text = {"sentiment": {"compound": compound},
                "emotions": {"joy": max(0.0, s), "sadness": max(0.0, -s), "neutral": 0.3}}
        out.append(Example(features_of(prosody, 0.5 * s, text), mood))
    return out


def test_refuses_with_too_few_examples_or_one_mood() -> None:
    with pytest.raises(NotEnoughExamplesError, match=f"at least {MIN_EXAMPLES}"):
        train(synthetic(MIN_EXAMPLES - 1))
    same = [Example(e.features, 4) for e in synthetic(20)]
    with pytest.raises(NotEnoughExamplesError, match="two different moods"):
        train(same)


def test_learns_beats_majority_and_onnx_matches_numpy() -> None:
    model = train(synthetic(30))
    assert model.meta["classes"] == ["low", "okay", "good"]
    assert model.accuracy > model.baseline_accuracy + 0.2
    assert model.meta["validation"] == "leave-one-out"
    held_out = [e.features for e in synthetic(10, seed=7)]
    onnx_probs = model.predict_proba(held_out)
    assert np.allclose(onnx_probs, reference_probabilities(model, held_out), atol=1e-5)
    assert np.allclose(onnx_probs.sum(axis=1), 1.0, atol=1e-5)
    label, probs = model.predict(synthetic(5, seed=9)[0].features)  # a mood-1 example
    assert label == "low" and probs["low"] > 0.5
    assert "right" in model.summary() and "30 check-ins" in model.summary()


def test_random_labels_do_not_look_accurate() -> None:
    rng = np.random.default_rng(3)
    examples = [Example(e.features, int(rng.integers(1, 6))) for e in synthetic(30)]
    model = train(examples)
    assert model.accuracy <= model.baseline_accuracy + 0.2


def test_missing_features_are_filled() -> None:
    examples = synthetic(20)
    for e in examples[::3]:
        e.features = dict(e.features, speaking_rate_wpm=None)
    model = train(examples)
    label, _ = model.predict(features_of({}, None, None))
    assert label in model.meta["classes"]


def test_trained_on_stored_checkins_and_kept_in_the_vault(open_services: AppServices) -> None:
    for ex in synthetic(15):
        f: dict[str, Any] = dict(ex.features)
        prosody = {k: f[k] for k in ("energy_median_dbfs", "speaking_rate_wpm",
                                     "pitch_variability_st", "pause_ratio")}
        prosody["speech_s"] = 5.0
        text = {"sentiment": {"compound": f["sentiment_compound"]},
                "emotions": {"joy": f["emotion_joy"], "sadness": f["emotion_sadness"]}}
        open_services.voice.add(duration_s=6.0, transcript="a day", prosody=prosody,
                           arousal=f["arousal"], text_analysis=text, self_mood=ex.mood)
    checkins = open_services.voice_checkins()
    model = checkins.retrain()
    stored = checkins.personal_model()
    assert model is not None
    assert stored is not None and stored.examples == 15
    assert stored.onnx_bytes == model.onnx_bytes
    rows = [e.features for e in synthetic(5, seed=4)]
    assert np.allclose(stored.predict_proba(rows), model.predict_proba(rows))
    blobs = [p for p in open_services.data_dir.rglob("*") if p.is_file()]
    for path in blobs:
        assert b"personal_mood_model" not in path.read_bytes()


def test_saving_the_twelfth_labelled_checkin_trains_the_model(open_services: AppServices) -> None:
    from mindspace.app.voice import VoiceReading
    from mindspace.ml.transcriber import Transcript
    from mindspace.ml.voice_pipeline import analyze_transcript
    from tests.audio.helpers import tone

    examples = synthetic(MIN_EXAMPLES)
    for ex in examples[:-1]:
        f: dict[str, Any] = dict(ex.features)
        prosody = {"speech_s": 5.0, "energy_median_dbfs": f["energy_median_dbfs"],
                   "speaking_rate_wpm": f["speaking_rate_wpm"]}
        open_services.voice.add(duration_s=6.0, prosody=prosody, arousal=f["arousal"],
                           text_analysis={"sentiment": {"compound": f["sentiment_compound"]}},
                           self_mood=ex.mood)
    checkins = open_services.voice_checkins()
    assert checkins.personal_model() is None
    audio = tone(180, 2.0)
    result = analyze_transcript(audio, Transcript("", [], 2.0, 0.0, "test@0"), None)
    reading = VoiceReading(result, audio)
    assert "starts after 12 check-ins" in checkins.personal_guess(result)
    checkin_id = checkins.save(reading, "", keep_audio=True, self_mood=5,
                               feedback={"walk": True})
    model = checkins.personal_model()
    assert model is not None and model.examples == MIN_EXAMPLES
    assert "guesses your mood" in checkins.personal_guess(result)
    assert open_services.voice.get(checkin_id).feedback == {"walk": True}
    assert open_services.voice.get(checkin_id).has_audio
