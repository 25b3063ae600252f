"""Crisis lines shipped in ``resources/crisis/crisis_resources.json``, picked by region.

``CrisisResources.load()`` reads the file (no network). ``for_region(code)`` returns that
region's entry, or the fallback entry (emergency number + online directories) for an unknown,
empty or unsupported region code; the result always has an emergency number to show.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mindspace.core.errors import UserError
from mindspace.core.paths import resources_dir

FALLBACK_CODE = "INTL"


class CrisisResourcesError(UserError):
    """The shipped file is missing or malformed (one-line message)."""


@dataclass(frozen=True)
class CrisisLine:
    name: str
    phone: str | None
    text: str | None
    website: str | None
    hours: str
    source: str
    checked: str
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegionResources:
    code: str
    country: str
    emergency: str
    lines: tuple[CrisisLine, ...]
    is_fallback: bool = False
    emergency_note: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


def resources_path() -> Path:
    return resources_dir() / "crisis" / "crisis_resources.json"


def _region(raw: dict[str, Any], fallback: bool) -> RegionResources:
    lines = tuple(
        CrisisLine(
            name=str(ln["name"]), phone=ln.get("phone"), text=ln.get("text"),
            website=ln.get("website"), hours=str(ln.get("hours", "")),
            source=str(ln.get("source", "")), checked=str(ln.get("checked", "")),
            also=tuple(ln.get("also") or ()),
        )
        for ln in raw.get("lines", [])
    )
    return RegionResources(
        code=str(raw["code"]).upper(), country=str(raw["country"]),
        emergency=str(raw["emergency"]), lines=lines, is_fallback=fallback,
        emergency_note=str(raw.get("emergency_note", "")),
    )


class CrisisResources:
    def __init__(self, regions: dict[str, RegionResources], fallback: RegionResources,
                 checked: str) -> None:
        self._regions = regions
        self.fallback = fallback
        self.checked = checked

    @classmethod
    def load(cls, path: Path | None = None) -> CrisisResources:
        path = path or resources_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            regions = {r.code: r for r in (_region(x, False) for x in data["regions"])}
            fallback = _region(data["fallback"], True)
        except FileNotFoundError:
            raise CrisisResourcesError(f"crisis resources missing: {path}") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise CrisisResourcesError(f"crisis resources file is malformed: {exc}") from None
        return cls(regions, fallback, str(data.get("checked", "")))

    def regions(self) -> list[RegionResources]:
        """Supported regions sorted by country name (fallback not included)."""
        return sorted(self._regions.values(), key=lambda r: r.country)

    def for_region(self, code: str | None) -> RegionResources:
        if code and code.upper() in self._regions:
            return self._regions[code.upper()]
        return self.fallback
