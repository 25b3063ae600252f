"""Fast checks of the bundle configuration (no PyInstaller run; the build itself is covered by
scripts/build_bundle.sh + scripts/smoke_bundle.sh)."""

from __future__ import annotations

import ast
import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "pyinstaller.spec"


def _load(name: str) -> ModuleType:
    path = ROOT / "build" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_mindspace_build_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cfg() -> ModuleType:
    return _load("spec_config")


def test_spec_parses_and_uses_the_shared_config() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT"} <= calls
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert {"spec_config", "notices"} <= imported
    source = SPEC.read_text(encoding="utf-8")
    assert "excludes=cfg.module_excludes(SOURCE)" in source
    assert "cfg.read_version(ROOT)" in source


def test_version_comes_from_pyproject(cfg: ModuleType) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        expected = tomllib.load(handle)["project"]["version"]
    assert cfg.read_version(ROOT) == expected


def test_read_version_rejects_a_pyproject_without_version(cfg: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        cfg.read_version(tmp_path)


def test_entry_script_calls_the_app_main(cfg: ModuleType) -> None:
    entry = ROOT / cfg.ENTRY_SCRIPT
    tree = ast.parse(entry.read_text(encoding="utf-8"))
    imports = [
        node for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "mindspace.__main__"
    ]
    assert imports and imports[0].names[0].name == "main"


def test_heavy_and_unused_frameworks_are_excluded(cfg: ModuleType) -> None:
    excludes = set(cfg.module_excludes(ROOT / "mindspace"))
    for name in ("torch", "transformers", "tkinter", "tensorflow", "pytest", "hypothesis"):
        assert name in excludes
    for qt in ("QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "Qt3DCore",
               "Qt3DRender"):
        assert f"PySide6.{qt}" in excludes


def test_app_imports_nothing_that_is_excluded(cfg: ModuleType) -> None:
    assert cfg.excluded_but_imported(ROOT / "mindspace") == []


def test_qt_modules_used_by_the_app_are_not_excluded(cfg: ModuleType, tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "charts.py").write_text(
        "from PySide6.QtCharts import QChart\nfrom PySide6 import QtSvgWidgets\n", encoding="utf-8"
    )
    excludes = set(cfg.module_excludes(pkg))
    assert "PySide6.QtCharts" not in excludes
    assert "PySide6.QtSvgWidgets" not in excludes
    assert "PySide6.QtQuick" in excludes
    assert "PySide6.QtWebEngineCore" in excludes


def test_importing_an_excluded_module_is_reported(cfg: ModuleType, tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "bad.py").write_text("import torch.nn\nfrom PySide6 import QtWebEngineCore\n", "utf-8")
    assert cfg.excluded_but_imported(pkg) == ["PySide6.QtWebEngineCore", "torch"]


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("scipy/signal/tests/data/x.npz", False),
        ("models/text-emotion/model.int8.onnx", True),
        ("faster_whisper/assets/silero_vad_v6.onnx", True),
    ],
)
def test_bundle_file_filter(cfg: ModuleType, dest: str, kept: bool) -> None:
    assert cfg.keep_in_bundle(dest) is kept


def test_qt_quick_libraries_kept_when_the_app_uses_qml(cfg: ModuleType) -> None:
    assert cfg.keep_in_bundle("PySide6/Qt/lib/libQt6Quick.so.6", qt_quick=True)


