"""The instant crisis screen: the deterministic patterns alone, at the moment a text is saved.

It needs no model, no vault and no other thread: about a millisecond for an entry, so the
front ends call it on the spot and the support panel opens at once, whatever the models are
doing. The full analysis (`app.analysis`) follows in the background and may raise the level
later; the front ends never lower what this screen showed. The patterns are compiled when this
module is imported (the GUI imports it when its screens are built at unlock).
"""

from __future__ import annotations

from dataclasses import dataclass

from mindspace.core.rules import CRISIS_LEVELS, opens_support_panel
from mindspace.ml.crisis import CrisisDetector

_DETECTOR = CrisisDetector()
_DETECTOR.detect("warm up")  # compiles every pattern now, not at the first save


@dataclass(frozen=True)
class Screened:
    level: str  # none | concern | urgent
    reasons: tuple[str, ...]

    @property
    def opens_support_panel(self) -> bool:
        return opens_support_panel(self.level)


def screen_text(text: str) -> Screened:
    """The pattern screen's reading of `text` (never a diagnosis)."""
    result = _DETECTOR.detect(text)
    return Screened(result.level, tuple(result.reasons))


def level_rank(level: str | None) -> int:
    """0 for none (or unknown), then concern, then urgent."""
    return CRISIS_LEVELS.index(level) if level in CRISIS_LEVELS else 0
