"""`mindspace measure add | list | schedule`: validated questionnaires (PHQ-9, GAD-7, WHO-5)."""

from __future__ import annotations

import argparse
from typing import Any

from mindspace.commands.common import (
    CliContext,
    CliError,
    add_json_flag,
    add_passphrase_flag,
    emit,
)
from mindspace.core.questionnaires import ASKED, NOT_A_DIAGNOSIS, catalog, parse_answers
from mindspace.core.validation import parse_datetime

SAFETY_LINE = (
    "Your answer to question 9 matters. Please open MindSpace's support panel or contact a "
    "crisis line or your clinician now; if you are in danger, call your local emergency number."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    measure = sub.add_parser(
        "measure", help="fill in and list questionnaires (PHQ-9, GAD-7, WHO-5)"
    )
    msub = measure.add_subparsers(dest="measure_command", required=True)

    add = msub.add_parser("add", help="score and store one completed questionnaire")
    add.add_argument("instrument", choices=ASKED)
    add.add_argument("--answers", required=True,
                     help="the answers in form order, comma separated (PHQ-9/GAD-7: 0-3,"
                          " WHO-5: 0-5)")
    add.add_argument("--difficulty", type=int, choices=(0, 1, 2, 3),
                     help="the unscored 'how difficult' question (0-3)")
    add.add_argument("--date", help="ISO date or date-time (default: now)")
    add_passphrase_flag(add)
    add_json_flag(add)
    add.set_defaults(func=cmd_add)

    lst = msub.add_parser("list", help="completed questionnaires, oldest first")
    lst.add_argument("--instrument", choices=ASKED)
    add_passphrase_flag(lst)
    add_json_flag(lst)
    lst.set_defaults(func=cmd_list)

    sched = msub.add_parser("schedule", help="show or set days between questionnaires")
    sched.add_argument("instrument", nargs="?", choices=ASKED)
    sched.add_argument("--days", type=int, help="0 (no reminder) or 7-90")
    add_passphrase_flag(sched)
    add_json_flag(sched)
    sched.set_defaults(func=cmd_schedule)


def _contract(row: dict[str, Any]) -> dict[str, Any]:
    """The documented keys first, then the details."""
    head = {k: row[k] for k in ("instrument", "score", "band", "item9", "safety_followup",
                                "reliable_change")}
    return {**head, **{k: v for k, v in row.items() if k not in head}}


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    # validate before asking for the passphrase: bad input never waits on key derivation
    answers = parse_answers(catalog().get(args.instrument), args.answers)
    when = parse_datetime(args.date) if args.date else None
    services = ctx.unlock(args)
    result = services.measures().record(args.instrument, answers, args.difficulty, when)
    row = _contract(result.to_json())

    def human(o: dict[str, Any]) -> str:
        lines = [result.score.summary(), result.change_text()]
        lines += [s.summary() for s in result.short_forms]
        if o["safety_followup"]:
            lines.append(SAFETY_LINE)
        lines.append(NOT_A_DIAGNOSIS)
        return "\n".join(lines)

    emit(row, args.json, human)
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.unlock(args)
    rows = [_contract(r.to_json()) for r in services.measures().history(args.instrument)]
    emit(
        {"measures": rows},
        args.json,
        lambda o: "\n".join(
            f"{r['taken_at']}  {r['summary']}"
            + (f"  [{r['reliable_change']}]" if r["reliable_change"] else "")
            + ("  [item 9: " + str(r["item9"]) + "]" if r["item9"] else "")
            for r in o["measures"]
        ) or "No questionnaires yet.",
    )
    return 0


def cmd_schedule(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.days is not None and args.instrument is None:
        raise CliError("name the questionnaire whose schedule to set", 2)
    services = ctx.unlock(args)
    measures = services.measures()
    if args.days is not None:
        schedule = measures.set_schedule(args.instrument, args.days)
    else:
        schedule = measures.schedule()
    due = [d.instrument for d in measures.due()]
    emit(
        {"schedule_days": schedule, "due": due},
        args.json,
        lambda o: "\n".join(
            f"{k}: " + (f"every {v} days" if v else "no reminder")
            + (" (due now)" if k in o["due"] else "")
            for k, v in o["schedule_days"].items()
        ),
    )
    return 0