def test_folder_tree_skips_hidden_files_and_caches(cfg: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "a.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / ".secret").write_text("x", encoding="utf-8")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "m.pyc").write_bytes(b"")
    pairs = cfg.folder_tree(tmp_path, "resources")
    assert pairs == [(str(tmp_path / "icons" / "a.svg"), "resources/icons")]
    assert cfg.folder_tree(tmp_path / "missing", "x") == []


def test_gitignore_covers_build_outputs() -> None:
    lines = {line.strip() for line in (ROOT / ".gitignore").read_text("utf-8").splitlines()}
    assert ".pyi-work/" in lines
    assert "dist/" in lines
    assert "build/" not in lines  # build/ holds checked-in packaging inputs


def test_packaging_inputs_exist() -> None:
    for rel in ("build/mindspace.desktop", "build/icons/mindspace.svg", "build/icons/mindspace.png",
                "build/install-desktop-entry.sh", "build/README-bundle.txt",
                "scripts/build_bundle.sh", "scripts/smoke_bundle.sh"):
        assert (ROOT / rel).is_file(), rel
    desktop = (ROOT / "build" / "mindspace.desktop").read_text("utf-8").splitlines()
    assert desktop[0] == "[Desktop Entry]"
    keys = dict(line.split("=", 1) for line in desktop[1:] if "=" in line)
    assert keys["Type"] == "Application" and keys["Icon"] == "mindspace"
    assert keys["Exec"] and keys["Name"] == "MindSpace"


def test_notice_lists_required_licenses(tmp_path: Path) -> None:
    notices = _load("notices")
    notice = notices.write_notices(tmp_path, ["numpy"], ROOT / "models" / "manifest.json", "9.9")
    text = notice.read_text(encoding="utf-8")
    for needle in ("LGPL-3.0", "SQLCipher", "ONNX Runtime", "CTranslate2", "Whisper",
                   "all-MiniLM-L6-v2", "GoEmotions", "VADER", "librosa", "| numpy |"):
        assert needle in text, needle
    assert (tmp_path / "licenses" / "numpy").is_dir()


def test_unused_qt_translations_are_dropped(cfg: ModuleType) -> None:
    qm = "PySide6/Qt/translations/qtbase_de.qm"
    assert not cfg.keep_in_bundle(qm)
    assert cfg.keep_in_bundle(qm, qt_translations=True)


def test_slow_nltk_runtime_hook_is_not_run(cfg: ModuleType) -> None:
    assert "pyi_rth_nltk" in cfg.RUNTIME_HOOKS_DROPPED
    assert "a.scripts = [" in SPEC.read_text(encoding="utf-8")


def test_strip_binaries_shrinks_an_unstripped_library(cfg: ModuleType, tmp_path: Path) -> None:
    import shutil

    if shutil.which("strip") is None or shutil.which("readelf") is None:
        pytest.skip("binutils not installed")
    import av

    source = Path(av.__file__).parent / "logging.abi3.so"  # ships with debug info
    if not source.is_file() or cfg._strippable_bytes(source) < 100_000:
        pytest.skip("no unstripped shared library available")
    target = tmp_path / "lib" / "liblogging.so"
    target.parent.mkdir()
    shutil.copyfile(source, target)
    (tmp_path / "notes.so.txt").write_text("not an ELF file", encoding="utf-8")
    saved = cfg.strip_binaries(tmp_path, min_bytes=100_000)
    assert saved > 0 and target.stat().st_size == source.stat().st_size - saved
    assert cfg._strippable_bytes(target) < 100_000
    assert cfg.strip_binaries(tmp_path, min_bytes=100_000) == 0  # nothing left to strip


def test_strip_leaves_patchelf_rewritten_libraries_alone(cfg: ModuleType, tmp_path: Path) -> None:
    """binutils' strip corrupts NumPy's auditwheel-patched OpenBLAS; it must stay byte-identical."""
    import shutil

    if shutil.which("strip") is None or shutil.which("readelf") is None:
        pytest.skip("binutils not installed")
    import numpy

    libs = sorted((Path(numpy.__file__).parent.parent / "numpy.libs").glob("libscipy_openblas*"))
    if not libs or cfg._strippable_bytes(libs[0]) < 100_000:
        pytest.skip("this numpy wheel has no unstripped, patched OpenBLAS")
    target = tmp_path / libs[0].name
    shutil.copyfile(libs[0], target)
    assert cfg.strip_binaries(tmp_path, min_bytes=100_000) == 0
    assert target.read_bytes() == libs[0].read_bytes()


def test_bundle_forces_telemetry_off_before_app_code() -> None:
    import os
    import subprocess

    hook = ROOT / "build" / "rthooks" / "pyi_rth_mindspace_privacy.py"
    probe = (
        "import os, runpy, sys; runpy.run_path(sys.argv[1]); "
        "print(os.environ['ORT_DISABLE_TELEMETRY'], os.environ['HF_HUB_OFFLINE'])"
    )
    env = {**os.environ, "ORT_DISABLE_TELEMETRY": "0"}  # an inherited opt-in is overridden
    result = subprocess.run(
        [sys.executable, "-c", probe, str(hook)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout.split()
    assert out == ["1", "1"]
    spec = SPEC.read_text(encoding="utf-8")
    assert spec.index("pyi_rth_mindspace_privacy.py") < spec.index("pyi_rth_mindspace_portaudio.py")
