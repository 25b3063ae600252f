"""EmotionModel with the shipped int8 ONNX model (onnxruntime + tokenizers only, no torch)."""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from mindspace.ml import registry as reg
from mindspace.ml.emotion_model import EKMAN_LABELS, EmotionModel, EmotionPrediction
from mindspace.ml.registry import ModelIntegrityError, ModelRegistry, models_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data" / "goemotions"

pytestmark = pytest.mark.skipif(
    not (models_dir() / "text-emotion" / "model.int8.onnx").exists(),
    reason="shipped text-emotion model not present",
)


@pytest.fixture(scope="module")
def model() -> EmotionModel:
    return EmotionModel.load(ModelRegistry())


def test_no_torch_or_transformers_imported(model: EmotionModel) -> None:
    assert "torch" not in sys.modules
    assert "transformers" not in sys.modules


def test_prediction_shape(model: EmotionModel) -> None:
    (p,) = model.predict(["I went for a walk and then had lunch."])
    assert isinstance(p, EmotionPrediction)
    assert list(p.probabilities) == list(EKMAN_LABELS)
    assert all(0.0 <= v <= 1.0 for v in p.probabilities.values())
    assert p.labels and set(p.labels) <= set(EKMAN_LABELS)
    assert p.model_id == "text-emotion@1.3.1"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I am so happy today!", "joy"),
        ("I'm terrified of what comes next", "fear"),
        ("I miss her so much, I cried all night.", "sadness"),
        ("This makes me so angry, how dare they!", "anger"),
        ("Wow, I did not see that coming at all!", "surprise"),
        ("That is absolutely disgusting and gross.", "disgust"),
    ],
)
def test_sensible_predictions(model: EmotionModel, text: str, label: str) -> None:
    p = model.predict([text])[0]
    assert p.top == label, p.probabilities
    assert label in p.labels


def test_labels_follow_thresholds(model: EmotionModel) -> None:
    for p in model.predict(["I am so happy today!", "ok", "I'm scared and sad and angry"]):
        above = [lab for lab, v in p.probabilities.items() if v >= model.thresholds[lab]]
        if above:
            assert sorted(p.labels) == sorted(above)
            probs = [p.probabilities[lab] for lab in p.labels]
            assert probs == sorted(probs, reverse=True)
        else:
            assert p.labels == [p.top]


def test_batch_equals_single(model: EmotionModel) -> None:
    texts = [
        "I am so happy today!",
        "I'm terrified of what comes next",
        "meh",
        "Today was long. Work was stressful but dinner with friends made up for it. " * 5,
        "",
    ]
    batched = model.predict(texts)
    singles = [model.predict([t])[0] for t in texts]
    assert batched == singles  # exactly: windows never share an onnxruntime call
    assert model.predict(list(reversed(texts))) == list(reversed(batched))


def test_edge_inputs_do_not_fail(model: EmotionModel) -> None:
    texts = [
        "",
        "   \n\t",
        "😀😀🎉",
        "Je suis très heureux aujourd'hui",
        "今日はとても悲しい",
        "a" * 5000,
        "\x00\ufffd",
    ]
    preds = model.predict(texts)
    assert len(preds) == len(texts)
    for p in preds:
        assert np.isfinite(list(p.probabilities.values())).all()
        assert p.labels
    assert model.predict([]) == []
    with pytest.raises(TypeError):
        model.predict("not a list")


def test_long_document_uses_windows(model: EmotionModel) -> None:
    happy = "We laughed all evening and I felt grateful and joyful. "
    scared = "Then the panic came back and I was terrified and shaking. "
    long_text = happy * 15 + scared * 15
    p = model.predict([long_text])[0]
    assert p.windows > 2
    # both halves of the entry contribute (averaged windows, not just the first 64 tokens)
    assert p.probabilities["fear"] > 0.2 and p.probabilities["joy"] > 0.2, p.probabilities
    capped = EmotionModel.load(ModelRegistry(), max_windows=3).predict([long_text * 10])[0]
    assert capped.windows == 3


def test_tampered_model_is_refused(tmp_path: Path) -> None:
    reg.clear_verification_cache()
    root = tmp_path / "models"
    shutil.copytree(models_dir(), root)
    target = root / "text-emotion" / "model.int8.onnx"
    data = bytearray(target.read_bytes())
    data[-1000] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError) as exc:
        EmotionModel.load(ModelRegistry(root))
    assert str(exc.value) == (
        "model text-emotion failed its integrity check: sha256 mismatch for model.int8.onnx"
    )


def test_missing_tokenizer_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "models"
    shutil.copytree(models_dir(), root)
    (root / "text-emotion" / "tokenizer.json").unlink()
    with pytest.raises(ModelIntegrityError, match="missing file tokenizer.json"):
        EmotionModel.load(ModelRegistry(root))


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_DATA.exists(), reason="shared GoEmotions data not available")
def test_int8_test_split_macro_f1(model: EmotionModel) -> None:
    names = (SHARED_DATA / "ekman" / "labels.txt").read_text(encoding="utf-8").split()
    with (SHARED_DATA / "ekman" / "test.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    y = np.zeros((len(rows), len(EKMAN_LABELS)))
    for i, r in enumerate(rows):
        for lid in r[1].split(","):
            y[i, EKMAN_LABELS.index(names[int(lid)])] = 1
    preds = model.predict([r[0] for r in rows])
    yhat = np.array([[lab in p.labels for lab in EKMAN_LABELS] for p in preds], dtype=float)
    tp = (y * yhat).sum(0)
    f1 = 2 * tp / np.maximum(2 * tp + ((1 - y) * yhat).sum(0) + (y * (1 - yhat)).sum(0), 1)
    assert f1.mean() >= 0.60, dict(zip(EKMAN_LABELS, f1.round(3), strict=True))


# Entries that describe what happened without naming the feeling (written for this test; not in
# the training corpus or any evaluation set): the reading must not fall back to `neutral`.
SITUATIONS = (
    ("The garage charged me for new brakes they never fitted, and laughed when I asked.", "anger"),
    ("Neighbour lets his dog foul our path every morning and waves while it does.", "anger"),
    ("There was a long grey hair baked into the bread roll I had already bitten.", "disgust"),
    ("The fridge at work had a carton of milk that had gone solid and green.", "disgust"),
    ("Scan results are due on Monday and the nurse would not say anything on the phone.", "fear"),
    ("A car has followed me from the station two nights running, same plates.", "fear"),
    ("My daughter took her first steps across the kitchen to reach me.", "joy"),
    ("Got the keys to our first flat today, we ate chips on the floor.", "joy"),
    ("Cleared out Mum's wardrobe this weekend. Her coat still smelled of her.", "sadness"),
    ("Nobody from the team noticed I'd left. My desk was given away by Friday.", "sadness"),
    ("Opened the door and my brother stood there, back from Canada unannounced.", "surprise"),
    ("The quiet lad in accounts turned out to be a champion ballroom dancer.", "surprise"),
    ("Bought bread, milk and stamps, then caught the 9:40 bus home.", "neutral"),
    ("Changed the bedsheets and put two loads of washing on.", "neutral"),
)


def test_situations_are_read_without_named_feelings(model: EmotionModel) -> None:
    preds = model.predict([text for text, _ in SITUATIONS])
    tops = [p.top for p in preds]
    right = sum(top == label for top, (_, label) in zip(tops, SITUATIONS, strict=True))
    assert right >= 10, list(zip(tops, [label for _, label in SITUATIONS], strict=True))
    assert tops.count("neutral") <= 4, tops
