"""Themes (system, light, dark, high-contrast), text scaling and shared resources.

The look itself (tokens and the style sheet) lives in `mindspace.ui.style`; this module applies
it. Text size always starts from the system font captured when the first theme is applied; the
user's scale multiplies it, and every size in the style sheet derives from the scaled font.
"System" follows the system's light or dark colour scheme with the same design.

The Fusion style is set once, palettes and style sheets are built once per theme and text size
and kept, and applying what is already applied does nothing. By default the style sheet is the
application's. The running app instead gives it to each of its windows (`use_window_sheets`,
`style_window`): a change of the application's sheet re-polishes every widget that exists,
hidden ones included (about 0.5 s with every page built), while a window restyles what shows
first and the rest a page at a time (see `MainWindow.restyle`). Dialogs, menus and tooltips
take the sheet from the window they belong to. GUI thread only.
"""

from __future__ import annotations

import weakref
from functools import cache

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from mindspace.core.paths import resources_dir
from mindspace.ui import style

THEMES = ("system", "light", "dark", "high-contrast")
THEME_LABELS = {
    "system": "Follow the system",
    "light": "Light",
    "dark": "Dark",
    "high-contrast": "High contrast",
}

_state: dict[str, object] = {}
_windows: weakref.WeakSet[QWidget] = weakref.WeakSet()


@cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons/<name>.svg (empty icon if it is missing); SVG, so it stays
    sharp at whatever size the style sheet gives it (sizes follow the text size)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def check_icon_path(key: str) -> str:
    return str(resources_dir() / "icons" / f"check-{key}.svg")


@cache
def palette_for(key: str) -> QPalette:
    """The QPalette of a colour set in `style.COLOURS` ("light", "dark", "high-contrast")."""
    c = style.COLOURS[key]
    role = QPalette.ColorRole
    colours = {
        role.Window: c.window,
        role.WindowText: c.text,
        role.Base: c.surface,
        role.AlternateBase: c.surface_alt,
        role.Text: c.text,
        role.Button: c.button,
        role.ButtonText: c.text,
        role.BrightText: c.on_accent,
        role.Highlight: c.accent,
        role.HighlightedText: c.on_accent,
        role.Accent: c.accent,
        role.ToolTipBase: c.tooltip,
        role.ToolTipText: c.text,
        role.PlaceholderText: c.muted,
        role.Link: c.link,
        role.LinkVisited: c.link,
        role.Light: c.surface,
        role.Midlight: c.surface_alt,
        role.Mid: c.control_border,
        role.Dark: c.control_border,
        role.Shadow: c.card_border,
    }
    pal = QPalette()
    for r, value in colours.items():
        pal.setColor(r, QColor(value))
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, r, QColor(c.disabled))
    return pal


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def style_sheet(theme: str, base_point_size: float, line_px: int = 0) -> str:
    """The application style sheet for `theme` at `base_point_size` (built once, then cached)."""
    key = style.palette_key(theme, system_prefers_dark())
    if line_px <= 0:
        font = QFont(system_font())
        font.setPointSizeF(base_point_size)
        line_px = QFontMetrics(font).height()
    return style.style_sheet(key, round(base_point_size, 2), line_px, check_icon_path(key))


def system_font() -> QFont:
    """The system font as it was before MindSpace scaled it."""
    font = _state.get("system_font")
    if not isinstance(font, QFont):
        font = QFont(QApplication.font())
        _state["system_font"] = font
    return QFont(font)


def _ensure_fusion(app: QApplication) -> None:
    if _state.get("fusion_set"):
        return
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    _state["fusion_set"] = True
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: _follow_system(app))


def _follow_system(app: QApplication) -> None:
    if current_theme() == "system":
        apply_theme(app, "system", current_font_scale())


def apply_theme(app: QApplication, theme: str, font_scale: float = 1.0) -> None:
    """Apply palette, text size and style sheet to the whole application (GUI thread).

    Asking again for what is already applied does nothing."""
    if theme not in THEMES:
        theme = "system"
    font_scale = max(0.5, min(3.0, font_scale))
    key = style.palette_key(theme, system_prefers_dark())
    wanted = (theme, key, round(font_scale, 3))
    if _state.get("applied") == wanted:
        return
    base = system_font()
    _ensure_fusion(app)
    point_size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    scaled = QFont(base)
    scaled.setPointSizeF(point_size * font_scale)
    sheet = style_sheet(theme, scaled.pointSizeF(), QFontMetrics(scaled).height())
    # palette and font first (cheap notifications), then the style sheet: its one re-polish
    # picks both up
    app.setPalette(palette_for(key))
    if app.font() != scaled:
        app.setFont(scaled)
    _state["sheet"] = sheet
    if _state.get("window_sheets"):
        if app.styleSheet():
            app.setStyleSheet("")
        for window in list(_windows):
            _restyle(window, sheet)
    elif app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    _state["theme"] = theme
    _state["font_scale"] = font_scale
    _state["applied"] = wanted


def use_window_sheets(app: QApplication, enabled: bool = True) -> None:
    """From now on the style sheet goes to each window given to `style_window`, not to `app`
    (or, with `enabled=False`, back to `app`)."""
    _state["window_sheets"] = enabled
    sheet = _state.get("sheet")
    if enabled:
        if app.styleSheet():
            app.setStyleSheet("")
    else:
        _windows.clear()
        if isinstance(sheet, str):
            app.setStyleSheet(sheet)


def style_window(window: QWidget) -> None:
    """Give `window` (a top-level window) the current style sheet now and on every change."""
    _windows.add(window)
    sheet = _state.get("sheet")
    if _state.get("window_sheets") and isinstance(sheet, str):
        _restyle(window, sheet)


def _restyle(window: QWidget, sheet: str) -> None:
    if not shiboken6.isValid(window):
        _windows.discard(window)
        return
    if window.styleSheet() == sheet:
        return
    restyle = getattr(window, "restyle", None)
    if callable(restyle):
        restyle(sheet)
    else:
        window.setStyleSheet(sheet)


def current_theme() -> str:
    return str(_state.get("theme", "system"))


def current_font_scale() -> float:
    value = _state.get("font_scale", 1.0)
    return float(value) if isinstance(value, int | float) else 1.0


def current_colours() -> style.Colours:
    return style.colours_for(current_theme(), system_prefers_dark())


def highlight_colours() -> tuple[str, str]:
    """(background, text) for search-match highlighting that suits the current theme."""
    c = current_colours()
    return c.match_bg, c.match_fg


def mood_colour(value: int) -> str:
    """The colour of mood `value` (1-5) in the current theme."""
    key = style.palette_key(current_theme(), system_prefers_dark())
    return style.MOOD[key][max(1, min(5, value))]


def emotion_colour(label: str) -> str:
    return style.EMOTION.get(label, style.EMOTION["neutral"])
