"""The `share` command: identity, add-contact, contacts, verify, export, open, inbox, relay, sync.

Failures print one line naming the reason and exit non-zero (`mindspace.cli` maps every
`UserError` through `mindspace.app.errors`): bad cards and selections 2, unknown ids 4, other
sharing problems 1, and bundle problems their reason's code (not for me 10, corrupted 11, bad
signature 12, unknown sender 13, not a listed recipient 14, replayed 15, unsupported 16, too
large 17). Relay and sync commands are `mindspace.commands.share_sync` (their exit codes are
described there); `share relay set --webdav URL --user U` reads the WebDAV password from standard
input line 2 (line 1 is the vault passphrase).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mindspace.commands.common import (
    EXIT_USAGE,
    CliContext,
    CliError,
    add_json_flag,
    add_passphrase_flag,
    emit,
)

if TYPE_CHECKING:  # imported when a command runs, so `mindspace --help` stays quick
    from mindspace.app.sharing import ExportSelection, SharingService

INCLUDE_CHOICES = ("journal", "mood", "voice", "analysis", "questionnaires")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    share = sub.add_parser("share", help="share encrypted, signed exports with your therapist")
    ssub = share.add_subparsers(dest="share_command", required=True)

    ident = ssub.add_parser("identity", help="show (and on first use create) my contact card")
    ident.add_argument("--name", help="the name shown on my card")
    ident.add_argument("--role", choices=("patient", "therapist", "study"))
    ident.add_argument("--card-out", type=Path, help="also write my card to this file")
    ident.add_argument("--qr-out", type=Path, help="also write my card as a QR code PNG")
    _common(ident, cmd_identity)

    add = ssub.add_parser("add-contact", help="add a contact from a card file or code file")
    add.add_argument("cardfile", type=Path)
    add.add_argument(
        "--verified", action="store_true", help="I compared the safety number with this person"
    )
    _common(add, cmd_add_contact)

    contacts = ssub.add_parser("contacts", help="list contacts with their state")
    _common(contacts, cmd_contacts)

    verify = ssub.add_parser("verify", help="mark a contact verified after comparing numbers")
    verify.add_argument("contact")
    _common(verify, cmd_verify)

    export = ssub.add_parser("export", allow_abbrev=False, help="write an encrypted bundle")
    export.add_argument("--to", dest="contact", required=True, help="contact name or id")
    export.add_argument("--from", dest="from_date", help="first day (YYYY-MM-DD)")
    export.add_argument("--to-date", dest="to_date", help="last day (YYYY-MM-DD, inclusive)")
    export.add_argument("--tag", action="append", default=[], help="journal entries with tag")
    export.add_argument("--entry", action="append", default=None, help="one journal entry id")
    export.add_argument(
        "--include",
        default="journal,mood",
        help="comma list of journal,mood,voice,analysis,questionnaires (default journal,mood;"
        " an empty list with --insights shares insights only)",
    )
    export.add_argument(
        "--insights",
        default="",
        help="comma list of insights to share over the dates: streaks, mood-links (what goes "
        "with mood, with intervals and days), questionnaire-trends (with reliable change), or all",
    )
    export.add_argument("--transcripts", action="store_true", help="voice: include transcripts")
    export.add_argument("--audio", action="store_true", help="voice: include the recordings")
    export.add_argument("--no-reports", action="store_true", help="leave out the CSV and PDF")
    export.add_argument(
        "--sharing-history",
        action="store_true",
        help="add what I shared before and when (from the audit log) to the bundle and report",
    )
    export.add_argument(
        "--allow-unverified",
        action="store_true",
        help="confirm sending to a contact whose number was not compared",
    )
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help="the bundle file to create")
    target.add_argument("--relay", action="store_true", help="queue for the sync relay")
    target.add_argument("--preview", action="store_true", help="only show what would be sent")
    _common(export, cmd_export)

    open_ = ssub.add_parser("open", help="verify and import a bundle file")
    open_.add_argument("file", type=Path)
    _common(open_, cmd_open)

    inbox = ssub.add_parser("inbox", help="bundles received so far")
    _common(inbox, cmd_inbox)

    from mindspace.commands import share_sync

    share_sync.register(ssub, _common)


def _common(
    parser: argparse.ArgumentParser, func: Callable[[argparse.Namespace, CliContext], int]
) -> None:
    add_passphrase_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=func)


def _date(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(
            f"{what} must be a date like 2026-03-01 (got {text!r})", EXIT_USAGE
        ) from None


def _sharing(args: argparse.Namespace, ctx: CliContext) -> SharingService:
    return ctx.unlock(args).sharing()


def cmd_identity(args: argparse.Namespace, ctx: CliContext) -> int:
    sharing = _sharing(args, ctx)
    created = sharing.identity() is None
    me = sharing.ensure_identity(args.name, args.role)
    card = me.card()
    from mindspace.app.sharing import write_new_file

    if args.card_out:
        write_new_file(args.card_out, card.to_file_bytes())
    if args.qr_out:
        write_new_file(args.qr_out, card.qr_png())
    out = {
        "name": me.display_name,
        "role": me.role,
        "created": created,
        "card": card.to_json(),
        "code": card.to_code(),
        "fingerprint": me.fingerprint(),
    }
    emit(
        out,
        args.json,
        lambda o: (
            f"{o['name']} ({o['role']})\nYour number: {o['fingerprint']}\nCard code: {o['code']}"
        ),
    )
    return 0


def cmd_add_contact(args: argparse.Namespace, ctx: CliContext) -> int:
    from mindspace.app.sharing import read_card_file

    card = read_card_file(args.cardfile)  # parse before unlocking: bad input never waits on KDF
    sharing = _sharing(args, ctx)
    contact, outcome = sharing.add_contact(card, verified=args.verified)
    out = {
        "outcome": outcome,
        "contact": contact.to_json(),
        "safety_number": sharing.safety_number(contact),
    }
    if outcome == "changed":
        out["warning"] = (
            f"the keys of {contact.display_name} changed: sending and receiving are blocked until"
            " you compare the new safety number and verify again"
        )
    emit(
        out,
        args.json,
        lambda o: "\n".join(
            filter(
                None,
                [
                    f"{o['outcome'].capitalize()}: {o['contact']['name']}"
                    f" ({'verified' if o['contact']['verified'] else 'not verified'})",
                    f"Safety number: {o['safety_number']}",
                    o.get("warning", ""),
                ],
            )
        ),
    )
    return 0


def cmd_contacts(args: argparse.Namespace, ctx: CliContext) -> int:
    sharing = _sharing(args, ctx)
    rows = [
        {**c.to_json(), "state": c.state_word(), "safety_number": sharing.safety_number(c)}
        for c in sharing.contacts.list()
    ]
    emit(
        {"contacts": rows},
        args.json,
        lambda o: (
            "\n".join(f"{r['id'][:8]}  {r['name']}  [{r['state']}]" for r in o["contacts"])
            or "No contacts."
        ),
    )
    return 0


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    sharing = _sharing(args, ctx)
    contact = sharing.verify_contact(sharing.find_contact(args.contact).id)
    emit({"verified": contact.to_json()}, args.json, lambda o: f"Verified {o['verified']['name']}")
    return 0


def _insights(text: str) -> list[str]:
    """`--insights streaks,mood-links` -> the kinds, in the app's order ("all": every kind)."""
    from mindspace.app.sharing import INSIGHT_KINDS

    asked = {p.strip().replace("-", "_") for p in text.split(",") if p.strip()}
    if "all" in asked:
        return list(INSIGHT_KINDS)
    unknown = asked - set(INSIGHT_KINDS)
    if unknown:
        choices = ", ".join(k.replace("_", "-") for k in INSIGHT_KINDS)
        got = ", ".join(sorted(u.replace("_", "-") for u in unknown))
        raise CliError(f"--insights accepts {choices} or all (got {got})", EXIT_USAGE)
    return [k for k in INSIGHT_KINDS if k in asked]


