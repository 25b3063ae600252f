"""The companion's intent classifier: verified like every shipped model, deterministic."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mindspace.ml import registry as reg
from mindspace.ml.intent import INTENT_NAME, IntentClassifier
from mindspace.ml.registry import ModelIntegrityError, ModelRegistry, models_dir, sha256_file


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    reg.clear_verification_cache()


def test_manifest_entry_matches_the_shipped_file() -> None:
    registry = ModelRegistry()
    entry = registry.get(INTENT_NAME)
    path = registry.verify(entry)
    assert sha256_file(path) == entry.sha256 and path.stat().st_size == entry.size
    assert (models_dir() / "companion-intent" / "MODEL_CARD.md").is_file()
    raw = next(m for m in json.loads(registry.manifest_path.read_text())["models"]
               if m["name"] == INTENT_NAME)
    assert raw["requires"] == ["sentence-encoder"] and raw["license"] and raw["data_source"]
    head = json.loads(path.read_text())
    assert raw["labels"] == head["labels"]
    assert {"crisis", "venting", "breathing", "refuse-secrecy", "stop"} <= set(head["labels"])


def test_altered_weights_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "models"
    root.mkdir()
    shutil.copy(models_dir() / "manifest.json", root / "manifest.json")
    shutil.copytree(models_dir() / "companion-intent", root / "companion-intent")
    weights = root / "companion-intent" / "weights.json"
    data = json.loads(weights.read_text())
    data["bias"][0] += 1.0
    weights.write_text(json.dumps(data))  # still a valid weights file, different content
    with pytest.raises(ModelIntegrityError):
        ModelRegistry(root).verify(ModelRegistry(root).get(INTENT_NAME))


def test_classifies_requests_and_is_deterministic() -> None:
    clf = IntentClassifier.load()
    first = clf.classify("can we do a breathing exercise please")
    assert first.label == "breathing" and first.confidence > 0.5
    assert clf.classify("can we do a breathing exercise please").ranked == first.ranked
    assert abs(sum(p for _, p in first.ranked) - 1.0) < 1e-6
    assert clf.classify("thanks, bye").label == "small-talk"
    assert clf.classify("promise you won't tell anyone my dad hits my brother").label \
        == "refuse-secrecy"


def test_a_head_with_a_hidden_layer_reads_and_scores(tmp_path: Path) -> None:
    import numpy as np

    from mindspace.ml.intent import SoftmaxHead

    rng = np.random.default_rng(1)
    hidden, hidden_bias = rng.normal(size=(8, 384)), rng.normal(size=8)
    out, bias = rng.normal(size=(3, 8)), rng.normal(size=3)
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({
        "labels": ["a", "b", "c"], "temperature": 0.5, "weights": out.tolist(),
        "bias": bias.tolist(),
        "hidden": {"weights": hidden.tolist(), "bias": hidden_bias.tolist()}}))
    head = SoftmaxHead.from_file(path, "test")
    assert head.input_dim == 384
    x = rng.normal(size=384)
    z = (out @ np.maximum(0.0, hidden @ x + hidden_bias) + bias) / 0.5
    expected = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert np.allclose(head.probabilities(x), expected)
    # a hidden layer whose shape does not meet the output layer is refused
    data = json.loads(path.read_text())
    data["hidden"]["bias"] = data["hidden"]["bias"][:-1]
    path.write_text(json.dumps(data))
    with pytest.raises(ModelIntegrityError):
        SoftmaxHead.from_file(path, "test")


def test_answers_head_gives_the_crisis_probability_inside_an_exercise(tmp_path: Path) -> None:
    from mindspace.ml.intent import SoftmaxHead

    registry = ModelRegistry()
    entry = registry.get(INTENT_NAME)
    assert set(entry.files) == {"model", "answers"}
    clf = IntentClassifier.load(registry)
    assert clf.answers is not None and clf.answers.hidden is None  # the linear head
    text = "I've been saving up my tablets in a drawer"
    reading = clf.classify(text)
    x = clf.encoder.embed(text)
    answers_p = float(clf.answers.probabilities(x)[clf.answers.labels.index("crisis")])
    assert reading.answer_crisis == pytest.approx(answers_p)
    assert reading.crisis(in_exercise=True) == reading.answer_crisis
    assert reading.crisis() == reading.probability("crisis") != reading.answer_crisis
    # an answers head that cannot say "crisis" is refused
    data = json.loads(entry.file_path("answers").read_text())
    data["labels"][data["labels"].index("crisis")] = "other"
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ModelIntegrityError, match="no crisis label"):
        IntentClassifier(clf.encoder, clf.head, SoftmaxHead.from_file(path, "test"))


def test_a_missing_answers_file_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "models"
    root.mkdir()
    shutil.copy(models_dir() / "manifest.json", root / "manifest.json")
    shutil.copytree(models_dir() / "companion-intent", root / "companion-intent")
    shutil.copytree(models_dir() / "sentence-encoder", root / "sentence-encoder")
    (root / "companion-intent" / "answers.json").unlink()
    with pytest.raises((ModelIntegrityError, reg.ModelNotFoundError, OSError)):
        IntentClassifier.load(ModelRegistry(root))
