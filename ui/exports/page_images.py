"""A rich-text document whose images are made when a page shows them, one at a time.

Holding every route map of a big tour for the whole print cost 110 MB (20 maps of 1440×960). The <img> tags
give width and height, so the layout needs no pixels: a 1×1 stand-in answers until printing starts, then
each image is made when its page is painted and dropped when the next one is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

IMAGE = QTextDocument.ResourceType.ImageResource


def _key(name: str | QUrl) -> str:
    return (name if isinstance(name, QUrl) else QUrl(name)).toString()


class PageImagesDocument(QTextDocument):
    def __init__(self, makers: dict[str, Callable[[], QImage]]):
        super().__init__()
        self._makers = {_key(name): (name, make) for name, make in makers.items()}
        self._stand_in = QImage(1, 1, QImage.Format.Format_RGB32)
        self._stand_in.fill(Qt.GlobalColor.white)
        self._shown: tuple[str, QImage] = ("", QImage())
        self.painting = False  # True while printing: the real images from then on
        self.made: list[str] = []  # the images made, in order (each once when the pages print in order)

    def loadResource(self, kind, name: QUrl):  # noqa: N802 (Qt's name)
        key = _key(name)
        found = self._makers.get(key) if kind in (IMAGE, IMAGE.value) else None
        if found is None:
            return super().loadResource(kind, name)
        if not self.painting:
            return self._stand_in
        if self._shown[0] != key:
            self._shown = (key, QImage())  # the previous image goes before the next is made
            self._shown = (key, found[1]())
            self.made.append(found[0])
        return self._shown[1]
