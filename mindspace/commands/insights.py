"""`mindspace insights`: streaks, what goes with mood (effect, 95 % interval, days behind it,
false-discovery control), trends, what helped, the forecasts (or why they are not shown) and the
week in review, from the open vault."""

from __future__ import annotations

import argparse
from typing import Any

from mindspace.commands.common import CliContext, add_json_flag, add_passphrase_flag, emit
from mindspace.core.validation import parse_datetime

SECTIONS = ("all", "streaks", "correlations", "trends", "helped", "forecast", "review")
_KEYS = {"streaks": "streaks", "correlations": "correlations", "trends": "trends",
         "helped": "what_helped", "forecast": "forecast", "review": "weekly_review"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    parser = sub.add_parser("insights", help="streaks, what goes with your mood, a forecast")
    parser.add_argument("--date", help="the day to look from (ISO date; default: today)")
    parser.add_argument("--section", choices=SECTIONS, default="all",
                        help="print only one part of the insights")
    add_passphrase_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=cmd_insights)


def _human(obj: dict[str, Any]) -> str:
    lines: list[str] = []
    if "streaks" in obj:
        lines.append(obj["streaks"]["text"])
    if "correlations" in obj:
        corr = obj["correlations"]
        lines.append(corr["summary"])
        lines.extend("  " + a["text"] for a in corr["tested"] if not a["finding"])
    if "trends" in obj:
        lines += [obj["trends"]["weeks_text"], obj["trends"]["months_text"]]
    if "what_helped" in obj:
        lines.append(obj["what_helped"]["text"])
    for target, f in obj.get("forecast", {}).items():
        if f["shown"]:
            lines.append(f"Forecast of {target} for {f['for_day']}: {f['value']:.1f}. "
                         + f["reason"])
            lines.extend(f"  {s['name']}: {s['contribution']:+.2f}" for s in f["signals"])
        else:
            lines.append(f"Forecast of {target}: not shown. {f['reason']}")
    if "weekly_review" in obj:
        review = obj["weekly_review"]
        lines.append(review["text"])
        lines.extend(f"  Worth re-reading: {r['title']} ({r['day']}), {r['reason']}"
                     for r in review["reread"])
        lines.append(f"  Suggestion: {review['suggestion']}")
    return "\n".join(lines)


def cmd_insights(args: argparse.Namespace, ctx: CliContext) -> int:
    # check the date before asking for the passphrase, so bad input never waits on the KDF
    day = parse_datetime(args.date).date() if args.date else None
    services = ctx.unlock(args)
    from mindspace.app.insights_report import build_report  # statistics: only when run

    report = build_report(services, day).to_json()
    if args.section != "all":
        key = _KEYS[args.section]
        report = {"today": report["today"], key: report[key]}
    emit(report, args.json, _human)
    return 0
