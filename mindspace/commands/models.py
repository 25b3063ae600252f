"""`mindspace models [--json] [--no-verify]`: the shipped models, their licences, training data,
evaluation figures and whether their files match the manifest's sha256. Needs no vault.

Output with ``--json``: one JSON document ``{"manifest", "models": [...], "all_sha256_ok"}``;
each model has ``name, version, kind, size (bytes), files, licence, trained_on, base_model,
figures ({set: {metric: value}}), card, sha256_ok, integrity_error``. Exit 0 when every model
passes its check (or with ``--no-verify``), 1 when a file is missing or altered (the document is
still printed).
"""

from __future__ import annotations

import argparse
from typing import Any

from mindspace.app.model_info import models_report
from mindspace.commands.common import EXIT_FAILED, CliContext, add_json_flag, emit


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    p = sub.add_parser(
        "models", help="the shipped models: version, size, licence, figures, sha256 check"
    )
    p.add_argument("--no-verify", action="store_true",
                   help="do not hash the files (sha256_ok is then null)")
    add_json_flag(p)
    p.set_defaults(func=cmd_models)


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"


def _human(doc: dict[str, Any]) -> str:
    lines = []
    for m in doc["models"]:
        ok = {True: "sha256 ok", False: "sha256 FAILED", None: "not checked"}[m["sha256_ok"]]
        lines.append(f"{m['name']} {m['version']}  {_mb(m['size'])}  {m['licence']}  [{ok}]")
        if m["integrity_error"]:
            lines.append(f"  {m['integrity_error']}")
        for set_name, metrics in m["figures"].items():
            shown = ", ".join(f"{k} {v:g}" for k, v in metrics.items())
            lines.append(f"  {set_name}: {shown}")
    return "\n".join(lines)


def cmd_models(args: argparse.Namespace, ctx: CliContext) -> int:
    doc = models_report(ctx.services.model_registry(), verify=not args.no_verify)
    if args.json:
        emit(doc, True)
    else:
        emit(doc, False, _human)
    return EXIT_FAILED if doc["all_sha256_ok"] is False else 0
