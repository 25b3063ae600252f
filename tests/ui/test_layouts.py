"""Every page and the main dialogs fit the window's width at common sizes and text scales.

A page sits in a scroll area that may scroll down but should never need to scroll sideways, and
the emotion and activity lists show whole words (no "ha..." elision), however large the text.
"""
# mypy: disable-error-code="union-attr, arg-type, var-annotated"

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from mindspace.app import AppServices
from mindspace.ui.main_window import MainWindow
from mindspace.ui.mood_widgets import ChoiceList
from mindspace.ui.pages import all_pages
from mindspace.ui.themes import apply_theme

pytestmark = pytest.mark.gui

CASES = [
    (1024, 640, 2.0, "light"),
    (1280, 800, 1.5, "light"),
    (1280, 800, 2.0, "light"),
    (1920, 1080, 1.0, "light"),
    (1024, 640, 1.5, "dark"),
]


def fill(services: AppServices) -> None:
    now = datetime.now().replace(microsecond=0)
    services.journal.add("Morning walk", "Walked to the river before work.", now, ["daily"])
    services.journal.add(
        "A long day", "Meetings all afternoon; tired but done.", now - timedelta(days=1), []
    )
    for days, mood in enumerate([4, 3, 5, 2]):
        services.mood.add(
            mood, 3, ["calm", "hopeful"], ["walk"], 7.0, "felt fine", now - timedelta(days=days)
        )


def elided_items(widget: QWidget) -> list[str]:
    """ChoiceList words narrower on screen than their text (so Qt cuts them with "...")."""
    out = []
    for choice in widget.findChildren(ChoiceList):
        if not choice.isVisible():
            continue
        fm = choice.fontMetrics()
        for i in range(choice.count()):
            item = choice.item(i)
            rect = choice.visualItemRect(item)
            hint = choice.sizeHintForIndex(choice.indexFromItem(item)).width()
            wanted = max(fm.horizontalAdvance(item.text()), hint)
            if rect.width() < wanted:
                out.append(f"{choice.accessibleName()}: {item.text()!r}")
            if not choice.viewport().rect().contains(rect):
                out.append(f"{choice.accessibleName()}: {item.text()!r} outside the list")
    return out


def settle() -> None:
    """Let layout requests ripple up (each level posts one to its parent)."""
    for _ in range(12):
        QApplication.processEvents()


@pytest.mark.parametrize(("width", "height", "scale", "theme"), CASES)
def test_pages_fit_the_window_width(
    qtbot, qapp, open_services: AppServices, tasks_done, width, height, scale, theme
) -> None:
    fill(open_services)
    apply_theme(qapp, theme, scale)
    try:
        window = MainWindow(open_services)
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        problems: list[str] = []
        for spec in all_pages():
            window.show_page(spec.key)
            tasks_done()
            settle()
            frame = window._frames[spec.key]
            page = window.page(spec.key)
            viewport = frame.viewport().width()
            if frame.horizontalScrollBar().maximum() > 0:
                problems.append(
                    f"{spec.key}: scrolls sideways (needs {page.minimumSizeHint().width()} px,"
                    f" has {viewport})"
                )
            problems += [f"{spec.key}: {text}" for text in elided_items(page)]
        for action in ("preferences", "change_passphrase"):
            window.actions_by_name[action].trigger()
            QApplication.processEvents()
            dialog = window.dialog
            assert dialog is not None
            if dialog.width() > width or dialog.minimumSizeHint().width() > width:
                problems.append(f"{action}: {dialog.width()} px wide in a {width} px window")
            dialog.close()
            QApplication.processEvents()
        assert not problems, "\n".join(problems)
    finally:
        apply_theme(qapp, "light", 1.0)


def test_choice_list_grows_instead_of_eliding(qtbot, qapp) -> None:
    """A narrow list wraps its words onto more rows and gets taller; no word is cut."""
    apply_theme(qapp, "light", 2.0)
    try:
        holder = QWidget()
        qtbot.addWidget(holder)
        choice = ChoiceList("Emotions", holder)
        words = ["calm", "happy", "anxious", "sad", "grateful", "overwhelmed", "hopeful"]
        choice.set_words(words)
        holder.resize(900, 600)
        choice.setGeometry(0, 0, 900, choice.height_for(900))
        holder.show()
        QApplication.processEvents()
        wide = choice.height_for(900)
        narrow = choice.height_for(300)
        assert narrow > wide
        choice.setGeometry(0, 0, 300, narrow)
        QApplication.processEvents()
        assert elided_items(holder) == []
        assert choice.minimumSizeHint().width() <= 300
    finally:
        apply_theme(qapp, "light", 1.0)
