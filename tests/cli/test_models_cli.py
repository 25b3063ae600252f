"""`mindspace models`: the shipped models with licence, figures and a real sha256 check."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mindspace.app.model_info import check_models, list_models, models_report
from mindspace.ml import registry as reg
from mindspace.ml.registry import ModelRegistry
from tests.cli.helpers import run_cli


def test_models_json_lists_every_shipped_model_with_figures() -> None:
    proc = run_cli("models", "--json")
    assert proc.returncode == 0, proc.stderr
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1
    doc = json.loads(lines[0])
    shipped = json.loads((reg.models_dir() / "manifest.json").read_text(encoding="utf-8"))
    assert [m["name"] for m in doc["models"]] == [m["name"] for m in shipped["models"]]
    by_name = {m["name"]: m for m in doc["models"]}
    for m in doc["models"]:
        assert m["sha256_ok"] is True, m
        assert m["licence"] and m["version"] and m["size"] > 0
    emotion = by_name["text-emotion"]
    assert emotion["figures"]["GoEmotions Ekman test (int8)"]["macro_f1"] == 0.6318
    crisis = by_name["crisis-classifier"]
    shipped_crisis = next(m for m in shipped["models"] if m["name"] == "crisis-classifier")
    assert crisis["figures"]["held out (patterns + model)"] == \
        shipped_crisis["figures"]["held out (patterns + model)"]
    assert 0.9 <= crisis["figures"]["held out (patterns + model)"]["recall"] <= 1.0
    assert "GoEmotions" in emotion["trained_on"]


def test_models_human_output_and_bad_option() -> None:
    proc = run_cli("models", "--no-verify")
    assert proc.returncode == 0
    assert "text-emotion 1.3.1" in proc.stdout and "not checked" in proc.stdout
    bad = run_cli("models", "--frobnicate")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr


def _tiny_registry(root: Path) -> ModelRegistry:
    root.mkdir()
    good, bad = b"good weights", b"weights that were altered"
    (root / "good.bin").write_bytes(good)
    (root / "bad.bin").write_bytes(bad)
    entries = [
        {"name": "good", "version": "1", "kind": "test", "path": "good.bin",
         "sha256": hashlib.sha256(good).hexdigest(), "size": len(good), "license": "MIT",
         "data_source": "made in a test", "figures": {"set": {"f1": 0.5}}},
        {"name": "bad", "version": "2", "kind": "test", "path": "bad.bin",
         "sha256": hashlib.sha256(b"original").hexdigest(), "license": "MIT"},
        {"name": "gone", "version": "3", "kind": "test", "path": "missing.bin",
         "sha256": "0" * 64, "license": "MIT"},
    ]
    (root / "manifest.json").write_text(json.dumps({"models": entries}), encoding="utf-8")
    return ModelRegistry(root)


def test_check_flags_altered_and_missing_files(tmp_path: Path) -> None:
    reg.clear_verification_cache()
    registry = _tiny_registry(tmp_path / "models")
    infos = list_models(registry)
    assert [i.sha256_ok for i in infos] == [None, None, None]
    checked = {i.name: i for i in check_models(registry, infos)}
    assert checked["good"].sha256_ok is True
    assert checked["good"].figures == {"set": {"f1": 0.5}}
    assert checked["bad"].sha256_ok is False
    assert "sha256 mismatch" in (checked["bad"].integrity_error or "")
    assert checked["gone"].sha256_ok is False
    assert "missing" in (checked["gone"].integrity_error or "")
    report = models_report(registry)
    assert report["all_sha256_ok"] is False
