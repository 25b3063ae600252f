"""`mindspace import daylio FILE` and `mindspace export-data`: your data in and out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mindspace.app.data_export import (
    FORMATS,
    UNENCRYPTED_WARNING,
    check_export_passphrase,
    check_export_path,
    check_format,
)
from mindspace.app.data_transfer import DEFAULT_MOODS, ImportReport, parse_mood_map
from mindspace.commands.common import (
    CliContext,
    add_json_flag,
    add_passphrase_flag,
    emit,
)
from mindspace.core.wording import plural


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    imp = sub.add_parser("import", help="bring in data from another app")
    isub = imp.add_subparsers(dest="import_command", required=True)
    day = isub.add_parser(
        "daylio",
        help="import a Daylio CSV export (mood check-ins; titled or long notes also become"
        " journal entries tagged 'daylio')",
    )
    day.add_argument("file", type=Path, help="the CSV file Daylio exported")
    day.add_argument("--dry-run", action="store_true", help="show what would be imported")
    day.add_argument(
        "--mood-map",
        default="",
        help="your own mood labels on the 1-5 scale, e.g. \"ecstatic=5,fine=3\" (defaults: "
        + ", ".join(f"{k}={v}" for k, v in DEFAULT_MOODS.items())
        + ")",
    )
    add_passphrase_flag(day)
    add_json_flag(day)
    day.set_defaults(func=cmd_import_daylio)

    exp = sub.add_parser(
        "export-data",
        help="export all your data (CSV files zipped, or one JSON document); not encrypted"
        " unless --encrypt",
    )
    exp.add_argument("--format", choices=FORMATS, required=True)
    exp.add_argument("--out", type=Path, required=True, help="the file to write")
    exp.add_argument(
        "--encrypt",
        action="store_true",
        help="encrypt the file with age to a passphrase read from the next line of stdin",
    )
    exp.add_argument("--overwrite", action="store_true", help="replace an existing file")
    add_passphrase_flag(exp)
    add_json_flag(exp)
    exp.set_defaults(func=cmd_export_data)


def cmd_import_daylio(args: argparse.Namespace, ctx: CliContext) -> int:
    mood_map = parse_mood_map(args.mood_map)  # checked before the passphrase is asked for
    services = ctx.unlock(args)
    report = services.daylio_import().run(args.file, mood_map, dry_run=args.dry_run)
    emit(report.to_json(), args.json, lambda _o: describe(report))
    return 0


def describe(report: ImportReport) -> str:
    verb = "Would import" if report.dry_run else "Imported"
    lines = [
        f"{report.file}: {plural(report.rows_read, 'row')} read ({report.layout} layout)",
        f"{verb} {plural(report.new_checkins, 'mood check-in')} and"
        f" {plural(report.new_journal_entries, 'journal entry', 'journal entries')}",
    ]
    if report.already_imported:
        lines.append(f"Already imported before: {plural(report.already_imported, 'row')}")
    if report.repeated_in_file:
        lines.append(f"Repeated in the file (skipped): {plural(report.repeated_in_file, 'row')}")
    if report.unknown_labels:
        labels = ", ".join(f"{k} ({v})" for k, v in report.unknown_labels.items())
        lines.append(f"Unknown mood labels (map them with --mood-map): {labels}")
    if report.problems:
        lines.append(f"{plural(len(report.problems), 'row')} could not be read:")
        lines.extend(f"  line {p.line}: {p.reason}" for p in report.problems)
    return "\n".join(lines)


def cmd_export_data(args: argparse.Namespace, ctx: CliContext) -> int:
    check_format(args.format)
    # refuse a bad path before the passphrase costs a key derivation
    check_export_path(args.out, ctx.services.data_dir, args.overwrite)
    services = ctx.unlock(args)
    secret = None
    if args.encrypt:
        secret = check_export_passphrase(ctx.take_line("export passphrase (second line)"))
    else:
        sys.stderr.write(f"mindspace: warning: {UNENCRYPTED_WARNING.format(file=args.out)}\n")
        sys.stderr.flush()
    result = services.data_export().export(args.out, args.format, secret, args.overwrite)
    emit(
        result.to_json(),
        args.json,
        lambda o: f"Wrote {o['file']} ({o['format']}, "
        f"{'encrypted' if o['encrypted'] else 'NOT encrypted'}): "
        + ", ".join(f"{k} {v}" for k, v in o["counts"].items()),
    )
    return 0
