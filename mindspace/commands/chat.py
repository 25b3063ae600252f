"""`mindspace chat [--json] (--ephemeral | --passphrase-stdin)`: the companion, one line at a time.

Contract
--------
* With ``--passphrase-stdin`` the first stdin line is the passphrase and conversations are
  stored in the vault; with ``--ephemeral`` nothing is read from or written to the disk (no
  vault is needed and none is touched) and conversations live in memory only. One of the two
  is required.
* Every following stdin line is one user message; consecutive lines are one conversation and an
  empty line ends it (the next message starts a new one). Lines are read and answered one at a
  time, so the command also works interactively.
* For each message exactly one reply is printed and flushed, in order. ``--json``: one compact
  object ``{"reply", "route", "exercise", "step", "crisis": {"level"}, "sources", "why",
  "quick_replies"}`` (see ``mindspace.app.companion.Reply.to_json``). Without ``--json`` the
  reply text, with a line pointing to crisis lines when the support panel would open.
* Bad input (a line that is not UTF-8, a message over the length limit) stops with a one-line
  error on stderr and exit 1; replies already printed and conversations already stored stay.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from mindspace.app.companion import MAX_MESSAGE_CHARS, CompanionService, Conversation, Reply
from mindspace.commands.common import (
    EXIT_USAGE,
    CliContext,
    CliError,
    add_json_flag,
    emit,
    say_waiting,
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    p = sub.add_parser(
        "chat",
        help="talk with the self-help companion: one message per stdin line, an empty line "
             "starts a new conversation",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--ephemeral", action="store_true",
                      help="keep conversations in memory only (no vault, nothing on disk)")
    mode.add_argument("--passphrase-stdin", action="store_true",
                      help="read the passphrase from the first line of standard input and "
                           "store conversations in the vault")
    add_json_flag(p)
    p.set_defaults(func=cmd_chat)


def _lines() -> Iterator[str]:
    """Standard input, one decoded line at a time (strict UTF-8)."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        return
    for number, raw in enumerate(iter(stream.readline, b""), 1):
        try:
            yield raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            raise CliError(f"line {number} of standard input is not valid UTF-8") from None


def _human(obj: dict[str, Any]) -> str:
    text = str(obj["reply"])
    if obj["crisis"]["level"] in ("concern", "urgent"):
        text += "\n[support] Crisis lines and your safety plan: open MindSpace, or call your " \
                "local emergency number if you are in danger now."
    return text


def _open(args: argparse.Namespace, ctx: CliContext, lines: Iterator[str]) -> None:
    """Check the mode and, with --passphrase-stdin, unlock the vault (before any message)."""
    if args.ephemeral:
        return
    if not args.passphrase_stdin:
        raise CliError("chat needs --passphrase-stdin (store conversations in the vault) or "
                       "--ephemeral (memory only)", EXIT_USAGE)
    passphrase = next(lines, None)
    if passphrase is None:
        raise CliError("expected the passphrase on standard input", EXIT_USAGE)
    services = ctx.services
    services.require_vault()
    services.unlock(passphrase, wait_for_throttle=True, on_wait=say_waiting)


def cmd_chat(args: argparse.Namespace, ctx: CliContext) -> int:
    lines = _lines()
    _open(args, ctx, lines)
    service: CompanionService | None = None  # the models load with the first message
    conversation: Conversation | None = None
    for number, line in enumerate(lines, 2 if args.passphrase_stdin else 1):
        if not line.strip():
            conversation = None
            continue
        if len(line) > MAX_MESSAGE_CHARS:
            raise CliError(f"line {number}: a message can have at most {MAX_MESSAGE_CHARS} "
                           f"characters")
        if service is None:
            service = (ctx.services.ephemeral_companion() if args.ephemeral
                       else ctx.services.companion())
        if conversation is None:
            conversation = service.new_conversation()
        reply: Reply = conversation.send(line)
        emit(reply.to_json(), args.json, _human)
    return 0
