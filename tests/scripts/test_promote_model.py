"""Model promotion with tiny stand-in linear models built here: a candidate that is worse on a
gate is refused and nothing changes; a better one is written with its manifest entry and card
section. The real models' promotion and reproducibility are in test_model_promotion.py."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


promote_model = _load("promote_model")


def _weights(path: Path, w: list[float], b: float) -> None:
    path.write_text(json.dumps({"w": w, "b": b, "threshold": 0.5}))


def _setup(tmp_path: Path) -> Path:
    rng = np.random.default_rng(0)
    models = tmp_path / "models"
    (models / "crisis-classifier" / "gates").mkdir(parents=True)
    for name in ("held", "blind"):
        x = rng.normal(size=(200, 2))
        y = (x[:, 0] + 0.3 * rng.normal(size=200) > 0).astype(int)
        rows = [json.dumps({"x": list(map(float, xi)), "y": int(yi)})
                for xi, yi in zip(x, y, strict=True)]
        (models / "crisis-classifier" / "gates" / f"{name}.jsonl").write_text("\n".join(rows))
    shipped = models / "crisis-classifier" / "weights.json"
    _weights(shipped, [1.0, 1.0], 0.0)  # half-right: uses the noise feature too
    digest = hashlib.sha256(shipped.read_bytes()).hexdigest()
    entry = {"name": "crisis-classifier", "version": "1.0.0", "kind": "linear-json",
             "path": "crisis-classifier/weights.json", "sha256": digest,
             "size": shipped.stat().st_size, "files": {"model": {
                 "path": "crisis-classifier/weights.json", "sha256": digest,
                 "size": shipped.stat().st_size}}}
    (models / "manifest.json").write_text(json.dumps({"models": [entry]}))
    (models / "crisis-classifier" / "MODEL_CARD.md").write_text("# crisis-classifier\n")
    return models


def _candidate(tmp_path: Path, name: str, w: list[float], b: float) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    _weights(folder / "weights.json", w, b)
    (folder / "candidate.json").write_text(json.dumps(
        {"version": "1.1.0", "run": f"run-{name}", "files": {"model": "weights.json"}}))
    return folder


def test_worse_candidate_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    models = _setup(tmp_path)
    before = (models / "manifest.json").read_bytes()
    worse = _candidate(tmp_path, "worse", [0.1, 1.0], 0.0)  # mostly noise
    ok, failures = promote_model.promote(str(worse), "crisis-classifier", models)
    assert not ok
    assert any("recall" in f or "fpr" in f for f in failures)
    assert (models / "manifest.json").read_bytes() == before


def test_better_candidate_is_promoted(tmp_path: Path) -> None:
    models = _setup(tmp_path)
    better = _candidate(tmp_path, "better", [3.0, 0.0], 0.0)
    ok, failures = promote_model.promote(str(better), "crisis-classifier", models)
    assert ok, failures
    entry = json.loads((models / "manifest.json").read_text())["models"][0]
    assert entry["version"] == "1.1.0" and entry["run"] == "run-better"
    weights = models / "crisis-classifier" / "weights.json"
    assert entry["sha256"] == hashlib.sha256(weights.read_bytes()).hexdigest()
    assert json.loads(weights.read_text())["w"] == [3.0, 0.0]
    assert set(entry["figures"]) == {"held", "blind"}
    card = (models / "crisis-classifier" / "MODEL_CARD.md").read_text()
    assert "## Promotion" in card and "run-better" in card


def test_cli_exit_codes(tmp_path: Path) -> None:
    models = _setup(tmp_path)
    worse = _candidate(tmp_path, "worse", [0.1, 1.0], 0.0)
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "promote_model.py"),
                           str(worse), "crisis-classifier", "--models-dir", str(models)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "refused" in proc.stdout and "gate failed" in proc.stdout


def test_larger_candidate_is_refused_unless_the_size_gate_is_waived_with_a_reason(
        tmp_path: Path) -> None:
    models = _setup(tmp_path)
    before = (models / "manifest.json").read_bytes()
    larger = _candidate(tmp_path, "larger", [3.0, 0.0], 0.0)
    data = json.loads((larger / "weights.json").read_text())
    (larger / "weights.json").write_text(json.dumps({**data, "padding": "x" * 500}))
    ok, failures = promote_model.promote(str(larger), "crisis-classifier", models)
    assert not ok and [f for f in failures if f.startswith("size")] == failures
    assert (models / "manifest.json").read_bytes() == before

    lines: list[str] = []
    ok, failures = promote_model.promote(str(larger), "crisis-classifier", models,
                                         report=lines.append,
                                         accept_larger="a head with a hidden layer")
    assert ok, failures
    assert "size gate waived: a head with a hidden layer" in lines
    card = (models / "crisis-classifier" / "MODEL_CARD.md").read_text()
    assert "Size gate waived: a head with a hidden layer." in card


def test_waiving_size_never_waives_a_worse_figure(tmp_path: Path) -> None:
    models = _setup(tmp_path)
    worse = _candidate(tmp_path, "worse", [0.1, 1.0], 0.0)
    ok, failures = promote_model.promote(str(worse), "crisis-classifier", models,
                                         accept_larger="any reason")
    assert not ok and any("recall" in f or "fpr" in f for f in failures)
