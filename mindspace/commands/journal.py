"""`mindspace journal add | list | search | show | delete`."""

from __future__ import annotations

import argparse

from mindspace.commands.common import (
    CliContext,
    add_json_flag,
    add_passphrase_flag,
    emit,
)
from mindspace.core.validation import parse_datetime


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    journal = sub.add_parser("journal", help="write, list, search and delete journal entries")
    jsub = journal.add_subparsers(dest="journal_command", required=True)

    add = jsub.add_parser(
        "add",
        help="add an entry (body from --text or the rest of stdin; or everything as JSON on"
        " stdin with --stdin-json, so nothing personal appears in the process list)",
    )
    add.add_argument("--title", default="")
    add.add_argument(
        "--stdin-json",
        action="store_true",
        help='after the passphrase line, read {"title", "body", "tags", "date"} from stdin',
    )
    add.add_argument("--tag", action="append", default=[], help="repeat for several tags")
    add.add_argument("--date", help="ISO date or date-time (default: now)")
    add.add_argument("--text", help="the body (default: the rest of standard input)")
    add_passphrase_flag(add)
    add_json_flag(add)
    add.set_defaults(func=cmd_add)

    lst = jsub.add_parser("list", help="entries, newest first")
    lst.add_argument("--tag")
    lst.add_argument("--limit", type=int)
    add_passphrase_flag(lst)
    add_json_flag(lst)
    lst.set_defaults(func=cmd_list)

    search = jsub.add_parser("search", help="full-text search with highlighted snippets")
    search.add_argument("query")
    search.add_argument("--tag")
    add_passphrase_flag(search)
    add_json_flag(search)
    search.set_defaults(func=cmd_search)

    show = jsub.add_parser("show", help="print one entry")
    show.add_argument("id")
    add_passphrase_flag(show)
    add_json_flag(show)
    show.set_defaults(func=cmd_show)

    delete = jsub.add_parser("delete", help="delete one entry")
    delete.add_argument("id")
    add_passphrase_flag(delete)
    add_json_flag(delete)
    delete.set_defaults(func=cmd_delete)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.unlock(args)
    if args.stdin_json:
        fields = ctx.stdin_json({"title": str, "body": str, "tags": list, "date": str})
        title, body = fields.get("title", ""), fields.get("body", "")
        tags, date = [str(t) for t in fields.get("tags", [])], fields.get("date")
    else:
        title, tags, date = args.title, args.tag, args.date
        body = args.text if args.text is not None else ctx.rest_of_stdin()
    when = parse_datetime(date) if date else None
    entry = services.journal.add(title, body.rstrip("\n"), when, tags)
    emit(
        {"id": entry.id, "date": entry.entry_at.isoformat(), "title": entry.title},
        args.json,
        lambda o: f"Saved entry {o['id']}",
    )
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.unlock(args)
    entries = services.journal.list(tag=args.tag, limit=args.limit)
    rows = [
        {"id": e.id, "date": e.entry_at.isoformat(), "title": e.title, "tags": e.tags}
        for e in entries
    ]
    emit(
        {"entries": rows},
        args.json,
        lambda o: (
            "\n".join(f"{r['id']}  {r['date']}  {r['title']}" for r in o["entries"])
            or "No entries."
        ),
    )
    return 0


def cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.unlock(args)
    hits = services.journal.search(args.query, tag=args.tag)
    emit(
        {"query": args.query, "results": [h.to_json() for h in hits]},
        args.json,
        lambda o: (
            "\n".join(
                f"{r['id']}  {r['date']}  {r['title']}\n    {r['snippet']}" for r in o["results"]
            )
            or "No matches."
        ),
    )
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.unlock(args)
    entry = services.journal.get(args.id)
    emit(entry.to_json(), args.json, lambda o: f"# {o['title']}\n{o['entry_at']}\n\n{o['body']}")
    return 0


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    services = ctx.unlock(args)
    services.journal.delete(args.id)
    emit({"deleted": args.id}, args.json, lambda o: f"Deleted entry {o['deleted']}")
    return 0
