"""Contrast (WCAG 2.1) of every theme: the design tokens, the applied palette, rendered widgets.

Text needs 4.5:1 (7:1 in high contrast), control edges and the focus ring 3:1. Rendered checks
grab real widgets after applying a theme, so a style rule that loses a colour fails here too.
"""
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.ui import style
from mindspace.ui.themes import THEMES, apply_theme, palette_for

pytestmark = pytest.mark.gui

KEYS = tuple(style.COLOURS)


def text_minimum(key: str) -> float:
    return 7.0 if key == "high-contrast" else 4.5


# ---- the tokens ----------------------------------------------------------------------------
def test_the_contrast_formula_matches_wcag() -> None:
    assert style.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert style.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert style.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize("key", KEYS)
def test_every_text_pair_reads(key: str) -> None:
    c = style.token_values(style.COLOURS[key])
    low = [
        f"{fg} on {bg}: {style.contrast_ratio(c[fg], c[bg]):.2f}"
        for fg, bg in style.TEXT_PAIRS
        if style.contrast_ratio(c[fg], c[bg]) < text_minimum(key)
    ]
    assert not low, f"{key}: text below {text_minimum(key)}:1: {low}"


@pytest.mark.parametrize("key", KEYS)
def test_every_indicator_and_focus_ring_stands_out(key: str) -> None:
    c = style.token_values(style.COLOURS[key])
    low = [
        f"{fg} on {bg}: {style.contrast_ratio(c[fg], c[bg]):.2f}"
        for fg, bg in style.CONTROL_PAIRS
        if style.contrast_ratio(c[fg], c[bg]) < 3.0
    ]
    assert not low, f"{key}: controls below 3:1: {low}"


def test_the_pairs_cover_every_colour_the_style_sheet_uses() -> None:
    named = {name for pair in style.TEXT_PAIRS + style.CONTROL_PAIRS for name in pair}
    decorative = {"card_border", "disabled"}  # card outlines; disabled text is exempt (WCAG)
    assert set(style.token_values(style.LIGHT)) - named == decorative


@pytest.mark.parametrize("key", KEYS)
def test_chip_text_reads_on_every_emotion_chip(key: str) -> None:
    for emotion in style.EMOTION:
        fill, _border, text = style.chip_colours(key, emotion)
        ratio = style.contrast_ratio(text, fill)
        assert ratio >= text_minimum(key), f"{key} {emotion} chip: {ratio:.2f}"


@pytest.mark.parametrize("key", KEYS)
def test_mood_colours_stand_out_from_the_page(key: str) -> None:
    c = style.COLOURS[key]
    for value, colour in style.MOOD[key].items():
        for background in (c.window, c.surface):
            ratio = style.contrast_ratio(colour, background)
            assert ratio >= 3.0, f"{key} mood {value} on {background}: {ratio:.2f}"


# colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0)
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _linear(hex_colour: str) -> tuple[float, ...]:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    h = hex_colour.lstrip("#")
    return tuple(channel(int(h[i:i + 2], 16)) for i in (0, 2, 4))


def _lab(rgb: tuple[float, ...]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, v)) for v in rgb)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _seen(hex_colour: str, matrix: tuple[tuple[float, ...], ...] | None) -> tuple[float, ...]:
    rgb = _linear(hex_colour)
    if matrix is not None:
        rgb = tuple(sum(m * v for m, v in zip(row, rgb, strict=True)) for row in matrix)
    return _lab(rgb)


def _min_difference(colours: dict[str, str], matrix: tuple[tuple[float, ...], ...] | None
                    ) -> tuple[float, str, str]:
    worst = (1e9, "", "")
    for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
        la, lb = _seen(ca, matrix), _seen(cb, matrix)
        delta = sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5
        worst = min(worst, (delta, a, b))
    return worst


@pytest.mark.parametrize("vision", ["typical", *CVD])
def test_emotion_and_mood_colours_stay_apart_for_colour_blind_eyes(vision: str) -> None:
    matrix = CVD.get(vision)
    delta, a, b = _min_difference(style.EMOTION, matrix)
    assert delta >= 10, f"{vision}: {a} and {b} look alike (delta E {delta:.1f})"
    for key in KEYS:
        moods = {str(k): v for k, v in style.MOOD[key].items()}
        delta, a, b = _min_difference(moods, matrix)
        assert delta >= 10, f"{vision} {key}: moods {a} and {b} look alike ({delta:.1f})"


