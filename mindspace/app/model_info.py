"""About the shipped models: the use case behind `mindspace models` and the About-the-models
page. No vault is needed.

* ``list_models(registry)`` describes every model from the manifest without hashing (fast).
* ``check_models(registry, infos)`` hashes each model's files against the manifest (slow, about
  a second for all of them: workers only) and returns the same list with ``sha256_ok`` set.
* ``models_report(registry)`` is the ``mindspace models --json`` document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mindspace.ml.model_catalog import ModelInfo, check, describe
from mindspace.ml.registry import ModelRegistry

__all__ = ["ModelInfo", "check_models", "iter_checked", "list_models", "models_report"]


def list_models(registry: ModelRegistry) -> list[ModelInfo]:
    return describe(registry)


def iter_checked(registry: ModelRegistry, infos: list[ModelInfo]) -> Iterator[ModelInfo]:
    """Each model with its sha256 result, one at a time (so a view can fill in as it goes)."""
    for info in infos:
        yield check(registry, info)


def check_models(registry: ModelRegistry, infos: list[ModelInfo] | None = None) -> list[ModelInfo]:
    return list(iter_checked(registry, infos if infos is not None else describe(registry)))


def models_report(registry: ModelRegistry, verify: bool = True) -> dict[str, Any]:
    infos = check_models(registry) if verify else list_models(registry)
    return {
        "manifest": str(registry.manifest_path),
        "models": [i.to_dict() for i in infos],
        "all_sha256_ok": all(i.sha256_ok for i in infos) if verify else None,
    }
