"""What goes with better or worse mood: each activity, each self-chosen emotion and a night of
at least `SLEEP_HOURS` hours, compared on the days with it and the days without it.

Rules (docs/insights.md says why):

* the unit is the day (mean mood of that day's check-ins, 1-5);
* an activity is compared only over days on which some activity was noted (likewise emotions,
  and sleep over days with sleep noted), so a day that simply was not described does not count
  as a day "without";
* a factor is tested only with at least `MIN_DAYS` days with it and `MIN_DAYS` without it;
* Welch's t test per factor, then Benjamini-Hochberg over every tested factor at
  false-discovery rate `FDR_Q`; only those survive as findings;
* findings say "goes with", never "causes": these are the person's own observations, not an
  experiment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from mindspace.stats.compare import CONFIDENCE, bh_adjusted, compare
from mindspace.stats.days import DayRecord

MIN_DAYS = 5
FDR_Q = 0.10
SLEEP_HOURS = 7.0


@dataclass(frozen=True)
class Factor:
    kind: str  # "activity", "emotion" or "sleep"
    name: str
    label: str  # "walk", "feeling calm", "7 h sleep or more"


@dataclass(frozen=True)
class Association:
    factor: Factor
    n_with: int
    n_without: int
    mean_with: float
    mean_without: float
    diff: float  # mood with - without (points on the 1-5 scale)
    low: float
    high: float
    g: float
    g_low: float
    g_high: float
    p: float
    q: float  # BH-adjusted p value
    finding: bool

    @property
    def direction(self) -> str:
        return "better" if self.diff > 0 else "worse"

    def text(self) -> str:
        sign = "+" if self.diff >= 0 else "−"
        days = f"{self.n_with} days with, {self.n_without} without"
        interval = f"95 % interval {_signed(self.low)} to {_signed(self.high)}"
        if not self.finding:
            return (f"{_cap(self.factor.label)}: no clear link with mood yet "
                    f"({sign}{abs(self.diff):.1f}, {interval}; {days}).")
        return (f"{_cap(_days_with(self.factor))} went with a {self.direction} mood: "
                f"{sign}{abs(self.diff):.1f} points on the 1-5 scale ({interval}; {days}).")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["factor"] = asdict(self.factor)
        data["text"] = self.text()
        return data


@dataclass(frozen=True)
class Untested:
    factor: Factor
    n_with: int
    n_without: int

    def to_json(self) -> dict[str, Any]:
        return {"factor": asdict(self.factor), "n_with": self.n_with,
                "n_without": self.n_without,
                "reason": f"needs at least {MIN_DAYS} days with and {MIN_DAYS} without"}


@dataclass(frozen=True)
class Associations:
    tested: list[Association]
    untested: list[Untested]
    q: float = FDR_Q
    min_days: int = MIN_DAYS
    confidence: float = CONFIDENCE

    @property
    def findings(self) -> list[Association]:
        return [a for a in self.tested if a.finding]

    def summary(self) -> str:
        if not self.tested:
            return (f"Not enough days yet to compare: a factor is looked at once there are at "
                    f"least {MIN_DAYS} days with it and {MIN_DAYS} without it.")
        found = self.findings
        head = (f"{len(self.tested)} factors compared with false-discovery control at "
                f"q = {self.q:.2f}")
        if not found:
            return head + "; none goes clearly with better or worse mood yet."
        verb = "goes" if len(found) == 1 else "go"
        return head + f"; {len(found)} clearly {verb} with your mood. " + " ".join(
            a.text() for a in found)

    def to_json(self) -> dict[str, Any]:
        return {"q": self.q, "min_days": self.min_days, "confidence": self.confidence,
                "method": "Welch t test per factor, Benjamini-Hochberg across all tested",
                "tested": [a.to_json() for a in self.tested],
                "findings": [a.to_json() for a in self.findings],
                "untested": [u.to_json() for u in self.untested],
                "summary": self.summary()}


def _signed(value: float) -> str:
    return f"+{value:.1f}" if value >= 0 else f"−{abs(value):.1f}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _days_with(factor: Factor) -> str:
    if factor.kind == "sleep":
        return f"days after {factor.label}"
    if factor.kind == "emotion":
        return f"days {factor.label}"
    return f"days with {factor.label}"


DayTest = Callable[[DayRecord], bool | None]


def factors_of(days: Sequence[DayRecord]) -> list[tuple[Factor, DayTest]]:
    """Each factor and its test of a day: True (with), False (without), None (not described)."""
    activities = sorted({a.casefold() for d in days for a in d.activities})
    emotions = sorted({e.casefold() for d in days for e in d.emotions})
    out: list[tuple[Factor, DayTest]] = []

    def with_activity(name: str) -> DayTest:
        return lambda d: (name in {a.casefold() for a in d.activities}) if d.activities else None

    def with_emotion(name: str) -> DayTest:
        return lambda d: (name in {e.casefold() for e in d.emotions}) if d.emotions else None

    for name in activities:
        out.append((Factor("activity", name, name), with_activity(name)))
    for name in emotions:
        out.append((Factor("emotion", name, f"feeling {name}"), with_emotion(name)))
    out.append((Factor("sleep", f">={SLEEP_HOURS:g}h", f"{SLEEP_HOURS:g} h sleep or more"),
                lambda d: None if d.sleep is None else d.sleep >= SLEEP_HOURS))
    return out


def associations(days: Sequence[DayRecord], q: float = FDR_Q,
                 min_days: int = MIN_DAYS) -> Associations:
    """Compare mood on days with and without each factor (days without a mood are skipped)."""
    rated = [d for d in days if d.mood is not None]
    tested: list[tuple[Factor, list[float], list[float]]] = []
    untested: list[Untested] = []
    for factor, test in factors_of(rated):
        with_: list[float] = []
        without: list[float] = []
        for d in rated:
            has = test(d)
            if has is None:
                continue
            (with_ if has else without).append(float(d.mood or 0.0))
        if len(with_) < min_days or len(without) < min_days:
            untested.append(Untested(factor, len(with_), len(without)))
            continue
        tested.append((factor, with_, without))
    diffs = [compare(a, b) for _, a, b in tested]
    qs = bh_adjusted([d.p for d in diffs])
    results = [
        Association(f, d.n_a, d.n_b, d.mean_a, d.mean_b, d.diff, d.low, d.high, d.g, d.g_low,
                    d.g_high, d.p, qv, qv <= q)
        for (f, _, _), d, qv in zip(tested, diffs, qs, strict=True)
    ]
    results.sort(key=lambda a: (not a.finding, a.q, -abs(a.diff)))
    return Associations(results, untested, q, min_days)
