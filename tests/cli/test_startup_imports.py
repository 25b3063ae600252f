"""Start-up cost of the command line: building the command tree must not load the model
runtimes, the statistics or audio stacks, the GUI toolkit or SQLCipher; those load when a
command runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HEAVY = (
    "numpy", "scipy", "onnxruntime", "pyarrow", "duckdb", "opendp", "PySide6", "torch",
    "sklearn", "pandas", "soundfile", "sqlcipher3", "cryptography", "argon2", "tokenizers",
    "transformers", "mindspace.audio", "mindspace.stats", "mindspace.ui",
)

PROBE = """
import json, sys
{setup}
heavy = {heavy!r}
print(json.dumps(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy
                        and '.' not in m)))
"""


def _loaded(setup: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(setup=setup, heavy=HEAVY)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return list(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_building_the_parser_loads_no_heavy_module() -> None:
    loaded = _loaded("from mindspace.cli import build_parser\nbuild_parser()")
    assert loaded == [], f"building the command tree imported {loaded}"


def test_every_command_group_is_in_the_tree() -> None:
    """The check above only means something if every command module really loaded."""
    from mindspace.cli import COMMAND_MODULES, build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    names = set(sub.choices)  # type: ignore[arg-type]
    assert {"vault", "journal", "insights", "import", "analyze-voice", "chat", "research"} <= names
    assert len(COMMAND_MODULES) >= 13


def test_version_answers_without_the_command_tree() -> None:
    loaded = _loaded(
        "import io, contextlib\nfrom mindspace.__main__ import main\n"
        "out = io.StringIO()\nwith contextlib.redirect_stdout(out):\n"
        "    code = main(['--version'])\n"
        "assert code == 0 and out.getvalue().startswith('MindSpace '), out.getvalue()\n"
        "assert 'mindspace.cli' not in sys.modules and 'argparse' not in sys.modules"
    )
    assert loaded == []


def test_version_through_the_parser_too(tmp_path: Path) -> None:
    """`--version` after other options still goes through the parser and prints the same."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    fast = subprocess.run([sys.executable, "-m", "mindspace", "--version"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    slow = subprocess.run(
        [sys.executable, "-m", "mindspace", "--data-dir", str(tmp_path / "d"), "--version"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert fast.returncode == slow.returncode == 0, (fast.stderr, slow.stderr)
    assert fast.stdout == slow.stdout and fast.stdout.startswith("MindSpace ")
    assert fast.stdout.strip() != "MindSpace"
    assert not (tmp_path / "d").exists()
