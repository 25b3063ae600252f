"""Theme switch time with every page built, as the running app does it.

Usage: .venv/bin/python bench/bench_theme_switch.py [--runs 12]

A throwaway vault gets the screenshot gallery's sample content; the main window (1280x800,
offscreen) visits every page, then the theme flips between light and dark. Printed: the time
until the visible page is restyled and the window answers again (median and max), the longest
later step (one hidden page each), and, side by side, the same switch with the style sheet set
on the whole application (what a switch cost before windows took their own sheet).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "bench"))

from cpuinfo import cpu_line  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import PASSPHRASE, fill, settle  # noqa: E402

from mindspace.app import AppServices  # noqa: E402
from mindspace.ui import themes  # noqa: E402
from mindspace.ui.main_window import MainWindow  # noqa: E402
from mindspace.ui.pages import all_pages  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=12)
    args = parser.parse_args()
    print(cpu_line())
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        services = AppServices(Path(tmp) / "vault")
        services.create_vault(PASSPHRASE)
        fill(services)
        themes.apply_theme(app, "light", 1.0)
        window = MainWindow(services)
        window.resize(1280, 800)
        window.show()
        for spec in all_pages():
            window.show_page(spec.key)
            settle(app)
        window.show_page("today")
        settle(app)
        print(f"widgets: {len(app.allWidgets())}")

        def flip(i: int) -> str:
            return "dark" if i % 2 == 0 else "light"

        # the whole application's sheet (the default outside the running app)
        whole: list[float] = []
        for i in range(args.runs):
            start = time.perf_counter()
            themes.apply_theme(app, flip(i), 1.0)
            app.processEvents()
            whole.append(time.perf_counter() - start)
        # the window's own sheet, hidden pages one at a time (the running app)
        themes.use_window_sheets(app)
        themes.style_window(window)
        settle(app)
        visible: list[float] = []
        steps: list[float] = []
        for i in range(args.runs):
            start = time.perf_counter()
            themes.apply_theme(app, flip(i + 1), 1.0)
            app.processEvents()  # the first turn of the event loop: visible page restyled
            visible.append(time.perf_counter() - start)
            while window.restyle_pending():
                step = time.perf_counter()
                app.processEvents()
                steps.append(time.perf_counter() - step)
        window.close()
        services.close()

    def ms(values: list[float]) -> str:
        return f"median {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"

    print(f"window sheet, until the window answers: {ms(visible)}")
    print(f"window sheet, longest later step (one hidden page): {max(steps) * 1000:.0f} ms")
    print(f"application sheet (every widget at once): {ms(whole)}")


if __name__ == "__main__":
    main()
