"""Route maps are made when the page that shows them prints, one at a time, not held for the whole print."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.ui.pdf_helpers import pages_with_images
from ui.exports.page_images import PageImagesDocument
from ui.exports.pdf_print import PdfTarget


def test_images_are_made_only_when_their_pages_print_each_once_in_page_order(qapp, tmp_path):
    made = []

    def maker(name, color):
        def make():
            made.append(name)
            image = QImage(300, 200, QImage.Format.Format_RGB32)
            image.fill(color)
            return image
        return make

    colors = {"route-b": Qt.GlobalColor.red, "route-a": Qt.GlobalColor.blue, "route-<c>": Qt.GlobalColor.green}
    target = PdfTarget("t", dt.date(2025, 2, 20))
    html = '<p style="page-break-after: always;"></p>'.join(
        f'<h2>{n}</h2><p><img src="{n.replace("<", "&lt;").replace(">", "&gt;")}" width="600" height="400"/></p>'
        for n in colors)
    doc = target.document(html, "", doc=PageImagesDocument({n: maker(n, c) for n, c in colors.items()}))
    assert doc.pageCount() == 3 and made == []  # the layout took the size from the <img>: no pixels made
    doc.painting = True
    target.print(doc, lambda _p, _t: None)
    assert made == list(colors) and doc.made == list(colors)
    out = tmp_path / "maps.pdf"
    target.finish(out)
    assert pages_with_images(out) == [1, 2, 3]
