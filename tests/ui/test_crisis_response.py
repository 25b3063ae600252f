"""The crisis response on saving: at once, from the patterns alone, tied to its entry, and
without emotion labels that contradict it. Real widgets, a real vault and the real models."""
# mypy: disable-error-code="union-attr, arg-type"

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mindspace.app import AppServices
from mindspace.ui.journal_screen import JournalScreen
from mindspace.ui.mood_screen import MoodScreen

pytestmark = pytest.mark.gui
URGENT = "I want to kill myself. I have the pills ready and I plan to end my life tonight."
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def journal(qtbot, open_services: AppServices, tasks_done) -> JournalScreen:
    screen = JournalScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    tasks_done()
    return screen


def _write(screen: JournalScreen, qtbot, title: str, body: str) -> None:
    screen.new_entry()
    qtbot.keyClicks(screen.view.title_edit, title)
    screen.view.body_edit.setPlainText(body)


def test_panel_opens_when_save_is_clicked_before_anything_else_runs(
    qtbot, journal: JournalScreen, tasks_done
) -> None:
    _write(journal, qtbot, "Tonight", URGENT)
    qtbot.mouseClick(journal.view.save_button, Qt.MouseButton.LeftButton)
    # no event processing, no worker: the panel is already open when the click returns
    assert journal.crisis_panel.isVisible()
    assert journal.crisis_panel.level == "urgent"
    assert "call" in journal.crisis_panel.lines_label.text().lower()
    tasks_done()
    # the saved entry owns it, and its emotions and tone are folded away
    entry_id = journal._current_id
    assert entry_id and journal.crisis_panel.owner == ("journal", entry_id)
    qtbot.waitUntil(lambda: journal.emotion_chips.isEnabled(), timeout=30_000)
    tasks_done()
    chips = journal.emotion_chips
    assert chips.reveal_button.isVisible()
    assert not chips.sentiment_label.isVisible()
    assert not any(c.isVisible() for c in chips.chips)
    chips.reveal_button.click()  # shown only on request
    assert chips.sentiment_label.isVisible()


def test_the_panel_belongs_to_the_entry_that_raised_it(
    qtbot, journal: JournalScreen, open_services: AppServices, tasks_done
) -> None:
    calm = open_services.journal.add("Garden", "Planted tomatoes and basil with my sister.")
    _write(journal, qtbot, "Tired", "I'm so tired of everything. What's the point of anything.")
    qtbot.mouseClick(journal.view.save_button, Qt.MouseButton.LeftButton)
    assert journal.crisis_panel.isVisible()
    tasks_done()
    flagged = journal._current_id
    journal.new_entry()
    assert not journal.crisis_panel.isVisible()  # a new entry starts without it
    journal.show_entry(open_services.journal.get(calm.id))
    tasks_done()
    assert not journal.crisis_panel.isVisible()
    journal.show_entry(open_services.journal.get(flagged))
    qtbot.waitUntil(journal.crisis_panel.isVisible, timeout=20_000)  # back with its entry
    assert journal.crisis_panel.owner == ("journal", flagged)


def test_mood_note_opens_the_panel_at_once(qtbot, open_services: AppServices, tasks_done) -> None:
    screen = MoodScreen(open_services)
    qtbot.addWidget(screen)
    screen.show()
    tasks_done()
    screen.mood_buttons[1].setChecked(True)
    screen.note_edit.setText("I don't want to be alive anymore")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.crisis_panel.isVisible()
    tasks_done()


def test_ordinary_text_opens_nothing(qtbot, journal: JournalScreen, tasks_done) -> None:
    _write(journal, qtbot, "Walk", "This traffic is killing me, but the walk home was lovely.")
    qtbot.mouseClick(journal.view.save_button, Qt.MouseButton.LeftButton)
    assert not journal.crisis_panel.isVisible()
    tasks_done()
    assert not journal.crisis_panel.isVisible()


COLD_START = r"""
import json, os, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from mindspace.app import AppServices
from mindspace.ui.application import Shell

app = QApplication([])
services = AppServices(Path(sys.argv[1]))
shell = Shell(app, services)
shell.start()
shell.window.passphrase_edit.setText(sys.argv[2])
shell.window.attempt_unlock()
deadline = time.monotonic() + 60
while shell.state != "unlocked" and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.005)
screen = shell.main_window.show_page("journal")
loading = not services._text_analyzer.loaded  # the models are still loading in the background
screen.view.title_edit.setText("Tonight")
screen.view.body_edit.setPlainText(sys.argv[3])
start = time.perf_counter()
QTest.mouseClick(screen.view.save_button, Qt.MouseButton.LeftButton)
while not screen.crisis_panel.isVisible() and time.perf_counter() - start < 30:
    app.processEvents()
elapsed = time.perf_counter() - start
print(json.dumps({"elapsed": elapsed, "models_loading": loading,
                  "level": screen.crisis_panel.level}))
sys.stdout.flush()
os._exit(0)
"""


def test_cold_start_panel_within_half_a_second(tmp_path: Path) -> None:
    """A fresh process: unlock, then save at once while the models are still loading."""
    from tests.conftest import PASSPHRASE

    data = tmp_path / "v"
    services = AppServices(data)
    services.create_vault(PASSPHRASE)
    services.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MINDSPACE_KDF_CALIBRATE": "0"}
    proc = subprocess.run([sys.executable, "-c", COLD_START, str(data), PASSPHRASE, URGENT],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["level"] == "urgent"
    assert result["models_loading"]  # the save really happened before the models were ready
    assert result["elapsed"] < 0.5, result


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_panel_fits_a_small_window_at_large_text(qtbot, open_services: AppServices, qapp,
                                                 scale: float, tasks_done) -> None:
    """At 1024x640 (and 200 % text) the panel never grows the window; every crisis line is in
    it, scrolling if it must."""
    from PySide6.QtGui import QFont

    from mindspace.ui.main_window import MainWindow

    font = qapp.font()
    big = QFont(font)
    big.setPointSizeF(font.pointSizeF() * scale)
    qapp.setFont(big)
    try:
        window = MainWindow(open_services)
        qtbot.addWidget(window)
        window.resize(1024, 640)
        window.show()
        screen = window.show_page("voice")
        tasks_done()
        open_services.analyses.set_region("US")
        before = window.size()
        screen.crisis_panel.show_for("urgent", ["a plan"], ("voice", None))
        tasks_done()
        qapp.processEvents()
        assert window.size() == before
        panel = screen.crisis_panel
        assert panel.height() <= 0.5 * window.height()
        text = panel.lines_label.text()
        assert "988" in text  # the numbers are all there, in the scrollable content
        bar = panel.scroll_area.verticalScrollBar()
        assert bar.maximum() == 0 or panel.scroll_area.widget().height() > panel.height()
    finally:
        qapp.setFont(font)
