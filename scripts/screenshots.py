"""Write a gallery of every page, dialog and panel of MindSpace into docs/screenshots/.

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--scale 0.5]

A throwaway vault in a temporary folder is filled with a few sample entries, check-ins and a
safety plan (written here, never anybody's data), then every page of the main window, the main
dialogs, the unlock screen and the support panel are grabbed in the light, dark and
high-contrast themes at 1280x800, and again at 200 % text. Pictures are scaled down (--scale)
and saved as PNG; `index.md` lists them. Runs headless (QT_QPA_PLATFORM=offscreen).
Each tab of the Insights page is grabbed too (`insights-<tab>.png`); `--only insights` makes
just those and adds them to the existing `index.md`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MINDSPACE_KDF_CALIBRATE", "0")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QCoreApplication, QEvent, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from mindspace.app import AppServices  # noqa: E402
from mindspace.ui.main_window import MainWindow  # noqa: E402
from mindspace.ui.pages import all_pages  # noqa: E402
from mindspace.ui.tasks import default_runner  # noqa: E402
from mindspace.ui.themes import apply_theme  # noqa: E402

PASSPHRASE = "gallery passphrase only for screenshots 7"
THEMES = ("light", "dark", "high-contrast")
SIZES = (("1280x800", 1.0), ("1280x800-200pct", 2.0))


def settle(app: QApplication) -> None:
    """Let background tasks deliver, deferred deletes run and layouts that depend on their
    width (wrapping rows, stacking splitters) settle, a level per pass."""
    import time

    runner = default_runner()
    for _ in range(2000):
        app.processEvents()
        if runner.is_idle():
            break
        time.sleep(0.005)
    for _ in range(20):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.processEvents()


def fill(services: AppServices) -> None:
    """Sample content so that pages are not empty."""
    now = datetime.now().replace(microsecond=0)
    samples = [
        ("Morning walk", "Walked to the river before work. The air was cold and clear.", 0),
        ("A long day", "Meetings all afternoon. I felt tired but finished the report.", 1),
        ("Dinner with Sam", "We cooked together and laughed a lot. A good evening.", 2),
        ("Slept badly", "Woke at 4 and could not get back to sleep; worried about Monday.", 4),
    ]
    for title, body, days in samples:
        services.journal.add(title, body, now - timedelta(days=days, hours=2), ["daily"])
    for days, mood in enumerate([4, 3, 5, 2, 3, 4, 4]):
        services.mood.add(mood, 3, ["calm"], ["walk"], 7.0, "", now - timedelta(days=days))
    services.analyses.save_safety_plan({
        "coping_strategies": ["A walk by the river", "Music"],
        "people_to_ask": ["Sam", "My sister"],
        "reasons_for_living": ["My cat", "Spring"],
    })
    services.analysis_service().reanalyze()
    # questionnaires for the Questionnaires page (its history chart and reliable change)
    measures = services.measures()
    for weeks, answers in ((8, [2, 2, 2, 2, 1, 2, 1, 1, 0]), (6, [2, 1, 2, 2, 1, 1, 1, 1, 0]),
                           (4, [1, 1, 2, 1, 1, 1, 1, 0, 0]), (2, [1, 1, 1, 1, 0, 1, 0, 0, 0])):
        measures.record("phq9", answers, taken_at=now - timedelta(weeks=weeks))
    measures.record("gad7", [1, 1, 2, 1, 0, 1, 1], taken_at=now - timedelta(weeks=3))
    measures.record("who5", [3, 2, 3, 2, 3], taken_at=now - timedelta(weeks=3))
    fill_history(services, now)


def fill_history(services: AppServices, now: datetime, days: int = 100) -> None:
    """Earlier check-ins for the insights: seeing friends goes with a better day, and the next
    day's mood follows the night's sleep and a walk (a made-up pattern, seeded)."""
    import numpy as np

    rng = np.random.default_rng(20)
    sleep = rng.uniform(5.0, 9.0, days)
    walk = rng.uniform(size=days) < 0.5
    friends = rng.uniform(size=days) < 0.4
    for i in range(days):
        when = now - timedelta(days=days + 7 - i)
        raw = 2.9 + 0.9 * friends[i] + rng.normal(0, 0.3)
        if i:
            raw += 0.7 * (sleep[i - 1] - 7.0) + 0.9 * walk[i - 1] - 0.45
        acts = ["walk" if walk[i] else "work"] + (["friends"] if friends[i] else [])
        services.mood.add(int(np.clip(round(raw), 1, 5)), int(rng.integers(2, 5)),
                          ["calm" if rng.uniform() < 0.5 else "tired"], acts,
                          float(round(sleep[i], 1)), "", when)


def grab(widget: QWidget, path: Path, scale: float) -> None:
    pixmap = widget.grab()
    if scale != 1.0:
        pixmap = pixmap.scaledToWidth(int(pixmap.width() * scale),
                                      Qt.TransformationMode.SmoothTransformation)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")


def grab_tabs(app: QApplication, window: QWidget, page: object, folder: str,
              args: argparse.Namespace) -> list[str]:
    """Each tab of the Insights page, whole window."""
    tabs = getattr(page, "tabs", None)
    names = []
    if tabs is None:
        return names
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        settle(app)
        slug = tabs.tabText(i).replace("&", "").lower().replace(" ", "-")
        name = f"{folder}/insights-{slug}.png"
        grab(window, args.out / name, args.scale)
        names.append(name)
    tabs.setCurrentIndex(0)
    return names


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--scale", type=float, default=0.5)
    parser.add_argument("--only", choices=("insights",), help="only the Insights tabs")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    written: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        services = AppServices(Path(tmp) / "vault")
        services.create_vault(PASSPHRASE)
        fill(services)
        for theme in THEMES:
            for size_name, text_scale in SIZES:
                apply_theme(app, theme, text_scale)
                window = MainWindow(services)
                window.resize(1280, 800)
                window.show()
                insights = window.show_page("insights")
                settle(app)
                written += grab_tabs(app, window, insights, f"{theme}/{size_name}", args)
                for spec in [] if args.only else all_pages():
                    window.show_page(spec.key)
                    settle(app)
                    name = f"{theme}/{size_name}/page-{spec.key}.png"
                    grab(window, args.out / name, args.scale)
                    written.append(name)
                journal = window.show_page("journal")
                panel = None if args.only else getattr(journal, "crisis_panel", None)
                if panel is not None:
                    panel.show_for("urgent", [], ("journal", None))
                    settle(app)
                    name = f"{theme}/{size_name}/support-panel.png"
                    grab(window, args.out / name, args.scale)
                    written.append(name)
                    panel.dismiss()
                for action in () if args.only else ("preferences", "about"):
                    trigger = window.actions_by_name.get(action)
                    if trigger is None:
                        continue
                    trigger.trigger()
                    settle(app)
                    dialog = window.dialog
                    if dialog is not None:
                        name = f"{theme}/{size_name}/dialog-{action}.png"
                        grab(dialog, args.out / name, args.scale)
                        written.append(name)
                        dialog.close()
                        settle(app)
                window.close_means_quit = False
                window.close()
                window.deleteLater()
                settle(app)
        services.close()
    index = ["# Screenshots", "", "Made by `scripts/screenshots.py` (sample data only).", ""]
    old = args.out / "index.md"
    if args.only and old.exists():
        index = [ln for ln in old.read_text(encoding="utf-8").splitlines()
                 if not any(f"[{n}]" in ln for n in written)]
    index += [f"- [{n}]({n})" for n in written]
    (args.out / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    print(f"wrote {len(written)} pictures to {args.out}")


if __name__ == "__main__":
    main()
