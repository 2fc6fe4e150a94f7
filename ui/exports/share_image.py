"""WeChat images: a group's day or whole route painted as a tall PNG, 1080 px wide (a phone screen).

Qt's rich text lays out the card (planner/render/share_card.py); the route map comes from the same
offline SVG as the handbook's. Works in any thread (QImage, no widgets).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from planner.io.atomic import atomic_write
from planner.model.tour import Group
from planner.render.filenames import file_stem
from planner.render.routes import Scope
from planner.render.share_card import MAP_H, MAP_W, WIDTH, card_html
from planner.schedule.scheduler import Schedule
from ui.exports.pdf_print import Progress, cjk_font
from ui.exports.route_image import route_image

MAX_HEIGHT = 20000  # a whole month on one card would be unreadable anyway; phones refuse taller images


def card_image(s: Schedule, g: Group, date: dt.date | None = None, edition: str = "participant") -> QImage:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(cjk_font(12))
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("route"),
                    route_image(s, Scope(g.id, date), MAP_W // 2, MAP_H // 2, scale=2))
    doc.setHtml(card_html(s, g, date, edition))
    doc.setTextWidth(WIDTH)
    height = min(MAX_HEIGHT, int(doc.size().height()) + 1)
    image = QImage(WIDTH, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    doc.drawContents(painter, QRectF(0, 0, WIDTH, height))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def export_images(s: Schedule, folder: Path, groups: list[str] | None = None, by_day: bool = False,
                  edition: str = "participant", progress: Progress | None = None,
                  only: dt.date | None = None) -> list[Path]:
    """One PNG per group (its whole route), or with `by_day` one per group-day (or only the day `only`);
    written atomically."""
    report = progress or (lambda _p, _t: None)
    jobs: list[tuple[Group, dt.date | None]] = []
    for g in s.tour.groups:
        if groups is None or g.id in groups:
            dates = [p.date for p in sorted(s.group_plans(g.id), key=lambda p: p.date)
                     if p.entries and only in (None, p.date)]
            jobs += [(g, d) for d in dates] if by_day else [(g, None)]
    written = []
    for i, (g, date) in enumerate(jobs):
        path = folder / (file_stem(g.id, g.name, date.isoformat() if date else "全程") + ".png")
        atomic_write(path, png_bytes(card_image(s, g, date, edition)))
        written.append(path)
        report(100 * (i + 1) // max(1, len(jobs)), g.name)
    return written
