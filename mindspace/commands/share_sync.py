"""`share relay ...`, `share sync`, `share status`, `share alarms`, `share rejoin`.

Exit codes of `share sync` (and `share status`): 0 when everything was delivered and no alarm
is open; 20 when an alarm is open (fork, unreadable relay file, restart to accept, mismatch:
listed by `share alarms`, which says what each means); 21 when nothing is alarming yet but
delivery is not complete (a relay file could not be read and will be read again, or envelopes
wait for a missing one). `share relay set --webdav http://...` with `--user` is refused unless
the host is this computer (127.0.0.1, ::1, localhost) or `--allow-insecure-http` is given.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mindspace.commands.common import EXIT_USAGE, CliContext, CliError, emit

if TYPE_CHECKING:
    from mindspace.app.sync import SyncService

EXIT_SYNC_ALARM = 20
EXIT_SYNC_INCOMPLETE = 21

Common = Callable[[argparse.ArgumentParser, Callable[[argparse.Namespace, CliContext], int]], None]


def register(ssub: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    relay = ssub.add_parser("relay", help="configure the optional sync relay")
    rsub = relay.add_subparsers(dest="relay_command", required=True)
    rset = rsub.add_parser("set", help="use a shared folder or a WebDAV URL")
    where = rset.add_mutually_exclusive_group(required=True)
    where.add_argument("--folder", type=Path)
    where.add_argument("--webdav", help="https://host/remote.php/dav/files/me/mindspace/")
    rset.add_argument("--user", help="WebDAV user; the password is read from stdin line 2")
    rset.add_argument(
        "--allow-insecure-http",
        action="store_true",
        help="send the WebDAV password over plain http:// to another computer (not advised)",
    )
    common(rset, cmd_relay_set)
    rshow = rsub.add_parser("show", help="print the relay configuration (no password)")
    common(rshow, cmd_relay_show)
    rclear = rsub.add_parser("clear", help="stop syncing")
    common(rclear, cmd_relay_clear)

    sync = ssub.add_parser("sync", help="send queued bundles and receive new ones via the relay")
    common(sync, cmd_sync)
    status = ssub.add_parser("status", help="what is stuck: alarms, unread files, unacknowledged")
    common(status, cmd_status)
    alarms = ssub.add_parser("alarms", help="list sync alarms; dismiss one or accept a restart")
    act = alarms.add_mutually_exclusive_group()
    act.add_argument("--dismiss", type=int, metavar="ID", help="I have dealt with this alarm")
    act.add_argument("--accept", type=int, metavar="ID", help="accept a restored device's restart")
    alarms.add_argument("--all", action="store_true", help="also list dismissed alarms")
    common(alarms, cmd_alarms)
    rejoin = ssub.add_parser(
        "rejoin", help="after restoring this vault from a backup: restart my relay chains"
    )
    rejoin.add_argument("--to", dest="contact", help="only this contact (name or id)")
    common(rejoin, cmd_rejoin)


def _sync(args: argparse.Namespace, ctx: CliContext) -> SyncService:
    return ctx.unlock(args).sharing().sync_service


def cmd_relay_set(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.user and not args.webdav:
        raise CliError("--user only applies to --webdav", EXIT_USAGE)
    from mindspace.app.sync import check_transport

    check_transport(args.webdav, args.user, args.allow_insecure_http)  # before unlocking
    service = _sync(args, ctx)
    password = ctx.take_line("WebDAV password (line 2)") if args.user else None
    config = service.configure(
        folder=str(args.folder) if args.folder else None,
        url=args.webdav,
        user=args.user,
        password=password,
        allow_insecure_http=args.allow_insecure_http,
    )
    emit(config, args.json, lambda o: f"Relay set: {o.get('folder') or o.get('url')}")
    return 0


def cmd_relay_show(args: argparse.Namespace, ctx: CliContext) -> int:
    config = _sync(args, ctx).config()
    emit({"relay": config}, args.json, lambda o: str(o["relay"] or "No relay configured."))
    return 0


def cmd_relay_clear(args: argparse.Namespace, ctx: CliContext) -> int:
    _sync(args, ctx).clear()
    emit({"relay": None}, args.json, lambda o: "Relay cleared.")
    return 0


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    report = _sync(args, ctx).run()
    emit(report.to_json(), args.json, lambda o: report.summary())
    if report.needs_attention:
        return EXIT_SYNC_ALARM
    return EXIT_SYNC_INCOMPLETE if report.incomplete else 0


def _alarm_lines(alarms: list[dict[str, Any]]) -> list[str]:
    lines = []
    for a in alarms:
        state = f" [{a['resolution']}]" if a.get("dismissed_at") else ""
        lines.append(f"{a['id']}  {a['raised_at']}  {a['kind']}{state}: {a['detail']}")
        lines.append(f"    What it means: {a['meaning']}")
    return lines


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    status = _sync(args, ctx).status()

    def human(o: dict[str, Any]) -> str:
        relay = o["relay"] or {}
        lines = [f"Relay: {relay.get('folder') or relay.get('url') or 'not configured'}"]
        lines += [
            f"Unread relay file {r['name']}: {r['attempts']} failed reads since"
            f" {r['first_failed_at']} ({r['error']}); next try {r['next_try_at']}"
            for r in o["retrying"]
        ]
        lines += [
            f"Not yet acknowledged by {u['contact']}: {u['count']} envelope(s),"
            f" sent since {u['oldest_upload'] or 'not uploaded yet'}"
            for u in o["unacknowledged"]
        ]
        lines += _alarm_lines(o["alarms"]) or ["No open alarms."]
        return "\n".join(lines)

    emit(status, args.json, human)
    if status["alarms"]:
        return EXIT_SYNC_ALARM
    return EXIT_SYNC_INCOMPLETE if status["retrying"] else 0


def cmd_alarms(args: argparse.Namespace, ctx: CliContext) -> int:
    service = _sync(args, ctx)
    if args.dismiss is not None:
        service.dismiss(args.dismiss)
        emit({"dismissed": args.dismiss}, args.json, lambda o: f"Dismissed alarm {o['dismissed']}.")
        return 0
    if args.accept is not None:
        done = service.accept_restart(args.accept)
        emit(
            {"accepted": args.accept, **done},
            args.json,
            lambda o: f"Accepted the restart (alarm {o['accepted']}): delivery continues.",
        )
        return 0
    rows = service.alarms(include_dismissed=args.all)
    emit(
        {"alarms": rows},
        args.json,
        lambda o: "\n".join(_alarm_lines(o["alarms"])) or "No alarms.",
    )
    return 0


def cmd_rejoin(args: argparse.Namespace, ctx: CliContext) -> int:
    done = _sync(args, ctx).rejoin(args.contact)
    emit(
        done,
        args.json,
        lambda o: "\n".join(
            f"Queued a signed restart for {r['contact']} (envelope {r['seq']}); they must accept"
            " it before anything else is delivered. Run `share sync` to send it."
            for r in o["restarts"]
        ),
    )
    return 0
