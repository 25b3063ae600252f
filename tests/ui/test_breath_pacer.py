"""The breathing pacer: timer-driven phases, the animated circle, reduced motion."""
# mypy: disable-error-code="no-untyped-def"

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractAnimation

from mindspace.ui import announce
from mindspace.ui.breath_pacer import BreathPacer, Phase

pytestmark = pytest.mark.gui

SHORT = (Phase("Breathe in", 1, 1.0), Phase("Hold", 1, 1.0), Phase("Breathe out", 1, 0.0))


def test_phases_follow_each_other_and_the_circle_breathes(qtbot) -> None:
    pacer = BreathPacer(SHORT)
    qtbot.addWidget(pacer)
    pacer.show()
    announce.forget()
    seen: list[str] = []
    pacer.phase_changed.connect(seen.append)
    pacer.start()
    assert pacer.running and pacer.phase_label.text() == "Breathe in"
    assert pacer.count_label.text() == "1 second"
    assert pacer.animation.state() == QAbstractAnimation.State.Running
    qtbot.waitUntil(lambda: pacer.circle.level > 0.3, timeout=3_000)  # growing on the in-breath
    with qtbot.waitSignal(pacer.cycle_finished, timeout=6_000) as cycle:
        pass
    assert cycle.args == [1]
    assert seen[:4] == ["Breathe in", "Hold", "Breathe out", "Breathe in"]
    assert "Breathe out, 1 second" in [a.text for a in announce.recent()]
    pacer.stop()
    assert not pacer.running and pacer.animation.state() == QAbstractAnimation.State.Stopped
    assert pacer.phase_label.text() == "Paused."


def test_reduced_motion_keeps_the_circle_still(qtbot) -> None:
    pacer = BreathPacer(SHORT)
    qtbot.addWidget(pacer)
    pacer.show()
    pacer.set_reduced_motion(True)
    pacer.start()
    assert pacer.animation.state() == QAbstractAnimation.State.Stopped
    with qtbot.waitSignal(pacer.phase_changed, timeout=3_000) as changed:
        pass
    assert changed.args == ["Hold"]  # the words and the count still move on
    assert pacer.animation.state() == QAbstractAnimation.State.Stopped
    assert pacer.circle.still
    image = pacer.circle.grab().toImage()
    pacer.set_reduced_motion(False)
    assert not pacer.circle.still
    assert image.width() > 0
    pacer.stop()
