"""Themes (system, light, dark, high-contrast), text scaling and shared resources.

Text size always starts from the system font captured when the first theme is applied; the
user's scale multiplies it. Style sheets never hold fixed pixel font sizes: their `@name@`
placeholders are filled with point sizes computed from that scaled font. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from mindspace.core.paths import resources_dir

THEMES = ("system", "light", "dark", "high-contrast")
THEME_LABELS = {
    "system": "Follow the system",
    "light": "Light",
    "dark": "Dark",
    "high-contrast": "High contrast",
}

_state: dict[str, object] = {}


def icon(name: str) -> QIcon:
    """An icon from resources/icons/<name>.svg (empty icon if it is missing)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def _palette(theme: str) -> QPalette:
    pal = QPalette()
    if theme == "light":
        colours = {
            QPalette.ColorRole.Window: "#f6f7f9",
            QPalette.ColorRole.WindowText: "#1a1a1a",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#eef1f5",
            QPalette.ColorRole.Text: "#1a1a1a",
            QPalette.ColorRole.Button: "#e9ecf0",
            QPalette.ColorRole.ButtonText: "#1a1a1a",
            QPalette.ColorRole.Highlight: "#2f6db5",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#ffffe1",
            QPalette.ColorRole.ToolTipText: "#1a1a1a",
            QPalette.ColorRole.PlaceholderText: "#6b6b6b",
            QPalette.ColorRole.Link: "#1f58a8",
        }
    elif theme == "dark":
        colours = {
            QPalette.ColorRole.Window: "#23272e",
            QPalette.ColorRole.WindowText: "#e8e8e8",
            QPalette.ColorRole.Base: "#1a1d22",
            QPalette.ColorRole.AlternateBase: "#2a2f37",
            QPalette.ColorRole.Text: "#e8e8e8",
            QPalette.ColorRole.Button: "#2f353e",
            QPalette.ColorRole.ButtonText: "#e8e8e8",
            QPalette.ColorRole.Highlight: "#3d7fd0",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#2f353e",
            QPalette.ColorRole.ToolTipText: "#e8e8e8",
            QPalette.ColorRole.PlaceholderText: "#a0a0a0",
            QPalette.ColorRole.Link: "#8ab8ff",
        }
    else:  # high-contrast
        colours = {
            QPalette.ColorRole.Window: "#000000",
            QPalette.ColorRole.WindowText: "#ffffff",
            QPalette.ColorRole.Base: "#000000",
            QPalette.ColorRole.AlternateBase: "#1a1a1a",
            QPalette.ColorRole.Text: "#ffffff",
            QPalette.ColorRole.Button: "#000000",
            QPalette.ColorRole.ButtonText: "#ffffff",
            QPalette.ColorRole.Highlight: "#ffff00",
            QPalette.ColorRole.HighlightedText: "#000000",
            QPalette.ColorRole.ToolTipBase: "#000000",
            QPalette.ColorRole.ToolTipText: "#ffffff",
            QPalette.ColorRole.PlaceholderText: "#d0d0d0",
            QPalette.ColorRole.Link: "#00ffff",
        }
    for role, value in colours.items():
        pal.setColor(role, QColor(value))
    disabled = "#8a8a8a" if theme != "light" else "#9a9a9a"
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return pal


def _read_qss(name: str) -> str:
    path = resources_dir() / "themes" / f"{name}.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def style_sheet(theme: str, base_point_size: float) -> str:
    """The combined style sheet for `theme` with point sizes derived from `base_point_size`."""
    text = _read_qss("base")
    if theme != "system":
        text += "\n" + _read_qss(theme)
    sizes = {
        "heading_pt": base_point_size * 1.6,
        "subheading_pt": base_point_size * 1.2,
        "code_pt": base_point_size * 1.5,
    }
    for key, value in sizes.items():
        text = text.replace(f"@{key}@", f"{value:.1f}")
    return text


def system_font() -> QFont:
    """The system font as it was before MindSpace scaled it."""
    font = _state.get("system_font")
    if not isinstance(font, QFont):
        font = QFont(QApplication.font())
        _state["system_font"] = font
    return QFont(font)


def apply_theme(app: QApplication, theme: str, font_scale: float = 1.0) -> None:
    """Apply palette, style and text size to the whole application (GUI thread)."""
    if theme not in THEMES:
        theme = "system"
    if "system_style" not in _state:
        _state["system_style"] = app.style().name()
        _state["system_palette"] = QPalette(app.palette())
    base = system_font()
    point_size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    scaled = QFont(base)
    scaled.setPointSizeF(point_size * max(0.5, min(3.0, font_scale)))
    if theme == "system":
        style = QStyleFactory.create(str(_state["system_style"]))
        palette = QPalette(_state["system_palette"])
    else:
        style = QStyleFactory.create("Fusion")
        palette = _palette(theme)
    if style is not None:
        app.setStyle(style)
    app.setPalette(palette)
    app.setFont(scaled)
    app.setStyleSheet(style_sheet(theme, scaled.pointSizeF()))
    _state["theme"] = theme
    _state["font_scale"] = font_scale


def current_theme() -> str:
    return str(_state.get("theme", "system"))


def highlight_colours() -> tuple[str, str]:
    """(background, text) for search-match highlighting that suits the current theme."""
    theme = current_theme()
    if theme == "high-contrast":
        return "#ffff00", "#000000"
    if theme == "dark":
        return "#c9a227", "#000000"
    return "#ffe066", "#000000"
