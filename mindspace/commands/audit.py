"""`mindspace audit`: list the vault's audit log and check its hash chain.

    mindspace audit --passphrase-stdin [--kind KIND ...] [--limit N] [--oldest-first] [--json]

With `--json` the output is one object: `rows` (seq, time, kind, detail, prev_hash, hash; newest
first unless `--oldest-first`), `chain` (ok, rows, first_broken, reason) and `kinds` (every kind
known to this version). Exit 0 when the chain is whole, 1 when a row was changed or is missing
(the rows are still printed), 2 on bad input.
"""

from __future__ import annotations

import argparse

from mindspace.commands.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    CliContext,
    CliError,
    add_json_flag,
    add_passphrase_flag,
    emit,
)
from mindspace.core.audit import AuditKind


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser(
        "audit", help="what was exported, imported, shared and changed, and when"
    )
    audit.add_argument(
        "--kind",
        action="append",
        default=None,
        metavar="KIND",
        help="only rows of this kind (repeatable; e.g. share.export, contact.add)",
    )
    audit.add_argument("--limit", type=int, default=None, help="at most N rows")
    audit.add_argument("--oldest-first", action="store_true", help="list oldest rows first")
    add_passphrase_flag(audit)
    add_json_flag(audit)
    audit.set_defaults(func=cmd_audit)


def cmd_audit(args: argparse.Namespace, ctx: CliContext) -> int:
    known = [k.value for k in AuditKind]
    for kind in args.kind or []:
        if kind not in known:
            raise CliError(f"unknown kind {kind!r} (known: {', '.join(known)})", EXIT_USAGE)
    if args.limit is not None and args.limit < 1:
        raise CliError("--limit must be 1 or more", EXIT_USAGE)
    trail = ctx.unlock(args).audit()
    rows = trail.rows(args.kind, newest_first=not args.oldest_first, limit=args.limit)
    chain = trail.verify()
    out = {
        "rows": [r.to_json() for r in rows],
        "chain": chain.to_json(),
        "kinds": known,
    }

    def human(o: dict[str, object]) -> str:
        lines = [f"{r.seq:>5}  {r.time}  {r.kind:<22} {r.detail}" for r in rows]
        if not rows:
            lines.append("The audit log has no rows yet." if not args.kind else "No such rows.")
        if chain.ok:
            lines.append(f"The chain of {chain.rows} rows is whole.")
        else:
            lines.append(f"The audit log is damaged: {chain.reason}.")
        return "\n".join(lines)

    emit(out, args.json, human)
    return 0 if chain.ok else EXIT_FAILED
