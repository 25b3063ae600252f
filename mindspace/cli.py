"""The headless command line: `mindspace [--data-dir D] <command> ...`.

Each command group lives in `mindspace.commands.<group>` and exposes `register(subparsers)`.
With no command at all, `mindspace.__main__` starts the GUI instead.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

COMMAND_MODULES = (
    "vault", "journal", "mood", "text", "voice", "share", "data", "measure", "insights",
    "models", "audit", "research", "chat",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, no usage dump on stdout
        sys.stderr.write(f"mindspace: error: {message}\n")
        raise SystemExit(2)


class _Version(argparse.Action):
    """`--version`: the version is looked up only when asked for (package metadata is slow)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **_: Any) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS,
            help="show the version and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        from mindspace import __version__

        sys.stdout.write(f"MindSpace {__version__}\n")
        raise SystemExit(0)


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree. Command modules import only light modules at load time (models,
    statistics, audio and the vault's storage stack load when a command runs), which
    tests/cli/test_startup_imports.py checks."""
    parser = _Parser(prog="mindspace", description="MindSpace: private journal and mood tracker")
    parser.add_argument("--version", action=_Version)
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where the vault lives (default: $MINDSPACE_DATA_DIR or the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"mindspace.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"mindspace.commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def _not_utf8(args: argparse.Namespace) -> str | None:
    """The option whose value holds bytes that are not UTF-8 (Python keeps them as lone
    surrogates), or None."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str | Path):
                try:
                    str(item).encode("utf-8")
                except UnicodeEncodeError:
                    return f"--{name.replace('_', '-')}"
    return None


def main(argv: list[str] | None = None) -> int:
    from mindspace.app.errors import exit_code, user_message
    from mindspace.commands.common import CliContext, CliError
    from mindspace.core.errors import Cancelled, UserError, bug_summary

    parser = build_parser()
    args = parser.parse_args(argv)
    bad = _not_utf8(args)
    if bad:
        sys.stderr.write(f"mindspace: error: {bad} is not valid UTF-8 text\n")
        return 2
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    ctx = CliContext(data_dir=args.data_dir)
    try:
        return int(func(args, ctx) or 0)
    except CliError as exc:
        sys.stderr.write(f"mindspace: error: {exc}\n")
        return exc.code
    except (UserError, Cancelled) as exc:
        sys.stderr.write(f"mindspace: error: {user_message(exc, sentence=False)}\n")
        return exit_code(exc)
    except KeyboardInterrupt:
        sys.stderr.write("mindspace: interrupted\n")
        return 130
    except BrokenPipeError:
        return 1
    except MemoryError:
        sys.stderr.write("mindspace: error: not enough memory for this input\n")
        return 1
    except Exception as exc:  # last line of defence: a user never sees a traceback
        if os.environ.get("MINDSPACE_DEBUG"):
            raise
        sys.stderr.write(f"mindspace: error: unexpected failure ({bug_summary(exc)})\n")
        return 1
    finally:
        if ctx._services is not None:
            ctx._services.close()
