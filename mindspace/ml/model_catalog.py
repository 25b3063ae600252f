"""What each shipped model is: name, version, size, licence, training data, evaluation figures
and whether its files pass the manifest's sha256 check.

Contract
--------
* ``describe(registry)`` reads ``models/manifest.json`` only (fast, nothing hashed) and returns
  one :class:`ModelInfo` per entry, in manifest order, with ``sha256_ok`` None (not checked).
* ``check(registry, info)`` hashes every file of that model (slow for large files: call it off
  the GUI thread) and returns a copy with ``sha256_ok`` True or False and, when False, the
  one-line reason in ``integrity_error``.
* ``figures`` is the entry's ``"figures"`` object: evaluation set -> metric -> number, copied
  from the model card (e.g. ``{"GoEmotions Ekman test (int8)": {"macro_f1": 0.6508, ...}}``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from mindspace.ml.registry import ModelEntry, ModelIntegrityError, ModelRegistry

Figures = dict[str, dict[str, float]]


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    kind: str
    size: int  # bytes, all files of the model
    licence: str
    trained_on: str
    base_model: str
    figures: Figures
    card: str
    files: int
    sha256_ok: bool | None = None
    integrity_error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def model_id(self) -> str:
        return f"{self.name}@{self.version}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "kind": self.kind,
            "size": self.size,
            "files": self.files,
            "licence": self.licence,
            "trained_on": self.trained_on,
            "base_model": self.base_model or None,
            "figures": self.figures,
            "card": self.card or None,
            "sha256_ok": self.sha256_ok,
            "integrity_error": self.integrity_error,
        }


def _figures(raw: Any) -> Figures:
    out: Figures = {}
    if not isinstance(raw, dict):
        return out
    for set_name, metrics in raw.items():
        if isinstance(metrics, dict):
            out[str(set_name)] = {
                str(k): float(v) for k, v in metrics.items()
                if isinstance(v, int | float) and not isinstance(v, bool)
            }
    return out


def info_for(entry: ModelEntry) -> ModelInfo:
    """The description of one manifest entry (nothing is read but the manifest)."""
    raw = entry.raw
    size = sum(f.size or 0 for f in entry.files.values())
    return ModelInfo(
        name=entry.name,
        version=entry.version,
        kind=entry.kind,
        size=size,
        licence=entry.license,
        trained_on=entry.data_source,
        base_model=str(raw.get("base_model", "")),
        figures=_figures(raw.get("figures")),
        card=str(raw.get("card", "")),
        files=len(entry.files),
    )


def manifest_order(registry: ModelRegistry) -> list[str]:
    """Entry names in the order the manifest lists them."""
    data = json.loads(registry.manifest_path.read_text(encoding="utf-8"))
    return [str(m["name"]) for m in data.get("models", [])]


def describe(registry: ModelRegistry) -> list[ModelInfo]:
    """Every shipped model, manifest order, unchecked (``sha256_ok`` None)."""
    return [info_for(registry.get(name)) for name in manifest_order(registry)]


def check(registry: ModelRegistry, info: ModelInfo) -> ModelInfo:
    """``info`` with the result of hashing every file of that model against the manifest."""
    try:
        registry.verify(info.name)
    except ModelIntegrityError as exc:
        return replace(info, sha256_ok=False, integrity_error=str(exc))
    return replace(info, sha256_ok=True, integrity_error=None)
