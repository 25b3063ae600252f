"""Entry point: with a command, the headless CLI; without one, the desktop app."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # answered before the command tree is built
        from mindspace import __version__

        sys.stdout.write(f"MindSpace {__version__}\n")
        return 0
    gui_flags = {"--data-dir"}
    rest = list(args)
    # `mindspace` or `mindspace --data-dir D` starts the GUI; anything else is the CLI.
    if rest and rest[0] in gui_flags and len(rest) >= 2:
        rest = rest[2:]
    elif rest and rest[0].startswith("--data-dir="):
        rest = rest[1:]
    if not rest:
        from mindspace.ui.app import run_gui

        return run_gui(args)
    from mindspace.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
