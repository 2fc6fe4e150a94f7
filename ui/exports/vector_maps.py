"""Route maps drawn into the PDF as vector graphics, each when its page prints.

The handbook's HTML names its maps as images (`<img src="route-g1" width=… height=…>`). Rasterising twenty
of them at print resolution, holding them, compressing them into the PDF and decoding them again cost a big
tour seconds and over a hundred megabytes (first in this process, then in a helper process). Instead, this
document's image handler paints each map's SVG straight onto the PDF's painter: lines and names stay sharp
at any zoom or printer, and only one map's SVG exists at a time. The layout never needs pixels: the size
comes from the tag.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QRectF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPainter, QPixmap, QPyTextObject, QTextDocument, QTextFormat
from PySide6.QtSvg import QSvgRenderer

IMAGE = QTextDocument.ResourceType.ImageResource
DEFAULT_DPI = 96  # rich text reads an <img>'s width and height in 1/96 in, scaled to the paint device


class _Handler(QPyTextObject):  # PySide6's QObject + QTextObjectInterface
    """Holds the makers, not the document: a reference back would be a cycle, and exports pause the cycle
    collector, so the whole laid-out document (≈ 100 MB on a big tour) would outlive its print."""

    def __init__(self, makers: dict[str, Callable[[], str]], parent: QTextDocument):
        super().__init__(parent)
        self.makers = dict(makers)
        self.drawn: list[str] = []
        self.failure: Exception | None = None

    def intrinsicSize(self, doc, _position, fmt) -> QSizeF:  # noqa: N802 (Qt's name)
        image = fmt.toImageFormat()
        device = doc.documentLayout().paintDevice()
        scale = device.logicalDpiY() / DEFAULT_DPI if device is not None else 1.0
        return QSizeF(image.width() * scale, image.height() * scale)

    def drawObject(self, painter: QPainter, rect: QRectF, doc, _position, fmt) -> None:  # noqa: N802
        """Called by Qt in the middle of painting a page: an exception would only be printed there and the PDF
        written without its map, so it is kept for `raise_failure` after the print."""
        try:
            self._draw(painter, rect, doc, fmt.toImageFormat().name())
        except Exception as e:  # noqa: BLE001  (re-raised by the printer once Qt is out of the way)
            self.failure = self.failure or e

    def _draw(self, painter: QPainter, rect: QRectF, doc, name: str) -> None:
        make = self.makers.get(name)
        if make is None:
            image = doc.resource(IMAGE, QUrl(name))
            if isinstance(image, QImage):
                painter.drawImage(rect, image)
            elif isinstance(image, QPixmap):
                painter.drawPixmap(rect, image, QRectF(image.rect()))
            return
        renderer = QSvgRenderer(QByteArray(make().encode("utf-8")))
        painter.save()
        painter.setClipRect(rect)  # the SVG's own frame: nothing of it may reach the text around
        renderer.render(painter, rect)
        painter.restore()
        self.drawn.append(name)


class VectorMapsDocument(QTextDocument):
    """`makers`: image name → a function giving that map's SVG. Every image of the document must have a
    width and height in its tag; an image not in `makers` is drawn from the document's resources."""

    def __init__(self, makers: dict[str, Callable[[], str]]):
        super().__init__()
        self._handler = _Handler(makers, self)
        self.documentLayout().registerHandler(QTextFormat.ObjectTypes.ImageObject.value, self._handler)

    def raise_failure(self) -> None:
        """Raise what went wrong drawing a map, if anything did (after printing: the PDF must not go out)."""
        if self._handler.failure is not None:
            raise self._handler.failure

    @property
    def drawn(self) -> list[str]:
        """The maps drawn, in order (each page of a printed handbook once)."""
        return self._handler.drawn
