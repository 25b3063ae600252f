"""An on-screen breathing pacer: a circle that grows as you breathe in, stays while you hold and
shrinks as you breathe out, with the phase in words and a count of the seconds left.

Driven by Qt timers only: a ``QPropertyAnimation`` moves the circle (``level`` 0..1) and a
one-second ``QTimer`` counts the phase down and moves to the next one. With reduced motion
(``set_reduced_motion(True)``; the chat screen offers it as a check box) the circle does not
move: it is drawn at its middle size and only the words and the count change. Each phase is
announced politely to screen readers ("Breathe in, 4 seconds"). Colours come from the theme's
tokens (accent on surface).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    Property,
    QEasingCurve,
    QEvent,
    QPropertyAnimation,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from mindspace.ui.announce import announce
from mindspace.ui.style import blend
from mindspace.ui.themes import current_colours
from mindspace.ui.widgets import role_label

MIN_SHARE = 0.35  # the circle's radius when empty, as a share of the largest


@dataclass(frozen=True)
class Phase:
    label: str  # "Breathe in", "Hold", "Breathe out"
    seconds: int
    target: float  # the circle's level at the end of the phase (0 empty .. 1 full)


# slow breathing with a longer out-breath (4 in, 2 hold, 6 out)
DEFAULT_PATTERN: tuple[Phase, ...] = (
    Phase("Breathe in", 4, 1.0),
    Phase("Hold", 2, 1.0),
    Phase("Breathe out", 6, 0.0),
)


class PacerCircle(QWidget):
    """The circle alone (painted); ``level`` is its size from 0 (small) to 1 (full)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level = 0.0
        self.still = False
        self.setAccessibleName("Breathing circle")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def _get_level(self) -> float:
        return self._level

    def _set_level(self, value: float) -> None:
        self._level = max(0.0, min(1.0, float(value)))
        self.update()

    level = Property(float, _get_level, _set_level)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        side = self.fontMetrics().height() * 4
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.sizeHint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.update()  # a new theme: new colours

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        c = current_colours()
        side = min(self.width(), self.height()) - 4
        largest = side / 2
        level = 0.5 if self.still else self._level
        radius = largest * (MIN_SHARE + (1 - MIN_SHARE) * level)
        centre = self.rect().center()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # the largest size, as a faint ring: where the breath is going
        painter.setPen(QPen(QColor(c.card_border), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(centre.x() - largest, centre.y() - largest, side, side))
        painter.setPen(QPen(QColor(c.accent), 2))
        painter.setBrush(QColor(blend(c.accent, c.surface, 0.35)))
        painter.drawEllipse(
            QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        )
        painter.end()


class BreathPacer(QWidget):
    """Circle + phase words + seconds left. ``start()`` runs until ``stop()``."""

    phase_changed = Signal(str)  # the phase's words
    cycle_finished = Signal(int)  # cycles done so far

    def __init__(
        self, pattern: tuple[Phase, ...] = DEFAULT_PATTERN, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pattern = pattern
        self.setAccessibleName("Breathing pacer")
        self.circle = PacerCircle(self)
        self.phase_label = role_label("Ready when you are.", "subheading")
        self.phase_label.setAccessibleName("Breathing phase")
        self.count_label = role_label("", "muted")
        self.count_label.setAccessibleName("Seconds left in this phase")
        words = QVBoxLayout()
        words.addStretch(1)
        words.addWidget(self.phase_label)
        words.addWidget(self.count_label)
        words.addStretch(1)
        layout = QHBoxLayout(self)  # side by side: the card stays short in small windows
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.circle)
        layout.addLayout(words, 1)
        self.animation = QPropertyAnimation(self.circle, b"level", self)
        self.animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._second)
        self.reduced_motion = False
        self.index = -1
        self.left = 0
        self.cycles = 0

    # ---- public ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._tick.isActive()

    def start(self) -> None:
        self.cycles = 0
        self.index = -1
        self.circle._set_level(0.0)
        self._next_phase()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()
        self.animation.stop()
        self.index = -1
        self.phase_label.setText("Paused.")
        self.count_label.setText("")

    def set_reduced_motion(self, reduced: bool) -> None:
        """Keep the circle still (words and count only)."""
        self.reduced_motion = reduced
        self.circle.still = reduced
        if reduced:
            self.animation.stop()
        self.circle.update()

    def current_phase(self) -> Phase | None:
        return self.pattern[self.index] if 0 <= self.index < len(self.pattern) else None

    # ---- internals ------------------------------------------------------------------------
    def _next_phase(self) -> None:
        if self.index == len(self.pattern) - 1:
            self.cycles += 1
            self.cycle_finished.emit(self.cycles)
        self.index = (self.index + 1) % len(self.pattern)
        phase = self.pattern[self.index]
        self.left = phase.seconds
        self.phase_label.setText(phase.label)
        self.count_label.setText(self._count_text())
        if not self.reduced_motion:
            self.animation.stop()
            self.animation.setDuration(phase.seconds * 1000)
            self.animation.setStartValue(self.circle._get_level())
            self.animation.setEndValue(phase.target)
            self.animation.start()
        else:
            self.circle._set_level(phase.target)
        announce(self.phase_label, f"{phase.label}, {self._count_text()}")
        self.phase_changed.emit(phase.label)

    def _count_text(self) -> str:
        return f"{self.left} second{'s' if self.left != 1 else ''}"

    def _second(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self._next_phase()
        else:
            self.count_label.setText(self._count_text())
