"""Everything the insights page and `mindspace insights` show, computed in one blocking call
(`build_report`, a worker's job): streaks, the mood calendar, what goes with mood, trends by
week and month, what helped, the forecasts and the week in review. The statistics live in
`mindspace.stats`; this module only reads the vault and puts the results together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from mindspace.app.container import AppServices
from mindspace.app.insights_chat import ExerciseHelped, exercises_helped, usual_time
from mindspace.app.insights_data import day_records, samples
from mindspace.app.weekly_review import WeeklyReview, weekly_review
from mindspace.stats.associations import Association as Association
from mindspace.stats.associations import Associations, associations
from mindspace.stats.days import DayRecord, Streaks, day_moods, noted_days, streaks
from mindspace.stats.days import month_grid as month_grid
from mindspace.stats.days import year_cell_exists as year_cell_exists
from mindspace.stats.forecast import TARGETS, Forecast, forecast
from mindspace.stats.forecast import BacktestDay as BacktestDay
from mindspace.stats.trends import Period as Period
from mindspace.stats.trends import describe, period_start, trends

TREND_WEEKS = 12
TREND_MONTHS = 12


@dataclass(frozen=True)
class Helped:
    name: str
    helped: int
    tried: int  # times rated (feedback) or days done (activities)
    last: date | None
    when: str  # "usually in the evening", "most often on Saturdays"

    def text(self) -> str:
        if self.helped >= 0:
            return (f"{self.name}: helped {self.helped} of {self.tried} times"
                    + (f", {self.when}" if self.when else "") + ".")
        return f"{self.name}: {self.when}." if self.when else f"{self.name}."


@dataclass
class WhatHelped:
    source: str  # "feedback", "activities", "exercises" (the companion's only) or "none"
    items: list[Helped] = field(default_factory=list)
    exercises: list[ExerciseHelped] = field(default_factory=list)  # the companion's

    def text(self) -> str:
        parts = []
        if self.source == "feedback":
            parts.append("From your answers to “did this help?” after voice check-ins: "
                         + " ".join(h.text() for h in self.items))
        elif self.source == "activities":
            parts.append("No suggestion has been rated yet. Activities that went with a better "
                         "mood: " + " ".join(h.text() for h in self.items))
        if self.exercises:
            parts.append("Exercises with the companion: "
                         + " ".join(e.text() for e in self.exercises))
        if not parts:
            return ("Nothing to tell yet: rate a suggestion after a voice check-in, do an "
                    "exercise with the companion, or note activities with your moods.")
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "text": self.text(), "items": [
            {"name": h.name, "helped": h.helped if h.helped >= 0 else None, "tried": h.tried,
             "last": h.last.isoformat() if h.last else None, "when": h.when}
            for h in self.items],
            "exercises": [e.to_json() for e in self.exercises]}


@dataclass
class InsightsReport:
    today: date
    records: list[DayRecord]
    streaks: Streaks
    moods: dict[date, float]
    associations: Associations
    weeks: list[Period]
    months: list[Period]
    helped: WhatHelped
    forecasts: dict[str, Forecast]
    review: WeeklyReview

    @property
    def weeks_text(self) -> str:
        return describe(self.weeks, "week")

    @property
    def months_text(self) -> str:
        return describe(self.months, "month")

    def to_json(self) -> dict[str, Any]:
        s = self.streaks
        return {
            "today": self.today.isoformat(),
            "streaks": {"current": s.current, "longest": s.longest,
                        "longest_end": s.longest_end.isoformat() if s.longest_end else None,
                        "noted_last_30": s.noted_last_30, "days_noted": s.total_days,
                        "text": s.text()},
            "correlations": self.associations.to_json(),
            "trends": {"weeks": [p.to_json() for p in self.weeks], "weeks_text": self.weeks_text,
                       "months": [p.to_json() for p in self.months],
                       "months_text": self.months_text},
            "what_helped": self.helped.to_json(),
            "forecast": {t: f.to_json() for t, f in self.forecasts.items()},
            "weekly_review": self.review.to_json(),
        }


def what_helped(services: AppServices, found: Associations,
                records: list[DayRecord]) -> WhatHelped:
    """Rated suggestions (or, without any, the activities that went with a better mood), and
    the companion's finished exercises with a thought record's before/after ratings."""
    helped = _suggestions_helped(services, found, records)
    helped.exercises = exercises_helped(services.chat_readings().exercises())
    if helped.source == "none" and helped.exercises:
        helped.source = "exercises"
    return helped


def _suggestions_helped(services: AppServices, found: Associations,
                        records: list[DayRecord]) -> WhatHelped:
    from mindspace.ml.fusion import RECOMMENDATIONS

    if services.voice.helpfulness():
        helped: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        hours: dict[str, list[int]] = defaultdict(list)
        last: dict[str, date] = {}
        for c in services.voice.list():
            for rec, ok in services.voice.get(c.id).feedback.items():
                helped[rec][0] += int(ok)
                helped[rec][1] += 1
                if ok:
                    hours[rec].append(c.recorded_at.hour)
                    last[rec] = max(last.get(rec, c.recorded_at.date()), c.recorded_at.date())
        items = [Helped(RECOMMENDATIONS.get(r, {}).get("title", r), n[0], n[1], last.get(r),
                        usual_time(hours[r]))
                 for r, n in helped.items()]
        items.sort(key=lambda h: (-h.helped / max(1, h.tried), -h.tried))
        return WhatHelped("feedback", items)
    good = [a for a in found.findings if a.diff > 0 and a.factor.kind == "activity"]
    if good:
        items = []
        for a in good:
            days = [r.day for r in records if a.factor.name in {x.casefold()
                                                                for x in r.activities}]
            weekday = Counter(d.strftime("%A") for d in days).most_common(1)
            when = f"most often on {weekday[0][0]}s" if weekday else ""
            items.append(Helped(a.factor.label.capitalize(), -1, len(days),
                                max(days) if days else None,
                                f"{a.diff:+.1f} mood on {len(days)} days; {when}".rstrip("; ")))
        return WhatHelped("activities", items)
    return WhatHelped("none")


def build_report(services: AppServices, today: date | None = None) -> InsightsReport:
    """Read the vault and compute every insight (blocking; seconds at most)."""
    today = today or date.today()
    records = day_records(services, end=today)
    moods = day_moods(records)
    found = associations(records)
    week_start = period_start(today, "week") - timedelta(weeks=TREND_WEEKS - 1)
    month_start = period_start(today, "month")
    for _ in range(TREND_MONTHS - 1):
        month_start = period_start(month_start - timedelta(days=1), "month")
    gathered = samples(services, min(week_start, month_start), today)
    return InsightsReport(
        today=today,
        records=records,
        streaks=streaks(noted_days(records), today),
        moods=moods,
        associations=found,
        weeks=trends(gathered, moods, "week", week_start, today),
        months=trends(gathered, moods, "month", month_start, today),
        helped=what_helped(services, found, records),
        forecasts={t: forecast(records, t, today) for t in TARGETS},
        review=weekly_review(services, records, today, found),
    )
