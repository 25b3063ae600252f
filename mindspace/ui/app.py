"""GUI entry (filled in by the desktop shell)."""

from __future__ import annotations


def run_gui(argv: list[str]) -> int:
    from mindspace.ui.application import main
    from mindspace.ui.tasks import install_excepthook

    install_excepthook()

    return main(argv)
