"""The design system: tokens (spacing, type, radii, colours per theme) and the style sheet.

Everything the app looks like is decided here. `themes.py` applies it; screens only name roles
(`role_label(text, "heading")`, `QFrame` with `role="card"`, a chip with `chip="joy"`). Sizes
are derived from the user's scaled font, so spacing, controls and icons grow with the text size.
Colours are chosen against WCAG 2.1: `TEXT_PAIRS` and `CONTROL_PAIRS` list every foreground drawn
on every background the style sheet uses, and tests/ui/test_contrast.py measures them. This
module imports no Qt: plain strings and numbers, so the values can be checked without a display.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

# ---- spacing, radii and type, in multiples of the font's line height or point size -----------
SPACING = {"xs": 0.25, "sm": 0.5, "md": 0.75, "lg": 1.0, "xl": 1.5}  # x line height
RADII = {"sm": 0.3, "md": 0.45, "lg": 0.75, "pill": 5.0}  # x line height (pill: fully round)
TYPE_SCALE = {"heading": 1.6, "subheading": 1.25, "body": 1.0, "small": 0.9, "code": 1.5}
FOCUS_RING_PX = 2
INDICATOR_BORDER_PX = 2


@dataclass(frozen=True)
class Colours:
    """The colours of one theme (hex strings)."""

    window: str  # page background
    surface: str  # cards, inputs, lists
    surface_alt: str  # sidebar, alternate rows, progress track
    card_border: str  # decorative outline of cards and menus
    text: str
    muted: str  # secondary text: captions, notes, placeholders
    accent: str  # primary buttons, checked indicators, selected section
    on_accent: str  # text and check marks drawn on accent
    link: str
    focus: str  # the focus ring
    control_border: str  # inputs, buttons, check box and radio borders
    selection: str  # selected rows in lists (soft)
    on_selection: str
    selection_edge: str  # outline of a selected row (high contrast marks selection by it)
    button: str
    button_hover: str
    disabled: str
    error: str
    ok: str
    warning: str
    match_bg: str  # search-match highlight
    match_fg: str
    tooltip: str


LIGHT = Colours(
    window="#f5f3ef", surface="#ffffff", surface_alt="#ebe7e0", card_border="#dcd6cc",
    text="#1f2328", muted="#575d66", accent="#35659c", on_accent="#ffffff", link="#255a96",
    focus="#2f63a8", control_border="#7b818a", selection="#dde7f3", on_selection="#1f2328",
    selection_edge="#35659c",
    button="#ffffff", button_hover="#eef2f7", disabled="#8d9299", error="#a4161a", ok="#1b6e20",
    warning="#8a4b00", match_bg="#ffe066", match_fg="#000000", tooltip="#ffffff",
)
DARK = Colours(
    window="#1b1e23", surface="#252930", surface_alt="#2d323a", card_border="#3a4049",
    text="#ece9e4", muted="#aeb4bc", accent="#8ab4f8", on_accent="#0f1722", link="#9cc2ff",
    focus="#9cc2ff", control_border="#8c939d", selection="#34445c", on_selection="#ffffff",
    selection_edge="#8ab4f8",
    button="#2f343c", button_hover="#383e47", disabled="#7b818a", error="#ff8a80", ok="#9be7a0",
    warning="#ffc46b", match_bg="#c9a227", match_fg="#000000", tooltip="#2f343c",
)
HIGH_CONTRAST = Colours(
    window="#000000", surface="#000000", surface_alt="#000000", card_border="#ffffff",
    text="#ffffff", muted="#e6e6e6", accent="#ffff00", on_accent="#000000", link="#00ffff",
    focus="#ffff00", control_border="#ffffff", selection="#000000", on_selection="#ffff00",
    selection_edge="#ffff00",
    button="#000000", button_hover="#1f1f1f", disabled="#a0a0a0", error="#ffff00", ok="#00ff66",
    warning="#ffb000", match_bg="#ffff00", match_fg="#000000", tooltip="#000000",
)
COLOURS: dict[str, Colours] = {"light": LIGHT, "dark": DARK, "high-contrast": HIGH_CONTRAST}

# Mood 1-5 (drawn as bars and swatches, never under text): a red-to-blue scale that varies in
# lightness too, so it reads without colour vision; at least 3:1 against the theme's surface.
MOOD: dict[str, dict[int, str]] = {
    "light": {1: "#b2182b", 2: "#c4532d", 3: "#7a7a7a", 4: "#3f7fb0", 5: "#1d4f8f"},
    "dark": {1: "#ec6464", 2: "#f7b98f", 3: "#a8a8a8", 4: "#8fc2e3", 5: "#5aa0e6"},
    "high-contrast": {1: "#ff6b6b", 2: "#ffb38a", 3: "#c8c8c8", 4: "#8fd3ff", 5: "#4da6ff"},
}
# Emotions: the Okabe-Ito set, made for colour-vision deficiencies; chips also carry the word.
EMOTION: dict[str, str] = {
    "joy": "#e69f00", "sadness": "#0072b2", "fear": "#cc79a7", "anger": "#d55e00",
    "surprise": "#009e73", "disgust": "#56b4e9", "neutral": "#bbbbbb",
}
CHIP_TINT = {"light": 0.16, "dark": 0.28, "high-contrast": 0.0}  # emotion share of a chip fill

# Pairs (foreground, background) of token names: every text colour on every background the
# style sheet draws it on, and every control edge on what surrounds it.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"), ("text", "surface"), ("text", "surface_alt"), ("text", "button"),
    ("text", "button_hover"), ("text", "tooltip"), ("muted", "window"), ("muted", "surface"),
    ("muted", "surface_alt"), ("on_accent", "accent"), ("link", "window"), ("link", "surface"),
    ("on_selection", "selection"), ("text", "selection"), ("error", "window"),
    ("error", "surface"), ("ok", "window"),
    ("ok", "surface"), ("warning", "window"), ("warning", "surface"), ("match_fg", "match_bg"),
)
CONTROL_PAIRS: tuple[tuple[str, str], ...] = (
    ("control_border", "window"), ("control_border", "surface"), ("control_border", "button"),
    ("focus", "window"), ("focus", "surface"), ("focus", "surface_alt"), ("focus", "button"),
    ("accent", "surface"), ("accent", "window"), ("control_border", "selection"),
    ("accent", "selection"), ("accent", "surface_alt"), ("selection_edge", "surface"),
)


def colours_for(theme: str, dark_system: bool = False) -> Colours:
    """The colours of `theme`; "system" follows the system's light or dark preference."""
    if theme == "system":
        return DARK if dark_system else LIGHT
    return COLOURS.get(theme, LIGHT)


