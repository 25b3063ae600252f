"""The bundle's licence check (build/notices.py): every shipped distribution must have a licence
that can be distributed with GPL-3.0-or-later MindSpace. Runs without building the bundle."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_LOCK = ROOT / "requirements" / "runtime.lock"


@pytest.fixture(scope="module")
def notices() -> ModuleType:
    path = ROOT / "build" / "notices.py"
    spec = importlib.util.spec_from_file_location("_mindspace_build_notices_licences", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def fake_distribution(site: Path, name: str, version: str, *headers: str) -> None:
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", *headers]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_lock(path: Path, pins: dict[str, str]) -> Path:
    path.write_text(
        "".join(f"{n}=={v} \\\n    --hash=sha256:{'0' * 64}\n" for n, v in pins.items()),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "expr",
    [
        "MIT",
        "Apache-2.0 OR BSD-3-Clause",
        "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
        "BSD-2-Clause AND Apache-2.0 WITH LLVM-exception",
        "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0",
        "(MIT OR GPL-2.0-only) AND Zlib",
        "MPL-2.0 AND MIT",
        "Apache License, Version 2.0",
        "3-Clause BSD License",
        "GNU Library or Lesser General Public License (LGPL)",
        "GPL-3.0-or-later",
    ],
)
def test_compatible_licences_are_allowed(notices: ModuleType, expr: str) -> None:
    assert notices.licence_allowed(expr) == (True, [])


@pytest.mark.parametrize(
    ("expr", "refused"),
    [
        ("Proprietary", ["Proprietary"]),
        ("Other/Proprietary License", ["Other/Proprietary License"]),
        ("GPL-2.0-only", ["GPL-2.0-only"]),
        ("MIT AND LicenseRef-Commercial", ["LicenseRef-Commercial"]),
        ("SSPL-1.0 OR BUSL-1.1", ["SSPL-1.0", "BUSL-1.1"]),
        ("Freeware", ["Freeware"]),
    ],
)
def test_incompatible_or_unknown_licences_are_refused(
    notices: ModuleType, expr: str, refused: list[str]
) -> None:
    assert notices.licence_allowed(expr) == (False, refused)


def test_a_proprietary_package_is_refused(notices: ModuleType, tmp_path: Path) -> None:
    site = tmp_path / "site"
    fake_distribution(site, "fakeprop", "1.0", "License: Proprietary",
                      "Classifier: License :: Other/Proprietary License")
    fake_distribution(site, "fakemit", "2.0", "License-Expression: MIT")
    fake_distribution(site, "fakenothing", "0.1")
    problems = notices.licence_problems(
        {"fakeprop": "1.0", "fakemit": "2.0", "fakenothing": "0.1"}, path=[str(site)]
    )
    assert len(problems) == 2, problems
    assert problems[0].startswith("fakenothing 0.1: no licence declared")
    assert problems[1].startswith("fakeprop 1.0: licence 'Other/Proprietary License'")

    lock = write_lock(tmp_path / "runtime.lock", {"fakeprop": "1.0", "fakemit": "2.0"})
    with pytest.raises(notices.LicenceError, match="fakeprop"):
        notices.check_licences(lock, path=[str(site)])


def test_classifiers_are_used_when_the_license_field_is_not_a_licence_name(
    notices: ModuleType, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    fake_distribution(site, "longtext", "1.0", "License: Copyright (c) 2001 Somebody",
                      "Classifier: License :: OSI Approved :: BSD License")
    fake_distribution(site, "mixed", "1.0", "Classifier: License :: OSI Approved :: MIT License",
                      "Classifier: License :: Other/Proprietary License")
    problems = notices.licence_problems({"longtext": "1.0", "mixed": "1.0"}, path=[str(site)])
    assert len(problems) == 1 and problems[0].startswith("mixed 1.0:"), problems


def test_pins_must_match_what_is_installed(notices: ModuleType, tmp_path: Path) -> None:
    site = tmp_path / "site"
    fake_distribution(site, "fakemit", "2.0", "License-Expression: MIT")
    assert notices.licence_problems({"fakemit": "2.1"}, path=[str(site)]) == [
        "fakemit: installed 2.0, the lock pins 2.1"
    ]
    assert notices.licence_problems({"absent": "1"}, path=[str(site)]) == [
        "absent: pinned but not installed"
    ]


def test_overrides_only_apply_to_the_version_that_was_checked(
    notices: ModuleType, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    checked = notices.LICENCE_OVERRIDES["sqlcipher3"].version
    fake_distribution(site, "sqlcipher3", checked)
    fake_distribution(tmp_path / "newer", "sqlcipher3", "99.0")
    assert notices.licence_problems({"sqlcipher3": checked}, path=[str(site)]) == []
    problems = notices.licence_problems({"sqlcipher3": "99.0"}, path=[str(tmp_path / "newer")])
    assert problems == ["sqlcipher3 99.0: no licence declared"]


def test_every_override_says_why(notices: ModuleType) -> None:
    for name, override in notices.LICENCE_OVERRIDES.items():
        assert override.reason.strip(), name
        assert override.licence in notices.ALLOWED_LICENCES, name


def test_the_real_runtime_lock_passes(notices: ModuleType) -> None:
    pins = notices.read_lock(RUNTIME_LOCK)
    assert {"pyside6-essentials", "onnxruntime", "faster-whisper", "av", "sqlcipher3"} <= set(pins)
    assert notices.licence_problems(pins) == []
    notices.check_licences(RUNTIME_LOCK)


def test_the_notice_lists_every_pinned_distribution(notices: ModuleType, tmp_path: Path) -> None:
    notice = notices.write_notices(
        tmp_path, [], ROOT / "models" / "manifest.json", "9.9", lock_path=RUNTIME_LOCK
    )
    text = notice.read_text(encoding="utf-8")
    pins = notices.read_lock(RUNTIME_LOCK)
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    listed = {notices.normalize(row.split("|")[1].strip()): row.split("|")[2].strip()
              for row in rows}
    for name, version in pins.items():
        assert listed.get(name) == version, name
    assert "| sqlcipher3 | 0.6.4 | Zlib |" in text


def test_a_refused_licence_stops_the_notice(
    notices: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    fake_distribution(site, "fakeprop", "1.0", "License: Proprietary")
    monkeypatch.syspath_prepend(str(site))
    lock = write_lock(tmp_path / "runtime.lock", {"fakeprop": "1.0"})
    with pytest.raises(notices.LicenceError, match="fakeprop 1.0"):
        notices.write_notices(tmp_path / "out", [], None, "9.9", lock_path=lock)
    assert not (tmp_path / "out" / "THIRD_PARTY_LICENSES.md").exists()
    assert notices.main(["notices.py", "--check", str(lock)]) == 1


def test_the_spec_builds_the_notice_from_the_runtime_lock() -> None:
    spec = (ROOT / "pyinstaller.spec").read_text(encoding="utf-8")
    assert 'lock_path=ROOT / "requirements" / "runtime.lock"' in spec
    assert "except notices.LicenceError" in spec
