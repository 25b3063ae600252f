"""ModelRegistry: manifest parsing, integrity checks (size + sha256), package-relative entries."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from mindspace.ml import registry as reg
from mindspace.ml.registry import (
    ModelIntegrityError,
    ModelNotFoundError,
    ModelRegistry,
    models_dir,
    sha256_file,
)

SHIPPED = models_dir()
TEXT_MODEL = SHIPPED / "text-emotion" / "model.int8.onnx"

needs_model = pytest.mark.skipif(
    not TEXT_MODEL.exists(), reason="shipped text-emotion model not present"
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    reg.clear_verification_cache()


def _copy_models(tmp_path: Path) -> Path:
    dst = tmp_path / "models"
    shutil.copytree(SHIPPED, dst)
    return dst


def _write_manifest(root: Path, entries: list[dict[str, object]]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "manifest.json").write_text(json.dumps({"models": entries}), encoding="utf-8")


def test_models_dir_is_repo_models_folder() -> None:
    assert Path(reg.__file__).resolve().parents[2] / "models" == SHIPPED


def test_models_dir_in_pyinstaller_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert models_dir() == tmp_path / "models"


@needs_model
def test_shipped_manifest_entry_is_complete() -> None:
    entry = ModelRegistry().get("text-emotion")
    assert entry.model_id == "text-emotion@1.3.1"
    assert entry.kind == "onnx"
    assert entry.labels == ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")
    assert set(entry.thresholds) == set(entry.labels)
    assert all(0.0 < t < 1.0 for t in entry.thresholds.values())
    assert entry.license == "Apache-2.0"
    assert entry.data_source
    assert {"model", "tokenizer"} <= set(entry.files)
    assert entry.size is not None and entry.size <= 25 * 1024 * 1024


@needs_model
def test_shipped_model_verifies(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = ModelRegistry()
    path = registry.verify(registry.get("text-emotion"))
    assert path.resolve() == TEXT_MODEL.resolve()
    # a second verification is served from the per-process cache (no re-hash)
    calls: list[Path] = []
    orig = reg.sha256_file

    def counting(p: Path) -> str:
        calls.append(p)
        return orig(p)

    monkeypatch.setattr(reg, "sha256_file", counting)
    registry.verify("text-emotion")
    ModelRegistry().verify("text-emotion")
    assert calls == []


@needs_model
def test_flipped_byte_is_refused(tmp_path: Path) -> None:
    root = _copy_models(tmp_path)
    target = root / "text-emotion" / "model.int8.onnx"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    registry = ModelRegistry(root)
    with pytest.raises(ModelIntegrityError) as exc:
        registry.verify(registry.get("text-emotion"))
    msg = str(exc.value)
    assert msg == (
        "model text-emotion failed its integrity check: sha256 mismatch for model.int8.onnx"
    )
    assert "\n" not in msg


@needs_model
def test_tampered_tokenizer_is_refused(tmp_path: Path) -> None:
    root = _copy_models(tmp_path)
    tok = root / "text-emotion" / "tokenizer.json"
    data = bytearray(tok.read_bytes())
    data[100] ^= 0x20
    tok.write_bytes(bytes(data))
    with pytest.raises(ModelIntegrityError, match="sha256 mismatch for tokenizer.json"):
        ModelRegistry(root).verify("text-emotion")


@needs_model
def test_missing_file_is_refused(tmp_path: Path) -> None:
    root = _copy_models(tmp_path)
    (root / "text-emotion" / "model.int8.onnx").unlink()
    with pytest.raises(ModelIntegrityError, match="missing file model.int8.onnx"):
        ModelRegistry(root).verify("text-emotion")


@needs_model
def test_truncated_file_reports_size(tmp_path: Path) -> None:
    root = _copy_models(tmp_path)
    target = root / "text-emotion" / "model.int8.onnx"
    target.write_bytes(target.read_bytes()[:-10])
    with pytest.raises(ModelIntegrityError, match="size mismatch for model.int8.onnx"):
        ModelRegistry(root).verify("text-emotion")


def test_unknown_model_and_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(ModelIntegrityError, match="manifest missing"):
        ModelRegistry(tmp_path).get("text-emotion")
    _write_manifest(tmp_path, [])
    with pytest.raises(ModelNotFoundError, match="not in"):
        ModelRegistry(tmp_path).get("text-emotion")


def test_package_relative_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = tmp_path / "site" / "fake_models_pkg"
    (pkg / "whisper").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    blob = pkg / "whisper" / "model.bin"
    blob.write_bytes(b"weights" * 100)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    root = tmp_path / "models"
    _write_manifest(
        root,
        [
            {
                "name": "whisper-small",
                "version": "1",
                "kind": "ctranslate2",
                "package": "fake_models_pkg",
                "path": "whisper/model.bin",
                "sha256": sha256_file(blob),
                "size": blob.stat().st_size,
            }
        ],
    )
    registry = ModelRegistry(root)
    entry = registry.get("whisper-small")
    assert entry.package == "fake_models_pkg"
    assert registry.verify(entry) == pkg.resolve() / "whisper" / "model.bin"
    blob.write_bytes(b"other!!" * 100)
    reg.clear_verification_cache()
    with pytest.raises(ModelIntegrityError, match="sha256 mismatch for model.bin"):
        registry.verify(entry)


def test_entry_from_missing_package_is_refused(tmp_path: Path) -> None:
    _write_manifest(
        tmp_path,
        [
            {
                "name": "ghost",
                "version": "1",
                "kind": "onnx",
                "package": "no_such_pkg_xyz",
                "path": "m.onnx",
                "sha256": "0" * 64,
                "size": 1,
            }
        ],
    )
    with pytest.raises(ModelIntegrityError, match="model ghost failed its integrity check"):
        ModelRegistry(tmp_path).verify("ghost")