def palette_key(theme: str, dark_system: bool = False) -> str:
    if theme == "system":
        return "dark" if dark_system else "light"
    return theme if theme in COLOURS else "light"


# ---- colour arithmetic (WCAG 2.1) ------------------------------------------------------------
def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def blend(top: str, bottom: str, share: float) -> str:
    """`top` laid over `bottom` at opacity `share` (0..1), as hex."""
    t, b = _rgb(top), _rgb(bottom)
    mixed = (round(tc * share + bc * (1 - share)) for tc, bc in zip(t, b, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


def chip_colours(theme_key: str, emotion: str) -> tuple[str, str, str]:
    """(fill, border, text) of the chip for `emotion` in the theme `theme_key`."""
    c = COLOURS.get(theme_key, LIGHT)
    hue = EMOTION.get(emotion, EMOTION["neutral"])
    fill = blend(hue, c.surface, CHIP_TINT.get(theme_key, 0.16))
    return fill, hue, c.text


def token_values(c: Colours) -> dict[str, str]:
    return {f.name: getattr(c, f.name) for f in fields(c)}


# ---- the style sheet ---------------------------------------------------------------------------
_INPUTS = ("QLineEdit", "QPlainTextEdit", "QTextEdit", "QComboBox", "QSpinBox",
           "QDoubleSpinBox", "QDateTimeEdit", "QListWidget", "QTreeWidget", "QListView",
           "QTreeView", "QTableView")
_BUTTONS = ("QPushButton", "QToolButton")


def _sel(names: tuple[str, ...], suffix: str = "") -> str:
    return ", ".join(f"{n}{suffix}" for n in names)


@lru_cache(maxsize=32)
def style_sheet(theme_key: str, point_size: float, line_px: int, check_icon: str) -> str:
    """The application style sheet for a theme at a text size (cached: built once per pair).

    `point_size` is the scaled body font size, `line_px` its line height in pixels and
    `check_icon` the path of the check mark drawn in checked boxes (in the theme's on-accent)."""
    c = COLOURS.get(theme_key, LIGHT)
    line = max(8, line_px)

    def px(factor: float) -> int:
        return max(1, round(factor * line))

    sp = {k: px(v) for k, v in SPACING.items()}
    r = {k: px(v) for k, v in RADII.items()}
    pt = {k: f"{point_size * v:.1f}" for k, v in TYPE_SCALE.items()}
    ring = FOCUS_RING_PX
    ind = max(12, round(line * 0.85))
    icon_px = max(16, round(line * 1.25))
    pad_v, pad_h = sp["xs"] + 1, sp["md"]
    check = check_icon.replace("\\", "/")
    chips = "\n".join(
        f'QLabel[chip="{name}"] {{ background: {fill}; border-color: {border}; color: {text}; }}'
        for name in EMOTION
        for fill, border, text in [chip_colours(theme_key, name)]
    )
    return f"""
QLabel[role="heading"] {{ font-size: {pt['heading']}pt; font-weight: 600; }}
QLabel[role="subheading"] {{ font-size: {pt['subheading']}pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="error"] {{ color: {c.error}; font-weight: 600; }}
QLabel[role="ok"] {{ color: {c.ok}; }}
QLabel[role="warning"] {{ color: {c.warning}; font-weight: 600; }}
QLabel[role="recovery-code"] {{
    font-size: {pt['code']}pt; font-family: monospace; padding: {sp['md']}px;
    background: {c.surface}; color: {c.text}; border: 2px solid {c.accent};
    border-radius: {r['md']}px;
}}
QLabel[chip] {{
    border: 1px solid {c.control_border}; border-radius: {r['pill']}px;
    padding: {sp['xs']}px {sp['sm'] + 2}px; background: {c.surface_alt}; color: {c.text};
}}
{chips}
QFrame[role="card"], QGroupBox {{
    background: {c.surface}; border: 1px solid {c.card_border}; border-radius: {r['lg']}px;
}}
QFrame[role="card"] {{ padding: {sp['sm']}px; }}
QFrame#crisisPanel {{
    background: {c.surface}; border: 2px solid {c.accent}; border-radius: {r['lg']}px;
}}
QGroupBox {{
    margin-top: {sp['lg'] + sp['xs']}px; padding: {sp['md']}px {sp['sm']}px {sp['sm']}px;
}}
QGroupBox::title {{
    subcontrol-origin: margin; subcontrol-position: top left; left: {sp['md']}px;
    padding: 0 {sp['xs']}px; color: {c.text}; font-weight: 600;
}}
{_sel(_BUTTONS)} {{
    background: {c.button}; color: {c.text}; border: 1px solid {c.control_border};
    border-radius: {r['md']}px; padding: {pad_v}px {pad_h}px;
}}
QToolButton {{ padding: {pad_v}px {sp['sm']}px; }}
QToolButton[popupMode="1"], QToolButton[popupMode="2"] {{ padding-right: {sp['lg'] + 4}px; }}
QToolButton::menu-indicator {{ subcontrol-position: center right; right: {sp['xs']}px; }}
{_sel(_BUTTONS, ':hover')} {{ background: {c.button_hover}; }}
QPushButton:default, {_sel(_BUTTONS, ':checked')}, {_sel(_BUTTONS, ':pressed')} {{
    background: {c.accent}; color: {c.on_accent}; border-color: {c.accent};
}}
{_sel(_BUTTONS, ':disabled')} {{ color: {c.disabled}; border-color: {c.disabled}; }}
{_sel(_BUTTONS, ':focus')} {{
    border: {ring}px solid {c.focus}; padding: {pad_v - ring + 1}px {pad_h - ring + 1}px;
}}
QToolButton:focus {{ padding: {pad_v - ring + 1}px {sp['sm'] - ring + 1}px; }}
{_sel(_BUTTONS)} {{ qproperty-iconSize: {icon_px}px {icon_px}px; }}
{_sel(_INPUTS)} {{
    background: {c.surface}; color: {c.text}; border: 1px solid {c.control_border};
    border-radius: {r['md']}px; selection-background-color: {c.accent};
    selection-color: {c.on_accent};
}}
{_sel(('QLineEdit', 'QComboBox', 'QSpinBox', 'QDoubleSpinBox', 'QDateTimeEdit'))} {{
    padding: {pad_v}px {sp['sm']}px;
}}
QComboBox::drop-down, QDateTimeEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: {sp['lg'] + 4}px;
    border: none; background: transparent;
}}
{_sel(_INPUTS, ':focus')} {{ border: {ring}px solid {c.focus}; }}
{_sel(('QLineEdit', 'QComboBox', 'QSpinBox', 'QDoubleSpinBox', 'QDateTimeEdit'), ':focus')} {{
    padding: {pad_v - ring + 1}px {sp['sm'] - ring + 1}px;
}}
{_sel(_INPUTS, ':disabled')} {{ color: {c.disabled}; border-color: {c.disabled}; }}
QAbstractItemView::item {{ padding: {sp['xs']}px {sp['xs']}px; border-radius: {r['sm']}px; }}
QAbstractItemView::item:selected {{
    background: {c.selection}; color: {c.on_selection}; border: 1px solid {c.selection_edge};
}}
QAbstractItemView::item:hover:!selected {{ background: {c.surface_alt}; }}
QCheckBox, QRadioButton {{
    spacing: {sp['sm']}px; padding: 1px {sp['xs']}px; border: {ring}px solid transparent;
    border-radius: {r['sm']}px;
}}
QCheckBox:focus, QRadioButton:focus {{ border: {ring}px solid {c.focus}; }}
QCheckBox::indicator, QAbstractItemView::indicator, QGroupBox::indicator {{
    width: {ind}px; height: {ind}px; border: {INDICATOR_BORDER_PX}px solid {c.control_border};
    border-radius: {max(2, ind // 4)}px; background: {c.surface};
}}
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked,
QGroupBox::indicator:checked, QCheckBox::indicator:indeterminate {{
    background: {c.accent}; border-color: {c.accent}; image: url("{check}");
}}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{ border-color: {c.disabled}; }}
QRadioButton::indicator {{
    width: {ind}px; height: {ind}px; border: {INDICATOR_BORDER_PX}px solid {c.control_border};
    border-radius: {ind // 2 + INDICATOR_BORDER_PX}px; background: {c.surface};
}}
QRadioButton::indicator:checked {{
    border-color: {c.accent};
    background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5, stop:0 {c.accent},
        stop:0.55 {c.accent}, stop:0.6 {c.surface}, stop:1 {c.surface});
}}
QListWidget#sidebar {{
    background: {c.surface_alt}; border: none; border-right: 1px solid {c.card_border};
    padding: {sp['sm']}px {sp['xs']}px; font-size: {pt['subheading']}pt;
    qproperty-iconSize: {icon_px}px {icon_px}px;
}}
QListWidget#sidebar:focus {{ border: {ring}px solid {c.focus}; }}
QListWidget#sidebar::item {{
    padding: {sp['sm']}px {sp['md']}px; margin: 1px {sp['xs']}px; border-radius: {r['md']}px;
    color: {c.text};
}}
QListWidget#sidebar::item:selected {{ background: {c.accent}; color: {c.on_accent}; }}
QListWidget#sidebar::item:hover:!selected {{ background: {c.button_hover}; }}
QToolBar {{
    background: {c.window}; border: none; spacing: {sp['xs']}px; padding: {sp['xs']}px;
    qproperty-iconSize: {icon_px}px {icon_px}px;
}}
QToolTip {{
    background: {c.tooltip}; color: {c.text}; border: 1px solid {c.control_border};
    padding: {sp['xs']}px {sp['sm']}px;
}}
QMenu {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.card_border};
    padding: {sp['xs']}px; }}
QMenu::item {{ padding: {sp['xs']}px {sp['lg']}px {sp['xs']}px {sp['lg'] + ind}px;
    border-radius: {r['sm']}px; }}
QMenu::item:selected {{ background: {c.accent}; color: {c.on_accent}; }}
QMenu::separator {{ height: 1px; background: {c.card_border}; margin: {sp['xs']}px; }}
QMenuBar::item:selected {{ background: {c.accent}; color: {c.on_accent}; }}
QProgressBar {{
    background: {c.surface_alt}; color: {c.text}; border: 1px solid {c.control_border};
    border-radius: {r['sm']}px; text-align: center; min-height: {sp['md']}px;
}}
QProgressBar::chunk {{ background: {c.accent}; border-radius: {r['sm']}px; }}
QTabBar::tab {{
    padding: {sp['xs'] + 1}px {sp['md']}px; color: {c.muted}; background: transparent;
    border: none; border-bottom: {ring}px solid transparent;
}}
QTabBar::tab:selected {{ color: {c.text}; border-bottom: {ring}px solid {c.accent}; }}
QTabBar:focus {{ border: {ring}px solid {c.focus}; }}
QSlider:focus {{ border: {ring}px solid {c.focus}; border-radius: {r['sm']}px; }}
QStatusBar {{ color: {c.muted}; }}
QFrame[bubble="user"] {{
    background: {c.selection}; border: 1px solid {c.selection_edge};
    border-radius: {r['lg']}px; padding: {sp['xs']}px {sp['sm']}px;
}}
QFrame[bubble="user"] QLabel {{ color: {c.on_selection}; background: transparent; }}
QFrame[bubble="companion"] {{
    background: {c.surface}; border: 1px solid {c.card_border};
    border-radius: {r['lg']}px; padding: {sp['xs']}px {sp['sm']}px;
}}
QFrame[bubble="companion"] QLabel {{ color: {c.text}; background: transparent; }}
QFrame[bubble] QLabel[role="muted"] {{ color: {c.muted}; }}
QFrame[bubble="user"] QLabel[role="muted"] {{ color: {c.on_selection}; }}
QPushButton[quickReply="true"] {{ border-radius: {r['lg']}px; padding: {pad_v}px {sp['md']}px; }}
QPushButton[quickReply="true"]:focus {{
    padding: {pad_v - ring + 1}px {sp['md'] - ring + 1}px;
}}
"""
