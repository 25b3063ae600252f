"""The layers of docs/architecture.md, enforced on the source.

ui/ (the only Qt) and commands/ + cli.py call app/; app/ calls the libraries storage/, ml/,
audio/, share/ and stats/; everything may use core/. Libraries never import app/, the front
ends or each other. Every import counts, including those inside functions. The import graph
between the package's modules has no cycle at module level (imports at the top of a file).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "mindspace"
QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
LIBRARIES = {"storage", "ml", "audio", "share", "stats"}
# layer -> the layers it may import (besides itself and the package root's version/paths)
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    **{lib: {"core"} for lib in LIBRARIES},
    "app": {"core", *LIBRARIES},
    "ui": {"app", "core"},
    "commands": {"app", "core"},
    "cli": {"app", "core", "commands"},
    "__main__": {"cli", "ui"},
}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    return ".".join(rel.parts).removesuffix(".__init__")


def _imports(path: Path, top_level_only: bool = False) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    out: list[str] = []
    for node in nodes:
        if isinstance(node, ast.Import):
            out.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "mindspace":  # `from mindspace import app` names a subpackage
                out.extend(
                    f"mindspace.{a.name}" if _is_module(a.name) else "mindspace"
                    for a in node.names
                )
            else:
                out.append(node.module)
        elif top_level_only and isinstance(node, ast.If):  # `if TYPE_CHECKING:` is not a cycle
            continue
    return out


def _is_module(name: str) -> bool:
    return (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer() -> None:
    layers = {_layer(_module_name(p)) for p in _sources()} - {""}
    assert layers <= set(ALLOWED), layers - set(ALLOWED)


def _offenders(module: str, path: Path) -> list[str]:
    layer = _layer(module)
    found = []
    for name in _imports(path):
        if name.split(".")[0] in QT and layer != "ui":
            found.append(f"{module} imports {name} (Qt outside ui/)")
        if not name.startswith("mindspace."):
            continue
        target = _layer(name)
        if layer and target != layer and target not in ALLOWED[layer]:
            found.append(f"{module} imports {name}")
    return found


def test_layers_import_only_what_they_may() -> None:
    offenders = [o for p in _sources() for o in _offenders(_module_name(p), p)]
    assert offenders == []


def test_no_import_cycles_between_modules() -> None:
    modules = {_module_name(p): p for p in _sources()}
    graph = {
        m: {
            n for n in _imports(p, top_level_only=True) if n in modules and n != m
        }
        for m, p in modules.items()
    }
    seen: dict[str, int] = {}  # 1 = on the stack, 2 = done
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(graph[node]):
            if seen.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in seen:
                visit(nxt, [*stack, nxt])
        seen[node] = 2

    for module in sorted(graph):
        if module not in seen:
            visit(module, [module])
    assert cycles == []


def test_the_layer_check_catches_a_violation(tmp_path: Path) -> None:
    """The scan is not vacuous: a library importing app/ is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import PySide6\ndef f():\n    from mindspace.app import AppServices\n",
        encoding="utf-8",
    )
    assert _offenders("mindspace.storage.bad", bad) == [
        "mindspace.storage.bad imports PySide6 (Qt outside ui/)",
        "mindspace.storage.bad imports mindspace.app",
    ]
    assert _offenders("mindspace.app.fine", bad)[1:] == []


def test_importing_non_ui_layers_does_not_load_qt() -> None:
    modules = [
        _module_name(p)
        for p in _sources()
        if _layer(_module_name(p)) != "ui" and p.name != "__main__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {sorted(modules)!r}:\n"
        "    importlib.import_module(m)\n"
        "import mindspace.cli as cli\n"
        "cli.build_parser()\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
