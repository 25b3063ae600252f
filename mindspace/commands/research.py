"""`mindspace research`: consent to a study, withdraw, export anonymised numbers; and, on the
study's side, aggregate many exports into DuckDB.

    research consent --study STUDY [--epsilon E] [--yes] --passphrase-stdin
    research withdraw --study STUDY --passphrase-stdin
    research status --passphrase-stdin
    research export --to STUDY --out FILE [--weeks N] --passphrase-stdin
    research aggregate DIR --out DB --passphrase-stdin      (the study's vault)

`consent` without `--yes` prints what would be shared and records nothing. Exit codes: 2 bad
input, 4 unknown study, 1 anything else; `aggregate` exits 1 when any file was refused (the
others are loaded; the refused files and reasons are listed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mindspace.commands.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    CliContext,
    CliError,
    add_json_flag,
    add_passphrase_flag,
    emit,
)
from mindspace.core.research import DEFAULT_EPSILON, DEFAULT_WEEKS, MAX_WEEKS


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    research = sub.add_parser("research", help="anonymised exports for research studies")
    rsub = research.add_subparsers(dest="research_command", required=True)

    consent = rsub.add_parser("consent", help="show what is shared and, with --yes, consent")
    consent.add_argument("--study", required=True, help="the study contact (name or id)")
    consent.add_argument("--epsilon", type=float, default=DEFAULT_EPSILON,
                         help=f"privacy budget per export (default {DEFAULT_EPSILON})")
    consent.add_argument("--yes", action="store_true", help="I read the text and consent")
    _common(consent, cmd_consent)

    withdraw = rsub.add_parser("withdraw", help="withdraw consent (no further exports)")
    withdraw.add_argument("--study", required=True)
    _common(withdraw, cmd_withdraw)

    status = rsub.add_parser("status", help="studies, consents and exports made")
    _common(status, cmd_status)

    export = rsub.add_parser("export", help="write one anonymised export for a study")
    export.add_argument("--to", dest="study", required=True, help="the study contact")
    export.add_argument("--out", type=Path, required=True, help="the file to create")
    export.add_argument("--weeks", type=int, default=DEFAULT_WEEKS,
                        help=f"ISO weeks up to this one (1-{MAX_WEEKS}, default {DEFAULT_WEEKS})")
    _common(export, cmd_export)

    agg = rsub.add_parser("aggregate", help="(study) verify exports and load them into DuckDB")
    agg.add_argument("folder", type=Path, help="a folder of research export files")
    agg.add_argument("--out", type=Path, required=True, help="the DuckDB database to fill")
    _common(agg, cmd_aggregate)


def _common(parser: argparse.ArgumentParser, func: object) -> None:
    add_passphrase_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=func)


def cmd_consent(args: argparse.Namespace, ctx: CliContext) -> int:
    research = ctx.unlock(args).research()
    text = research.consent_text(args.study, args.epsilon)
    if not args.yes:
        emit({"consented": False, "text": text}, args.json,
             lambda o: o["text"] + "\n\nRun again with --yes to consent.")
        return 0
    consent = research.give_consent(args.study, args.epsilon)
    emit({"consented": True, "consent": consent.to_json(), "text": text}, args.json,
         lambda o: f"Consent recorded for {consent.study} (epsilon {consent.epsilon:g}).")
    return 0


def cmd_withdraw(args: argparse.Namespace, ctx: CliContext) -> int:
    consent = ctx.unlock(args).research().withdraw(args.study)
    emit({"withdrawn": consent.to_json()}, args.json,
         lambda o: f"Consent withdrawn for {consent.study}; no further exports can be made.")
    return 0


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    research = ctx.unlock(args).research()
    studies = [{"id": c.id, "name": c.display_name, "verified": c.verified}
               for c in research.studies()]
    consents = [c.to_json() for c in research.consents()]
    emit({"studies": studies, "consents": consents}, args.json, lambda o: "\n".join(
        [f"{c['study']}: {'active' if c['active'] else 'withdrawn'}, epsilon {c['epsilon']:g},"
         f" {c['exports']} exports" for c in consents] or ["No research consent given."]))
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise CliError(f"--weeks must be 1 to {MAX_WEEKS}", EXIT_USAGE)
    if args.out.exists():
        raise CliError(f"{args.out} already exists: choose another file name", EXIT_USAGE)
    out = ctx.unlock(args).research().export(args.study, args.out, args.weeks)
    emit(out, args.json, lambda o: (
        f"Wrote {o['file']} for {o['study']}: {len(o['weeks'])} weeks, epsilon {o['epsilon']:g}"
        f" (participant code {o['participant']})."))
    return 0


def cmd_aggregate(args: argparse.Namespace, ctx: CliContext) -> int:
    from mindspace.app.research_aggregate import aggregate

    if not args.folder.is_dir():
        raise CliError(f"{args.folder} is not a folder", EXIT_USAGE)
    services = ctx.unlock(args)
    study = services.sharing().require_identity()
    result = aggregate(study, args.folder, args.out)
    emit(result.to_json(), args.json, lambda o: "\n".join(
        [f"Loaded {o['loaded']} exports from {o['participants']} participants into {args.out}"
         f" ({o['skipped']} already there)."]
        + [f"Refused {r['file']}: {r['reason']}" for r in o["refused"]]))
    return EXIT_FAILED if result.refused else 0
