"""Render an SVG icon to a square PNG with Qt (used by the bundle build for the desktop icon).

Usage (repository root): ``QT_QPA_PLATFORM=offscreen .venv/bin/python build/render_icon.py
[SVG PNG [SIZE]]``; without arguments it renders build/icons/mindspace.svg to mindspace.png at
256 px. Exits non-zero with a one-line message if the SVG cannot be read or the PNG written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def render(svg: Path, png: Path, size: int = 256) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise SystemExit(f"cannot write {png}")


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    here = Path(__file__).resolve().parent / "icons"
    args = sys.argv[1:]
    svg = Path(args[0]) if args else here / "mindspace.svg"
    png = Path(args[1]) if len(args) > 1 else here / "mindspace.png"
    render(svg, png, int(args[2]) if len(args) > 2 else 256)
