"""GUI entry (filled in by the desktop shell)."""

from __future__ import annotations


def run_gui(argv: list[str]) -> int:
    from mindspace.ui.application import main

    return main(argv)
