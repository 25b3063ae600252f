"""`mindspace mood add | list | delete`."""

from __future__ import annotations

import argparse

from mindspace.commands.common import (
    CliContext,
    add_json_flag,
    add_passphrase_flag,
    emit,
)
from mindspace.core.validation import check_scale, parse_datetime


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    mood = sub.add_parser("mood", help="record and list mood check-ins")
    msub = mood.add_subparsers(dest="mood_command", required=True)

    add = msub.add_parser("add", help="a quick check-in")
    add.add_argument("--mood", type=int, help="1 (awful) to 5 (great)")
    add.add_argument(
        "--stdin-json",
        action="store_true",
        help='after the passphrase line, read {"mood", "energy", "emotions", "activities",'
        ' "sleep", "note", "date"} from stdin (keeps the note out of the process list)',
    )
    add.add_argument("--energy", type=int, help="1 (drained) to 5 (buzzing)")
    add.add_argument("--emotion", action="append", default=[])
    add.add_argument("--activity", action="append", default=[])
    add.add_argument("--sleep", type=float, help="hours slept")
    add.add_argument("--note", default="")
    add.add_argument("--date", help="ISO date or date-time (default: now)")
    add_passphrase_flag(add)
    add_json_flag(add)
    add.set_defaults(func=cmd_add)

    lst = msub.add_parser("list", help="check-ins, newest first")
    lst.add_argument("--limit", type=int)
    add_passphrase_flag(lst)
    add_json_flag(lst)
    lst.set_defaults(func=cmd_list)

    delete = msub.add_parser("delete", help="delete one check-in")
    delete.add_argument("id")
    add_passphrase_flag(delete)
    add_json_flag(delete)
    delete.set_defaults(func=cmd_delete)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.stdin_json:
        # validate before asking for the passphrase, so bad input never waits on key derivation
        check_scale(args.mood, "mood")
    services = ctx.unlock(args)
    if args.stdin_json:
        f = ctx.stdin_json({"mood": int, "energy": int, "emotions": list, "activities": list,
                            "sleep": float, "note": str, "date": str})
        mood, energy, sleep = f.get("mood"), f.get("energy"), f.get("sleep")
        emotions = [str(e) for e in f.get("emotions", [])]
        activities = [str(a) for a in f.get("activities", [])]
        note, date = f.get("note", ""), f.get("date")
    else:
        mood, energy, emotions, activities = args.mood, args.energy, args.emotion, args.activity
        sleep, note, date = args.sleep, args.note, args.date
    when = parse_datetime(date) if date else None
    level = check_scale(mood, "mood")
    assert level is not None  # check_scale refuses a missing mood
    checkin = services.mood.add(level, energy, emotions, activities, sleep, note, when)
    emit(checkin.to_json(), args.json, lambda o: f"Saved check-in {o['id']} ({o['mood_word']})")
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.unlock(args)
    rows = [c.to_json() for c in services.mood.list(limit=args.limit)]
    emit(
        {"checkins": rows},
        args.json,
        lambda o: (
            "\n".join(
                f"{r['id']}  {r['checkin_at']}  mood {r['mood']} ({r['mood_word']})"
                for r in o["checkins"]
            )
            or "No check-ins."
        ),
    )
    return 0


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.unlock(args)
    services.mood.delete(args.id)
    emit({"deleted": args.id}, args.json, lambda o: f"Deleted check-in {o['deleted']}")
    return 0
