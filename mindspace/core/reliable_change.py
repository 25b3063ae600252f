"""Reliable change between two administrations of one questionnaire (Jacobson & Truax 1991).

RCI = (x2 - x1) / SE_diff with SE_diff = SD * sqrt(2) * sqrt(1 - r); a change is reliable when
|RCI| > 1.96 (it would arise from measurement error alone in fewer than 5 % of retests). The SD
and reliability of each instrument come from ``resources/questionnaires/reliable_change.json``
with their sources. Where no parameters are documented (the WHO-5) the developers' own change
rule is used instead (a change of at least the MCID). The direction is per instrument: for the
PHQ-9 and GAD-7 a fall is an improvement, for the WHO-5 a rise is.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from mindspace.core.questionnaires import Instrument, QuestionnaireDataError, questionnaires_dir

CRITERION = 1.96
IMPROVED, NO_CHANGE, WORSE = "improved", "no reliable change", "worse"


@dataclass(frozen=True)
class ChangeParameters:
    sd: float | None
    reliability: float | None
    criterion: float = CRITERION

    @property
    def se_diff(self) -> float | None:
        if self.sd is None or self.reliability is None:
            return None
        return standard_error_of_difference(self.sd, self.reliability)


@dataclass(frozen=True)
class Change:
    instrument: str
    previous: int
    current: int
    difference: int
    se_diff: float | None
    rci: float | None
    reliable_threshold: float | None
    mcid: float | None
    mcid_met: bool | None
    verdict: str
    method: str  # "rci" or "mcid"
    higher_is_better: bool

    def describe(self, short_name: str) -> str:
        """One line with the numbers behind the verdict."""
        sign = f"{self.difference:+d}"
        if self.method == "rci" and self.rci is not None and self.reliable_threshold is not None:
            basis = (f"RCI {self.rci:+.2f}; a change of {self.reliable_threshold:.1f} points or "
                     "more is reliable")
        else:
            basis = f"a change of at least {self.mcid:g} points counts as significant"
        mcid = ""
        if self.method == "rci" and self.mcid is not None:
            mcid = (f"; {'meets' if self.mcid_met else 'below'} the minimal important "
                    f"difference of {self.mcid:g}")
        return (f"{short_name} {self.previous} → {self.current} ({sign}): {self.verdict} "
                f"({basis}{mcid})")

    def to_json(self) -> dict[str, Any]:
        return {
            "previous": self.previous, "current": self.current, "difference": self.difference,
            "se_diff": None if self.se_diff is None else round(self.se_diff, 3),
            "rci": None if self.rci is None else round(self.rci, 3),
            "reliable_threshold": (None if self.reliable_threshold is None
                                   else round(self.reliable_threshold, 3)),
            "mcid": self.mcid, "mcid_met": self.mcid_met, "verdict": self.verdict,
            "method": self.method,
        }


def standard_error_of_difference(sd: float, reliability: float) -> float:
    """SE_diff = SD * sqrt(2) * sqrt(1 - r) (Jacobson & Truax 1991; Christensen & Mendoza 1986)."""
    if sd <= 0 or not 0 <= reliability < 1:
        raise ValueError("SD must be positive and reliability in [0, 1)")
    return sd * math.sqrt(2) * math.sqrt(1 - reliability)


def se_diff_from_sem(sem: float) -> float:
    """SE_diff = sqrt(2 * SEM^2), when a manual gives the standard error of measurement."""
    return math.sqrt(2 * sem * sem)


def reliable_change_index(before: float, after: float, se_diff: float) -> float:
    return (after - before) / se_diff


def load_parameters(path: Path | None = None) -> dict[str, ChangeParameters]:
    path = path or questionnaires_dir() / "reliable_change.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        criterion = float(raw.get("criterion", CRITERION))
        return {
            key: ChangeParameters(
                sd=None if v.get("sd") is None else float(v["sd"]),
                reliability=None if v.get("reliability") is None else float(v["reliability"]),
                criterion=criterion,
            )
            for key, v in raw["instruments"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise QuestionnaireDataError(
            f"the reliable-change file {path.name} cannot be read ({type(exc).__name__})"
        ) from None


@lru_cache(maxsize=1)
def parameters() -> dict[str, ChangeParameters]:
    return load_parameters()


def compare(instrument: Instrument, previous: int, current: int,
            params: ChangeParameters | None = None) -> Change | None:
    """The change from `previous` to `current` (reported scores), or None when the instrument
    tracks no change (the PHQ-2 and GAD-2 have neither RCI parameters nor an MCID)."""
    if params is None:
        params = parameters().get(instrument.id, ChangeParameters(None, None))
    difference = current - previous
    better = difference > 0 if instrument.higher_is_better else difference < 0
    mcid = instrument.mcid
    mcid_met = None if mcid is None else abs(difference) >= mcid
    se_diff = params.se_diff
    if se_diff is not None:
        rci = reliable_change_index(previous, current, se_diff)
        reliable = abs(rci) > params.criterion
        verdict = NO_CHANGE if not reliable else IMPROVED if better else WORSE
        return Change(instrument.id, previous, current, difference, se_diff, rci,
                      params.criterion * se_diff, mcid, mcid_met, verdict, "rci",
                      instrument.higher_is_better)
    if mcid is None:
        return None
    verdict = NO_CHANGE if not mcid_met else IMPROVED if better else WORSE
    return Change(instrument.id, previous, current, difference, None, None, None, mcid,
                  mcid_met, verdict, "mcid", instrument.higher_is_better)
