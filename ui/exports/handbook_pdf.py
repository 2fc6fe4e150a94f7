"""Print the handbook to PDF: Qt's rich-text engine on a QPdfWriter, A4, fonts embedded, page numbers.

The body (all after the contents) is laid out first and alone: the page of every section is then known and
the cover and contents, a document of their own, are laid out with the numbers. One layout of the body, and
no edit of it afterwards. Route maps are painted as vectors when their page prints (vector_maps).
Works in any thread (no widgets), so the window can export without freezing.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from planner.render.handbook import CSS, HandbookOptions, handbook_body, handbook_front, handbook_sections
from planner.render.route_svg import route_svg
from planner.render.routes import Scope, build_route_map
from planner.schedule.scheduler import Schedule
from ui.exports.pdf_print import RESOLUTION, PdfTarget, Progress, cycle_collection_paused, give_back_freed_memory
from ui.exports.pdf_print import mm as _mm
from ui.exports.vector_maps import VectorMapsDocument

MAP_WIDTH, MAP_HEIGHT = 720, 480  # the SVG's own size: its strokes and names are sized for it


def _candidates(doc: QTextDocument) -> list[tuple[QTextBlock, QTextTable | None]]:
    """Headings (h2, h3) outside tables and the first block of every top-level table, top to bottom.
    Tables come from the frame tree: asking every block for its table cost seconds on a big handbook."""
    tables = sorted(((f.firstPosition(), f.lastPosition(), f) for f in doc.rootFrame().childFrames()
                     if isinstance(f, QTextTable)), key=lambda t: t[0])
    found: list[tuple[QTextBlock, QTextTable | None]] = []
    t = 0
    block = doc.begin()
    while block.isValid():
        pos = block.position()
        while t < len(tables) and tables[t][1] < pos:
            t += 1
        if t < len(tables) and tables[t][0] <= pos:  # inside a table: only its first block counts
            found.append((block, tables[t][2]))
            block = doc.findBlock(tables[t][1]).next()
            t += 1
            continue
        if block.blockFormat().headingLevel() in (2, 3):
            found.append((block, None))
        block = block.next()
    return found


def _break_before(block: QTextBlock, table: QTextTable | None) -> None:
    fmt = table.format() if table is not None else block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    if table is not None:
        table.setFormat(fmt)
    else:
        QTextCursor(block).setBlockFormat(fmt)


def _has_break(block: QTextBlock, table: QTextTable | None) -> bool:
    fmt = table.format() if table is not None else block.blockFormat()
    return bool(fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def keep_with_next(doc: QTextDocument, heading_room_mm: float = 30, table_room_mm: float = 40,
                   known: list[int] | None = None, rounds: int = 8) -> list[int]:
    """Qt's rich text has no keep-with-next: move a heading, or a table, that starts too close to the
    bottom of a page onto the next page. Returns the indexes (among headings and tables) that got a break;
    `known` applies an earlier run's breaks first (the same HTML but for page numbers).

    All breaks of a round are decided from one layout and applied in one edit, then one relayout checks
    them: breaking and relaying out one at a time cost the whole rest of the document per break (pages²).
    Each break puts its block at a page top, so what follows is predicted by shifting it as much."""
    page_h = doc.pageSize().height()
    layout = doc.documentLayout()
    cands = _candidates(doc)
    broken = sorted(i for i in (known or []) if i < len(cands))
    todo = broken
    for _ in range(rounds):
        if todo:
            cursor = QTextCursor(doc)
            cursor.beginEditBlock()
            for i in todo:
                _break_before(*cands[i])
            cursor.endEditBlock()
            # The edit re-lays out its span (first to last break). Qt re-lays out only part of what follows
            # a format change and leaves the rest with zero-height blocks that never print (a blank page,
            # lost headings): redo all that follows the last break.
            last = cands[todo[-1]][0].position()
            doc.markContentsDirty(last, doc.characterCount() - last)
        todo, shift = [], 0.0
        for i, (block, table) in enumerate(cands):
            top = layout.blockBoundingRect(block).top()
            if _has_break(block, table):
                shift = 0.0  # already starts a page: what follows is where the layout says
                continue
            offset = (top + shift) % page_h
            if page_h - offset < _mm(table_room_mm if table is not None else heading_room_mm) \
                    and offset > _mm(5):
                todo.append(i)
                shift += page_h - offset
        if not todo:
            break
        broken = sorted(broken + todo)
    return broken


def _anchor_blocks(doc: QTextDocument, anchors: list[str]) -> dict[str, QTextBlock]:
    """The first heading that carries each of `anchors` (section anchors sit in headings: only those are read,
    not the fragments of every table cell)."""
    found: dict[str, QTextBlock] = {}
    block = doc.begin()
    while block.isValid():
        if not block.blockFormat().headingLevel():
            block = block.next()
            continue
        it = block.begin()
        while not it.atEnd():
            names = it.fragment().charFormat().anchorNames()
            if names:
                if names[0] in anchors and names[0] not in found:
                    found[names[0]] = block
                break
            it += 1
        block = block.next()
    return found


def _anchor_pages(doc: QTextDocument, anchors: list[str]) -> dict[str, int]:
    page_height = doc.pageSize().height()
    layout = doc.documentLayout()
    return {anchor: int(layout.blockBoundingRect(block).top() // page_height) + 1
            for anchor, block in _anchor_blocks(doc, anchors).items()}


def export_handbook(schedule: Schedule, path: Path | str, options: HandbookOptions,
                    progress: Progress | None = None) -> int:
    """Write the PDF (atomically: a failure leaves any previous file whole); returns the number of pages."""
    groups = [g.id for g in schedule.tour.groups if options.groups is None or g.id in options.groups]
    maps = {f"route-{gid}": partial(_route_svg, schedule, gid) for gid in groups}
    with cycle_collection_paused():
        return _export(schedule, path, options, maps, progress or (lambda _p, _t: None))


def _route_svg(schedule: Schedule, group_id: str) -> str:
    return route_svg(build_route_map(schedule, Scope(group_id)), MAP_WIDTH, MAP_HEIGHT)


def _export(schedule: Schedule, path: Path | str, options: HandbookOptions, maps: dict, report: Progress) -> int:
    target = PdfTarget(schedule.tour.title, options.print_date)  # finish() replaces the file at once
    options.image_width = int(target.width * 96 / RESOLUTION * 0.9)  # rich text sizes images in 1/96 in
    report(5, "layout")
    sections = handbook_sections(schedule, options)
    anchors = [anchor for anchor, _ in sections]
    options.toc_pages = None
    body = target.document(handbook_body(schedule, options), CSS, doc=VectorMapsDocument(maps))
    keep_with_next(body)
    report(45, "layout")
    pages = _anchor_pages(body, anchors)
    front, before = None, -1
    for _ in range(3):  # the cover and contents' page count, with the numbers it makes: the same at once
        options.toc_pages = {anchor: page + max(before, 0) for anchor, page in pages.items()}
        front = target.document(handbook_front(schedule, options, sections), CSS)
        if front.pageCount() == before:
            break
        before = front.pageCount()
    report(50, "print")
    count = target.print([front, body], report, 50)
    body.raise_failure()  # a map that failed to draw fails the export: no handbook goes out without it
    del front, body  # the layout before finish() reads the whole PDF back: a lower peak
    give_back_freed_memory()
    target.finish(path)
    report(100, "done")
    return count