# ---- the applied palette -------------------------------------------------------------------
@pytest.fixture
def themed(qapp) -> Iterator[QApplication]:
    yield qapp
    apply_theme(qapp, "system", 1.0)


ROLE_PAIRS = (
    ("WindowText", "Window", True), ("Text", "Base", True), ("ButtonText", "Button", True),
    ("HighlightedText", "Highlight", True), ("PlaceholderText", "Base", True),
    ("PlaceholderText", "Window", True), ("Link", "Base", True),
    ("ToolTipText", "ToolTipBase", True), ("Mid", "Base", False), ("Mid", "Window", False),
    ("Highlight", "Base", False),
)


@pytest.mark.parametrize("theme", THEMES)
def test_the_applied_palette_reads(themed: QApplication, theme: str) -> None:
    apply_theme(themed, theme, 1.0)
    pal = themed.palette()
    key = style.palette_key(theme)
    for fg, bg, is_text in ROLE_PAIRS:
        ratio = style.contrast_ratio(pal.color(getattr(QPalette.ColorRole, fg)).name(),
                                     pal.color(getattr(QPalette.ColorRole, bg)).name())
        need = text_minimum(key) if is_text else 3.0
        assert ratio >= need, f"{theme}: {fg} on {bg} is {ratio:.2f}:1"
    assert pal == palette_for(key)


# ---- rendered widgets ----------------------------------------------------------------------
def _pixels(image: QImage, rect: QRect | None = None) -> list[str]:
    r = rect if rect is not None else image.rect()
    return [image.pixelColor(x, y).name() for x in range(r.left(), r.right() + 1)
            for y in range(r.top(), r.bottom() + 1)
            if image.rect().contains(x, y)]


def _best_contrast(image: QImage, background: str, rect: QRect | None = None) -> float:
    return max(style.contrast_ratio(p, background) for p in _pixels(image, rect))


def _background(image: QImage) -> str:
    return Counter(_pixels(image)).most_common(1)[0][0]


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_rendered_text_indicators_and_focus_rings(qtbot, themed: QApplication,
                                                  open_services: AppServices,
                                                  theme: str) -> None:
    from mindspace.ui.crisis_panel import CrisisPanel
    from mindspace.ui.mood_widgets import ChoiceList

    apply_theme(themed, theme, 1.0)
    c = style.COLOURS[theme]
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    panel = CrisisPanel(open_services)
    muted = QLabel("Muted caption text")
    muted.setProperty("role", "muted")
    check = QCheckBox("Unchecked option")
    choices = ChoiceList("Emotions")
    choices.set_words(["calm", "tired"])
    edit, button, combo = QLineEdit("text"), QPushButton("Save"), QComboBox()
    combo.addItem("one")
    for w in (panel, muted, check, choices, edit, button, combo):
        layout.addWidget(w)
    host.resize(520, 700)
    host.show()
    qtbot.waitExposed(host)
    panel.show()
    QApplication.processEvents()

    # the "not a diagnosis" note and a muted caption read
    for label in (panel.note, muted):
        image = label.grab().toImage()
        ratio = _best_contrast(image, _background(image))
        assert ratio >= text_minimum(theme) - 0.3, f"{theme}: {label.text()!r} {ratio:.2f}"

    # an unchecked check box and an unchecked word in the Emotions list are visible
    option = QStyleOptionButton()
    option.initFrom(check)
    box = check.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, check)
    image = check.grab().toImage()
    assert _best_contrast(image, _background(image), box) >= 3.0, f"{theme}: check box"
    image = choices.viewport().grab().toImage()
    item = choices.visualItemRect(choices.item(0))
    square = QRect(item.left(), item.top(), item.height(), item.height())
    assert _best_contrast(image, c.surface, square) >= 3.0, f"{theme}: list check box"

    # a 2-pixel focus ring in the theme's focus colour on every kind of control
    for control in (edit, button, combo, check, choices):
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(control.hasFocus)
        QApplication.processEvents()
        target = choices.viewport() if control is choices else control
        pixels = Counter(_pixels(target.grab().toImage() if control is not choices
                                 else control.grab().toImage()))
        assert pixels[c.focus] >= 2 * (control.width() + control.height()), (
            f"{theme}: no focus ring on {type(control).__name__}")
