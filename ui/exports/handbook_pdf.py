"""Print the handbook to PDF: Qt's rich-text engine on a QPdfWriter, A4, fonts embedded, page numbers.

Two layout passes: the first finds the page of every section for the contents, the second prints.
Works in any thread (no widgets), so the window can export without freezing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat

from planner.render.handbook import CSS, HandbookOptions, handbook_html, section_anchors
from planner.render.routes import Scope
from planner.schedule.scheduler import Schedule
from ui.exports.pdf_print import RESOLUTION, PdfTarget, Progress
from ui.exports.pdf_print import mm as _mm
from ui.exports.route_image import route_image


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
    target = PdfTarget(schedule.tour.title, options.print_date)  # in memory; finish() replaces the file at once
    width = target.width
    options.image_width = int(width * 96 / RESOLUTION * 0.9)  # rich text sizes images in 1/96 in
    groups = [g.id for g in schedule.tour.groups if options.groups is None or g.id in options.groups]
    images = {}
    for i, gid in enumerate(groups):
        report(5 + 25 * i // max(1, len(groups)), gid)
        images[f"route-{gid}"] = route_image(schedule, Scope(gid))
    report(35, "layout")
    anchors = section_anchors(schedule, options)
    first = target.document(handbook_html(schedule, options), CSS, images)
    keep_with_next(first)
    options.toc_pages = _anchor_pages(first, anchors)
    doc = target.document(handbook_html(schedule, options), CSS, images)
    keep_with_next(doc)
    report(55, "print")
    pages = target.print(doc, report)
    target.finish(path)
    report(100, "done")
    return pages
