"""A group's route map (planner/render/route_svg.py) as a QImage, for PDFs and phone images."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from planner.render.routes import Scope, build_route_map
from planner.render.route_svg import route_svg
from planner.schedule.scheduler import Schedule


def route_image(schedule: Schedule, scope: Scope, width: int = 720, height: int = 480, scale: int = 2) -> QImage:
    """Drawn at `scale`× the SVG's size, so it stays sharp in print and on a phone's dense screen."""
    return svg_image(route_svg(build_route_map(schedule, scope), width, height), width, height, scale)


def svg_image(svg: str, width: int, height: int, scale: int) -> QImage:
    """The SVG on white at `scale`× (phone images; the handbook paints the same SVG as vectors)."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(width * scale, height * scale, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image
