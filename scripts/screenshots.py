"""Write a gallery of every page, dialog and panel of MindSpace into docs/screenshots/.

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--scale 0.5]
       [--pages chat,journal]

A throwaway vault in a temporary folder is filled with a few sample entries, check-ins and a
safety plan (written here, never anybody's data), then every page of the main window, the main
dialogs, the unlock screen and the support panel are grabbed in the light, dark and
high-contrast themes at 1280x800, and again at 200 % text. Pictures are scaled down (--scale)
and saved as PNG; `index.md` lists every picture in the folder. Runs headless
(QT_QPA_PLATFORM=offscreen). `--pages` grabs only those pages (no panel or dialogs). The chat
page is shown in the middle of a short conversation with the companion.
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
    fill_chat_history(services, now)
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


def fill_chat_history(services: AppServices, now: datetime) -> None:
    """Earlier talks with the companion and two thought records, for the insights' trends
    and "what helped"."""
    from mindspace.core.chat import ChatMessage, ExerciseResult
    from mindspace.storage.chat import ChatRepository

    store = ChatRepository(services.vault.db)
    talks = [(20, "I was really anxious about the presentation and could not sleep", 80, 45),
             (9, "Feeling calmer this week, the walks with Sam are helping a lot", 60, 30)]
    for days, text, before, after in talks:
        at = (now - timedelta(days=days)).replace(hour=20, minute=0, second=0)
        conv = f"sample-{days}"
        store.create(conv, at, {})
        store.append(conv, [ChatMessage("user", text, at)], {}, ExerciseResult(
            f"tr-{days}", "thought-record", f"Thought record, {at:%Y-%m-%d}",
            (("Situation", text),), at + timedelta(minutes=20), "anxious", before, after))


CHAT_PAST = ["Work has been a lot this week and I can't switch off in the evenings"]
CHAT_NOW = ["I've been feeling tense before my exam", "Can we do a breathing exercise?"]


def stage_chat(page: QWidget, services: AppServices, app: QApplication) -> None:
    """A past conversation in the list and the current one at an exercise."""
    companion = services.companion()
    for summary in companion.list_conversations():
        companion.delete_conversation(summary.id)
    for text in CHAT_PAST:
        companion.new_conversation().send(text)
    page.refresh_list()  # type: ignore[attr-defined]
    settle(app)
    for text in CHAT_NOW:
        page.send(text)  # type: ignore[attr-defined]
        settle(app)
    for _ in range(3):  # on to the pacer, if the exercise starts with an introduction
        pacer = getattr(page, "pacer", None)
        if pacer is None or pacer.isVisible():
            break
        buttons = [b for b in page._quick_buttons() if b.isVisible()]  # type: ignore[attr-defined]
        if not buttons:
            break
        buttons[0].click()
        settle(app)


def write_index(out: Path) -> list[str]:
    """index.md: every picture in `out`, by theme, size and page order."""
    names = [f"page-{spec.key}.png" for spec in all_pages()]
    names += ["support-panel.png", "dialog-preferences.png", "dialog-about.png"]
    listed = []
    for theme in THEMES:
        for size, _ in SIZES:
            folder = out / theme / size
            others = sorted(p.name for p in folder.glob("*.png") if p.name not in names)
            listed += [f"{theme}/{size}/{n}" for n in [*names, *others]
                       if (folder / n).is_file()]
    index = ["# Screenshots", "", "Made by `scripts/screenshots.py` (sample data only).", ""]
    index += [f"- [{n}]({n})" for n in listed]
    (out / "index.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return listed


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
    parser.add_argument("--pages", default="", help="comma-separated page keys (default:"
                        " all); the Insights page is grabbed tab by tab")
    args = parser.parse_args()
    only = {key for key in args.pages.split(",") if key}
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
                if not only or "insights" in only:
                    insights = window.show_page("insights")
                    settle(app)
                    written += grab_tabs(app, window, insights, f"{theme}/{size_name}", args)
                for spec in all_pages():
                    if only and spec.key not in only:
                        continue
                    page = window.show_page(spec.key)
                    settle(app)
                    if spec.key == "chat" and page is not None:
                        stage_chat(page, services, app)
                    name = f"{theme}/{size_name}/page-{spec.key}.png"
                    grab(window, args.out / name, args.scale)
                    written.append(name)
                journal = window.show_page("journal") if not only else None
                panel = getattr(journal, "crisis_panel", None)
                if panel is not None:
                    panel.show_for("urgent", [], ("journal", None))
                    settle(app)
                    name = f"{theme}/{size_name}/support-panel.png"
                    grab(window, args.out / name, args.scale)
                    written.append(name)
                    panel.dismiss()
                for action in ("preferences", "about") if not only else ():
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
    listed = write_index(args.out)
    print(f"wrote {len(written)} pictures to {args.out}; the index lists {len(listed)}")


if __name__ == "__main__":
    main()
