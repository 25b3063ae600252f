"""Helpers shared by every command-line subcommand.

Contract: handlers are `handler(args: argparse.Namespace, ctx: CliContext) -> int`. They raise
`CliError` for anything the user caused; `mindspace.cli.main` prints its message as one line on
stderr and exits with its code. JSON output is one compact object per line.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mindspace.app.errors import EXIT_FAILED as EXIT_FAILED
from mindspace.app.errors import EXIT_NOT_FOUND as EXIT_NOT_FOUND
from mindspace.app.errors import EXIT_USAGE as EXIT_USAGE
from mindspace.app.errors import EXIT_WRONG_PASSPHRASE as EXIT_WRONG_PASSPHRASE

if TYPE_CHECKING:  # the storage stack loads when a command first needs the vault
    from mindspace.app import AppServices


class CliError(Exception):
    """A user-facing failure: printed as one line, never as a traceback."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class CliContext:
    data_dir: Path | None
    _services: AppServices | None = field(default=None, repr=False)
    _stdin_lines: list[str] | None = field(default=None, repr=False)

    @property
    def services(self) -> AppServices:
        if self._services is None:
            from mindspace.app import AppServices

            self._services = AppServices(self.data_dir)
        return self._services

    def stdin_lines(self) -> list[str]:
        """Standard input decoded as strict UTF-8, split into lines (read once, cached)."""
        if self._stdin_lines is None:
            raw = sys.stdin.buffer.read() if sys.stdin is not None else b""
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise CliError(f"standard input is not valid UTF-8 (byte {exc.start})") from None
            self._stdin_lines = text.splitlines(keepends=True)
        return self._stdin_lines

    def take_line(self, what: str) -> str:
        """Pop the next stdin line (without its newline); CliError if there is none."""
        lines = self.stdin_lines()
        if not lines:
            raise CliError(f"expected the {what} on standard input", EXIT_USAGE)
        return lines.pop(0).rstrip("\r\n")

    def rest_of_stdin(self) -> str:
        lines = self.stdin_lines()
        rest = "".join(lines)
        lines.clear()
        return rest

    def stdin_json(self, fields: dict[str, type]) -> dict[str, Any]:
        """The rest of stdin as one JSON object with only `fields` (name -> type)."""
        text = self.rest_of_stdin().strip()
        try:
            obj = json.loads(text) if text else None
        except ValueError:
            raise CliError("standard input is not a JSON object", EXIT_USAGE) from None
        if not isinstance(obj, dict):
            raise CliError("standard input must hold one JSON object", EXIT_USAGE)
        for key, value in obj.items():
            want = fields.get(key)
            if want is None:
                raise CliError(f"unknown field {key!r} (known: {', '.join(fields)})", EXIT_USAGE)
            ok = isinstance(value, want) and not isinstance(value, bool) or value is None
            if want is float and isinstance(value, int) and not isinstance(value, bool):
                ok = True
            if not ok:
                raise CliError(f"field {key!r} must be a {want.__name__}", EXIT_USAGE)
        return {k: v for k, v in obj.items() if v is not None}

    def unlock(self, args: argparse.Namespace) -> AppServices:
        """Open the vault with the passphrase from stdin line 1 (requires --passphrase-stdin)."""
        if not getattr(args, "passphrase_stdin", False):
            raise CliError("this command needs --passphrase-stdin", EXIT_USAGE)
        services = self.services
        services.require_vault()
        services.unlock(self.take_line("passphrase"), wait_for_throttle=True, on_wait=say_waiting)
        return services


def say_waiting(seconds: float) -> None:
    """Tell the user why nothing happens for a while (the throttle after wrong attempts)."""
    sys.stderr.write(
        f"mindspace: too many wrong attempts: waiting {math.ceil(seconds)} s before checking\n"
    )
    sys.stderr.flush()


def add_passphrase_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the passphrase from the first line of standard input",
    )


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (one object per line)")


def emit(obj: Any, as_json: bool, human: Callable[[Any], str] | None = None) -> None:
    """Print `obj` as one compact JSON line, or as human-readable text."""
    if as_json or human is None:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
    else:
        text = human(obj)
        if text:
            sys.stdout.write(text.rstrip("\n") + "\n")
    sys.stdout.flush()
