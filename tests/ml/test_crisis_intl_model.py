"""The crisis screen's learned layer for Spanish, French, German and Portuguese (crisis-intl):
hashed features, the shipped files and their integrity, reproducible training, and how the
layer joins the screen (entries in these languages only, raising and never lowering)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from mindspace.ml.crisis import CrisisDetector
from mindspace.ml.crisis_intl import MODEL_NAME, IntlCrisisModel, features
from mindspace.ml.crisis_model import ModelLayer
from mindspace.ml.registry import ModelIntegrityError, ModelRegistry, clear_verification_cache

ROOT = Path(__file__).resolve().parents[2]

RISK = [  # no phrase of the pattern tables; the layer reads them
    "Je n'en peux plus de cette vie, je pense à partir pour de bon.",
    "Não vejo mais saída, penso todo dia em acabar com tudo.",
    "Ich sehe keinen Sinn mehr und denke jeden Abend daran, nicht mehr da zu sein.",
    "Cada noche pienso que sería mejor dormirme y que todo termine.",
]
SAFE = [
    "Hoy fuimos al parque con los niños y comimos helado.",
    "Wir haben heute Omas Geburtstag gefeiert, es gab Kuchen.",
    "Fui ao mercado e comprei frutas para a semana.",
    "Ce matin j'ai couru dix kilomètres au bord du lac, quel bonheur.",
]


@pytest.fixture(scope="module")
def model() -> IntlCrisisModel:
    return IntlCrisisModel.load()


def test_features_are_sorted_distinct_and_the_same_for_the_same_text() -> None:
    f = features("Mañana me voy al mar.", 1 << 17)
    assert list(f) == sorted(set(f.tolist()))
    assert f.min() >= 0 and f.max() < 1 << 17
    assert np.array_equal(f, features("MAÑANA me voy al mar.", 1 << 17))  # normalised first
    assert len(features("", 1 << 17)) == 0


def test_each_unit_is_scored_on_its_own(model: IntlCrisisModel) -> None:
    alone = [model.score_units([t])[0] for t in RISK + SAFE]
    assert model.score_units(RISK + SAFE) == alone
    assert model.score_units([]) == []


def test_the_layer_reads_these_languages(model: IntlCrisisModel) -> None:
    assert all(p >= model.threshold for p in model.score_units(RISK))
    assert all(p < model.threshold for p in model.score_units(SAFE))


def test_an_entry_in_these_languages_is_raised_by_the_layer_not_by_the_english_one() -> None:
    patterns, screen = CrisisDetector(), CrisisDetector(model=ModelLayer())
    for text in RISK:
        assert patterns.detect(text).level == "none"
        result = screen.detect(text)
        assert result.level == "concern", text
        assert result.model is not None and result.model.startswith(MODEL_NAME)
        assert any("model score" in r for r in result.reasons)
    for text in SAFE:
        assert screen.detect(text).level == "none", text
    english = screen.detect("I keep thinking everyone would be better off if I was gone.")
    assert english.model is not None and not english.model.startswith(MODEL_NAME)


def test_without_the_layer_the_pattern_result_stands_and_says_why() -> None:
    def missing() -> IntlCrisisModel:
        raise FileNotFoundError("crisis-intl/weights.npy")

    screen = CrisisDetector(model=ModelLayer(intl_loader=missing))
    result = screen.detect(RISK[0])
    assert result.level == "none"
    assert result.model_error and "unavailable" in result.model_error
    explicit = screen.detect("Quiero matarme esta noche.")
    assert explicit.level == "urgent"  # the pattern floor does not depend on the layer


def test_an_altered_weights_file_is_refused(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "models", tmp_path / "models",
                    ignore=shutil.ignore_patterns("*.onnx", "*.bin"))
    weights = tmp_path / "models" / "crisis-intl" / "weights.npy"
    data = bytearray(weights.read_bytes())
    data[-3] ^= 0x01
    weights.write_bytes(bytes(data))
    clear_verification_cache()
    with pytest.raises(ModelIntegrityError):
        IntlCrisisModel.load(ModelRegistry(tmp_path / "models"))


def test_training_again_gives_the_shipped_weights() -> None:
    spec = importlib.util.spec_from_file_location("train_crisis_intl",
                                                  ROOT / "scripts" / "train_crisis_intl.py")
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    config = json.loads((ROOT / "models" / "crisis-intl" / "config.json").read_text())
    rows = train.load_rows()
    assert len(rows) == config["lines"]
    feats = [features(text, config["dim"]) for *_, text in rows]
    y = np.array([label for _, _, label, _ in rows], dtype=np.float64)
    w, b = train.fit(feats, y, config["dim"], config["lam"], config["steps"])
    shipped = np.load(ROOT / "models" / "crisis-intl" / "weights.npy")
    # NumPy's exp may differ in the last bit between CPUs (AVX2 / AVX-512 code paths)
    assert float(np.max(np.abs(w.astype(np.float32) - shipped))) < 1e-5
    assert abs(b - config["bias"]) < 1e-6
