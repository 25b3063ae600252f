"""`mindspace analyze-text [--lines] [--json]`: emotions, sentiment and crisis screen for stdin.

Contract
--------
* Reads standard input as strict UTF-8 (invalid bytes -> one-line error, exit 1). Needs no vault.
* Without ``--lines`` the whole input is one document and exactly one result is printed (empty
  input gives the result for the empty document). With ``--lines`` every line that is not blank
  is a document, in order; blank or whitespace-only lines are skipped and print nothing, so
  empty input prints nothing and exits 0.
* ``--json`` prints one compact JSON object per document (see
  :meth:`mindspace.ml.text_analyzer.TextAnalysis.to_dict`).
* Every object has ``language`` (ISO 639-1 or "und"), ``screened`` and ``wellbeing``. The
  emotion model, tone (VADER) and wellbeing read English only: for other languages
  ``emotions`` and ``sentiment`` are null, the wellbeing scores are null and ``english_only``
  says so; ``screen_note`` says when the crisis screen could not read the language.
* If the emotion model is missing or fails its integrity check, the crisis screen and sentiment
  are still printed (``"emotions": null``), a one-line warning goes to stderr and the exit code
  is 1.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from mindspace.commands.common import EXIT_FAILED, CliContext, add_json_flag, emit


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyze-text",
        help="emotions, sentiment and a crisis screen for text on standard input (no vault)",
    )
    p.add_argument("--lines", action="store_true",
                   help="treat each non-blank line as its own document (blank lines are skipped)")
    add_json_flag(p)
    p.set_defaults(func=cmd_analyze_text)


def _human(obj: dict[str, Any]) -> str:
    emotions = obj["emotions"]
    crisis = obj["crisis"]
    if obj.get("english_only"):
        line = f"language: {obj['language']} | {obj['english_only']} | crisis: {crisis['level']}"
    else:
        top = ", ".join(f"{k} {v:.2f}" for k, v in sorted(
            emotions.items(), key=lambda kv: -kv[1])[:3]) if emotions else "unavailable"
        line = (f"emotions: {top} | sentiment {obj['sentiment']['compound']:+.2f} | "
                f"crisis: {crisis['level']}")
        wellbeing = obj.get("wellbeing") or {}
        if all(isinstance(v, float) for v in wellbeing.values()) and wellbeing:
            line += " | wellbeing: " + ", ".join(f"{k} {v:.2f}" for k, v in wellbeing.items())
    if crisis["reasons"]:
        line += " (" + "; ".join(crisis["reasons"]) + ")"
    if obj.get("screen_note"):
        line += f" | {obj['screen_note']}"
    return line


def cmd_analyze_text(args: argparse.Namespace, ctx: CliContext) -> int:
    text = "".join(ctx.stdin_lines())  # raises CliError on invalid UTF-8
    if args.lines:
        documents = [line.rstrip("\r\n") for line in text.splitlines() if line.strip()]
    else:
        documents = [text]
    if not documents:
        return 0
    analyzer = ctx.services.text_analyzer()
    results = analyzer.analyze_many(documents)
    for result in results:
        emit(result.to_dict(), args.json, _human)
    crisis_error = next((r.crisis.model_error for r in results if r.crisis.model_error), None)
    if crisis_error:
        sys.stderr.write(
            f"mindspace: warning: {crisis_error}; the crisis screen used patterns only\n"
        )
    error = results[0].emotion_error if results else None
    if error:
        sys.stderr.write(f"mindspace: warning: {error}\n")
        return EXIT_FAILED
    return 0
