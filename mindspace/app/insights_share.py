"""The insights a person chooses to share with their therapist, as bundle records (`insight`).

Each kind is computed over the shared period only (the export's dates), from the same code as
the Insights page, and travels as one JSON record: `{id, kind, title, as_of, start, end,
summary, lines, data}`. `summary` and `lines` are the words the person sees; `data` holds the
figures behind them (intervals, days with and without, RCI). Blocking (a worker's job).

* `streaks`: days noted, the current and the longest run (said kindly).
* `mood_links`: what goes with mood: the findings that pass the false-discovery control, each
  with its difference, 95 % interval and the days with and without; how many were compared.
* `questionnaire_trends`: per questionnaire, every score in the period and the change from the
  first to the latest form with the reliable change index (Jacobson-Truax) and the MCID.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from mindspace.app.container import AppServices
from mindspace.app.insights_data import day_records
from mindspace.core.reliable_change import compare
from mindspace.core.rules import format_day
from mindspace.share.export import INSIGHT_KINDS
from mindspace.stats.associations import associations
from mindspace.stats.days import noted_days, streaks


def _streaks(services: AppServices, start: date | None, end: date) -> dict[str, Any]:
    records = day_records(services, start, end)
    s = streaks(noted_days(records), end)
    lines = [f"Days noted: {s.total_days}", f"Current run: {s.current} days",
             f"Longest run: {s.longest} days"
             + (f" (ending {format_day(s.longest_end.isoformat())})" if s.longest_end else "")]
    data = {"current": s.current, "longest": s.longest, "days_noted": s.total_days,
            "longest_end": s.longest_end.isoformat() if s.longest_end else None,
            "noted_last_30": s.noted_last_30}
    return {"summary": s.text(), "lines": lines, "data": data}


def _mood_links(services: AppServices, start: date | None, end: date) -> dict[str, Any]:
    found = associations(day_records(services, start, end))
    findings = [a.to_json() for a in found.findings]
    lines = [a.text() for a in found.findings]
    data = {"q": found.q, "min_days": found.min_days, "confidence": found.confidence,
            "method": "Welch t test per factor, Benjamini-Hochberg across all tested",
            "tested": len(found.tested), "untested": len(found.untested),
            "findings": findings}
    return {"summary": found.summary(), "lines": lines, "data": data}


def _questionnaire_trends(services: AppServices, start: date | None,
                          end: date) -> dict[str, Any]:
    lo = datetime.combine(start, time.min) if start else None
    hi = datetime.combine(end + timedelta(days=1), time.min)
    results = services.measures().history(None, lo, hi)
    by_inst: dict[str, list[Any]] = {}
    for r in results:
        if r.score.total is not None:
            by_inst.setdefault(r.record.instrument, []).append(r)
    lines: list[str] = []
    trends: list[dict[str, Any]] = []
    for inst_id, forms in by_inst.items():
        inst = services.measures().instrument(inst_id)
        first, last = forms[0], forms[-1]
        scores = [{"taken_at": f.record.taken_at.isoformat(), "score": f.score.total,
                   "band": f.score.band_short} for f in forms]
        when = (f"{len(forms)} forms from {format_day(first.record.taken_at.isoformat())} to "
                f"{format_day(last.record.taken_at.isoformat())}" if len(forms) > 1
                else f"1 form on {format_day(last.record.taken_at.isoformat())}")
        entry: dict[str, Any] = {"instrument": inst_id, "short_name": inst.short_name,
                                 "scores": scores, "change": None, "verdict": None}
        change = (compare(inst, int(first.score.total), int(last.score.total))
                  if len(forms) > 1 else None)
        if change is not None:
            entry.update(change=change.to_json(), verdict=change.verdict)
            lines.append(f"{when}: {change.describe(inst.short_name)}")
        else:
            lines.append(f"{inst.short_name}, {when}: {last.score.summary()}; no change to "
                         "compare" + (" yet" if len(forms) == 1 else ""))
        trends.append(entry)
    summary = (f"Questionnaire trends over the shared period ({len(trends)} questionnaires)."
               if trends else "No questionnaire was completed in the shared period.")
    return {"summary": summary, "lines": lines, "data": {"instruments": trends}}


_BUILDERS = {"streaks": _streaks, "mood_links": _mood_links,
             "questionnaire_trends": _questionnaire_trends}


def insight_records(services: AppServices, kinds: Sequence[str], start: date | None,
                    end: date | None) -> list[dict[str, Any]]:
    """One record per chosen kind (in `INSIGHT_KINDS` order), computed over [start, end]."""
    as_of = end or date.today()
    out = []
    for kind in INSIGHT_KINDS:
        if kind not in kinds:
            continue
        part = _BUILDERS[kind](services, start, as_of)
        out.append({"id": kind, "kind": kind, "title": INSIGHT_KINDS[kind],
                    "as_of": as_of.isoformat(),
                    "start": start.isoformat() if start else None, "end": as_of.isoformat(),
                    **part})
    return out
