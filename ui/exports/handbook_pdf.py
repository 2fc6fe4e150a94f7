"""Print the handbook to PDF: Qt's rich-text engine on a QPdfWriter, A4, fonts embedded, page numbers.

Two layout passes: the first finds the page of every section for the contents, the second prints.
Works in any thread (no widgets), so the window can export without freezing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextCursor, QTextFormat,
                           QTextDocument)
from PySide6.QtSvg import QSvgRenderer

from planner.render.handbook import CSS, HandbookOptions, handbook_html, section_anchors
from planner.render.routes import Scope, build_route_map
from planner.render.route_svg import route_svg
from planner.schedule.scheduler import Schedule
from ui.exports.pdf_text import finish_pdf

RESOLUTION = 300           # dpi of the PDF's layout units (text stays vector; images are sampled at this)
MARGINS_MM = QMarginsF(16, 14, 16, 16)
FOOTER_MM = 8
FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei"]
Progress = Callable[[int, str], None]


def _route_image(schedule: Schedule, group_id: str) -> QImage:
    svg = route_svg(build_route_map(schedule, Scope(group_id)), 720, 480)  # drawn at 2× below: sharp in print
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(1440, 960, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def _document(html: str, images: dict[str, QImage], writer: QPdfWriter, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # font metrics at the printer's resolution
    font = QFont()
    # Name the Simplified-Chinese family: fontconfig would pick the Japanese Noto CJK variant.
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(CSS)
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(width, writer.height() - _mm(FOOTER_MM)))
    return doc


def _xmp(title: str, date) -> str:
    """Our own XMP packet, dated by the print date (Qt's would carry the current time and a random id)."""
    from xml.sax.saxutils import escape

    stamp = f"{date.isoformat()}T00:00:00Z"
    return ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
            f'xmp:CreateDate="{stamp}" xmp:ModifyDate="{stamp}" xmp:CreatorTool="Study-Tour Planner">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
            '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')


def _mm(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def keep_with_next(doc: QTextDocument, heading_room_mm: float = 30, table_room_mm: float = 40) -> int:
    """Qt's rich text has no keep-with-next: move a heading, or a table, that starts too close to the
    bottom of a page onto the next page. Top to bottom, so each break only moves what follows it."""
    page_h = doc.pageSize().height()
    layout = doc.documentLayout()
    moved = 0
    block = doc.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        first_of_table = table is not None and table.cellAt(0, 0).firstCursorPosition().block() == block
        is_heading = block.blockFormat().headingLevel() in (2, 3) and table is None
        if is_heading or first_of_table:
            top = layout.blockBoundingRect(block).top()
            room = page_h - (top % page_h)
            if room < _mm(table_room_mm if first_of_table else heading_room_mm) and top % page_h > _mm(5):
                if first_of_table:
                    fmt = table.format()
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    table.setFormat(fmt)
                else:
                    fmt = block.blockFormat()
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(block).setBlockFormat(fmt)
                # Qt re-lays out only part of a document after a format change and leaves the rest with
                # zero-height blocks that never print (a blank page, lost headings): redo all that follows.
                doc.markContentsDirty(block.position(), doc.characterCount() - block.position())
                moved += 1
        block = block.next()
    return moved


def _anchor_pages(doc: QTextDocument, anchors: list[str]) -> dict[str, int]:
    page_height = doc.pageSize().height()
    layout = doc.documentLayout()
    pages: dict[str, int] = {}
    block = doc.begin()
    while block.isValid():
        fmt_anchor = None
        it = block.begin()
        while not it.atEnd():
            names = it.fragment().charFormat().anchorNames()
            if names:
                fmt_anchor = names[0]
                break
            it += 1
        if fmt_anchor in anchors and fmt_anchor not in pages:
            pages[fmt_anchor] = int(layout.blockBoundingRect(block).top() // page_height) + 1
        block = block.next()
    return pages


def export_handbook(schedule: Schedule, path: Path | str, options: HandbookOptions,
                    progress: Progress | None = None) -> int:
    """Write the PDF (atomically: a failure leaves any previous file whole); returns the number of pages."""
    report = progress or (lambda _p, _t: None)
    buffer = QBuffer()  # Qt writes to memory; finish_pdf replaces the file in one step
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    writer.setTitle(schedule.tour.title)
    writer.setCreator("研学行程 · Study-Tour Planner")
    writer.setDocumentXmpMetadata(QByteArray(_xmp(schedule.tour.title, options.print_date).encode("utf-8")))
    width = float(writer.width())
    options.image_width = int(width * 96 / RESOLUTION * 0.9)  # rich text sizes images in 1/96 in
    groups = [g.id for g in schedule.tour.groups if options.groups is None or g.id in options.groups]
    images = {}
    for i, gid in enumerate(groups):
        report(5 + 25 * i // max(1, len(groups)), gid)
        images[f"route-{gid}"] = _route_image(schedule, gid)
    report(35, "layout")
    anchors = section_anchors(schedule, options)
    first = _document(handbook_html(schedule, options), images, writer, width)
    keep_with_next(first)
    options.toc_pages = _anchor_pages(first, anchors)
    doc = _document(handbook_html(schedule, options), images, writer, width)
    keep_with_next(doc)
    report(55, "print")
    pages = doc.pageCount()
    _print(doc, writer, report)
    del writer  # ends the PDF
    finish_pdf(bytes(buffer.data()), [FONT_FAMILIES[0], FONT_FAMILIES[0] + ":bold"], options.print_date, path)
    report(100, "done")
    return pages


def _print(doc: QTextDocument, writer: QPdfWriter, report: Progress) -> None:
    page_h = doc.pageSize().height()
    count = doc.pageCount()
    painter = QPainter(writer)
    footer_font = QFont()
    footer_font.setFamilies(FONT_FAMILIES)
    footer_font.setPointSizeF(8.5)
    try:
        for page in range(count):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_h)
            doc.drawContents(painter, QRectF(0, page * page_h, doc.pageSize().width(), page_h))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(QRectF(0, writer.height() - _mm(FOOTER_MM) + _mm(2), writer.width(), _mm(5)),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                             f"第 {page + 1} 页 / 共 {count} 页")
            report(55 + 45 * (page + 1) // count, "print")
    finally:
        painter.end()