def _selection(args: argparse.Namespace) -> ExportSelection:
    from mindspace.app.sharing import ExportSelection

    include = {p.strip() for p in args.include.split(",") if p.strip()}
    unknown = include - set(INCLUDE_CHOICES)
    if unknown:
        raise CliError(
            f"--include accepts {', '.join(INCLUDE_CHOICES)} (got {', '.join(sorted(unknown))})",
            EXIT_USAGE,
        )
    return ExportSelection(
        insights=_insights(args.insights),
        start=_date(args.from_date, "--from"),
        end=_date(args.to_date, "--to-date"),
        journal="journal" in include,
        entry_ids=args.entry,
        tags=args.tag,
        mood="mood" in include,
        voice="voice" in include,
        voice_transcripts=args.transcripts,
        voice_audio=args.audio,
        analysis="analysis" in include,
        questionnaires="questionnaires" in include,
        reports=not args.no_reports,
        sharing_history=args.sharing_history,
    )


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    selection = _selection(args)
    selection.validate()
    if args.out is not None and args.out.exists():
        raise CliError(f"{args.out} already exists: choose another file name", EXIT_USAGE)
    sharing = _sharing(args, ctx)
    preview = sharing.preview_export(
        args.contact, selection, allow_unverified=args.allow_unverified
    )
    out = preview.to_json()
    if args.preview:
        out["written"] = False
    elif args.relay:
        sealed = sharing.queue_for_relay(preview)
        out.update(written=True, queued=True, size=len(sealed.ciphertext))
    else:
        sealed = sharing.write_export(preview, args.out)
        out.update(written=True, file=str(args.out), size=len(sealed.ciphertext))
    emit(
        out,
        args.json,
        lambda o: "\n".join(
            [
                f"{'Shared' if o['written'] else 'Would share'} {len(o['items'])} items"
                f" with {o['to']}:"
            ]
            + [f"  {i['label']}  ({i['length']} bytes)" for i in o["items"]]
            + [f"File size: {o['file_size']} bytes"]
            + [f"Warning: {w}" for w in o["warnings"]]
        ),
    )
    return 0


def cmd_open(args: argparse.Namespace, ctx: CliContext) -> int:
    from mindspace.app.sharing import read_limited

    data = read_limited(args.file)
    result = _sharing(args, ctx).open_bytes(data, "file")
    emit(
        result.to_json(),
        args.json,
        lambda o: (
            f"Imported bundle {o['bundle_id']} from {o['from']}: "
            + ", ".join(f"{n} {k}" for k, n in sorted(o["items"].items()))
        ),
    )
    return 0


def cmd_inbox(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = _sharing(args, ctx).inbox.bundles()
    emit(
        {"bundles": rows},
        args.json,
        lambda o: (
            "\n".join(
                f"{r['received_at']}  {r['sender']}  {r['items']} items ({r['source']})"
                for r in o["bundles"]
            )
            or "Nothing received yet."
        ),
    )
    return 0
