"""`mindspace journal add | list | search | show | delete`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from mindspace.commands.common import (
    EXIT_USAGE,
    CliContext,
    CliError,
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
    lst.add_argument("--limit", type=int, help="at most this many (the newest)")
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


_PAGE = 500  # entries read per page: memory stays flat whatever the journal's size


def _listed(services: Any, tag: str | None, limit: int | None) -> Iterator[dict[str, Any]]:
    """Entries newest first, read a page at a time along the order key's index."""
    cursor, left = None, limit
    while left is None or left > 0:
        size = _PAGE if left is None else min(_PAGE, left)
        entries, cursor = services.journal.page(tag=tag, limit=size, before=cursor)
        for e in entries:
            yield {"id": e.id, "date": e.entry_at.isoformat(), "title": e.title, "tags": e.tags}
        if left is not None:
            left -= len(entries)
        if cursor is None:
            return


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.limit is not None and args.limit < 1:  # checked before the passphrase is asked for
        raise CliError("--limit must be a whole number of at least 1", EXIT_USAGE)
    services = ctx.unlock(args)
    rows = _listed(services, args.tag, args.limit)
    out = sys.stdout
    # streamed as it is read; the JSON is the same single line json.dumps would make
    if args.json:
        out.write('{"entries":[')
        for i, row in enumerate(rows):
            text = json.dumps(row, ensure_ascii=False, separators=(",", ":"))
            out.write("," + text if i else text)
        out.write("]}\n")
    else:
        empty = True
        for row in rows:
            out.write(f"{row['id']}  {row['date']}  {row['title']}\n")
            empty = False
        if empty:
            out.write("No entries.\n")
    out.flush()
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
