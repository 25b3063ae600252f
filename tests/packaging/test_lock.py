"""The lock files (requirements/*.lock, written by scripts/lock.sh from pyproject.toml) stay in
step with pyproject's dependency lists, and every install path uses them with hashes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
REQ = ROOT / "requirements"
DEV_LOCK = REQ / "dev.lock"
RUNTIME_LOCK = REQ / "runtime.lock"
PIP_LOCK = REQ / "pip.lock"

Pins = dict[str, tuple[str, list[str]]]


def parse_lock(text: str) -> Pins:
    """``{normalized name: (version, [hashes])}``; a requirement that is not pinned with ``==``
    is recorded with version ``""``."""
    pins: Pins = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if raw[0].isspace() or line.startswith("--hash="):
            if current:
                pins[current][1].extend(re.findall(r"--hash=(sha256:[0-9a-f]{64})", line))
            continue
        match = re.match(
            r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(==\s*([^\s;\\]+))?", line
        )
        if not match:
            current = ""
            continue
        current = canonicalize_name(match.group(1))
        pins[current] = (match.group(3) or "", re.findall(r"--hash=(sha256:[0-9a-f]{64})", line))
    return pins


def drift(requirements: list[str], pins: Pins) -> list[str]:
    """Problems with ``requirements`` (PEP 508 strings from pyproject) against a lock: each must
    be pinned with ``==``, carry at least one hash, and the pin must satisfy its range."""
    problems = []
    for text in requirements:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        if name not in pins:
            problems.append(f"{req.name} is not in the lock")
            continue
        version, hashes = pins[name]
        if not version:
            problems.append(f"{req.name} is not pinned with ==")
        elif not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req.name}=={version} does not satisfy {req.specifier}")
        if not hashes:
            problems.append(f"{req.name} has no --hash")
    return problems


def _project() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]


def _locked(path: Path) -> Pins:
    return parse_lock(path.read_text(encoding="utf-8"))


def test_runtime_dev_and_package_dependencies_are_pinned_with_hashes_in_dev_lock() -> None:
    project = _project()
    extras = project["optional-dependencies"]
    wanted = project["dependencies"] + extras["dev"] + extras["package"]
    assert drift(wanted, _locked(DEV_LOCK)) == []


def test_runtime_lock_pins_the_runtime_dependencies_at_the_dev_lock_versions() -> None:
    runtime, dev = _locked(RUNTIME_LOCK), _locked(DEV_LOCK)
    assert drift(_project()["dependencies"], runtime) == []
    assert {name: pin[0] for name, pin in runtime.items()} == {
        name: dev[name][0] for name in runtime if name in dev
    }
    assert set(runtime) <= set(dev)
    for tool in ("pytest", "mypy", "ruff", "pyinstaller", "setuptools"):
        assert tool not in runtime, f"{tool} would be listed as shipped"


def test_every_locked_requirement_is_pinned_and_hashed() -> None:
    for path in (DEV_LOCK, RUNTIME_LOCK, PIP_LOCK):
        pins = _locked(path)
        assert pins, path
        for name, (version, hashes) in pins.items():
            assert version, f"{path.name}: {name} is not pinned with =="
            assert hashes, f"{path.name}: {name} has no --hash"
    assert "pip" in _locked(PIP_LOCK)
    assert "setuptools" in _locked(DEV_LOCK), "setup.sh builds the project with it"


def test_no_cuda_build_of_anything_is_locked() -> None:
    for path in (DEV_LOCK, RUNTIME_LOCK):
        names = set(_locked(path))
        assert not {n for n in names if n.startswith(("nvidia-", "cuda-", "triton"))}, path
        assert "torch" not in names, f"{path.name}: torch belongs to the train extra only"


def test_drift_is_detected() -> None:
    pins = parse_lock(
        "numpy==2.4.6 \\\n    --hash=sha256:" + "a" * 64 + "\n"
        "scipy==1.17.1\n"
        "onnx>=1.16 \\\n    --hash=sha256:" + "b" * 64 + "\n"
    )
    assert drift(["numpy>=1.26"], pins) == []
    assert drift(["numpy>=3"], pins) == ["numpy==2.4.6 does not satisfy >=3"]
    assert drift(["scipy>=1.11"], pins) == ["scipy has no --hash"]
    assert drift(["onnx>=1.16"], pins) == ["onnx is not pinned with =="]
    assert drift(["segno>=1.6"], pins) == ["segno is not in the lock"]


def test_setup_installs_only_from_the_locks_with_hashes() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements/pip.lock" in setup
    assert "--require-hashes -r requirements/dev.lock" in setup
    assert "--no-deps --no-build-isolation -e ." in setup
    installs = [line for line in setup.splitlines() if "pip install" in line]
    assert all("--require-hashes" in line or "--no-deps" in line for line in installs), installs
    stamp = next(line for line in setup.splitlines() if line.startswith("want="))
    assert "requirements/dev.lock" in stamp and "requirements/pip.lock" in stamp
    build = (ROOT / "scripts" / "build_bundle.sh").read_text(encoding="utf-8")
    assert "./scripts/setup.sh" in build and "pip install" not in build
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./test.sh" in ci and "pip install" not in ci


def test_lock_header_names_the_refresh_command() -> None:
    for path in (DEV_LOCK, RUNTIME_LOCK, PIP_LOCK):
        assert "#    scripts/lock.sh" in path.read_text(encoding="utf-8"), path
