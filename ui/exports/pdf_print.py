"""Print rich text (HTML from planner/render) to an A4 PDF: the one printing path every PDF export shares.

Qt's rich-text engine lays the pages out at the printer's resolution; each page gets a centred footer;
the file is written to memory and handed to finish_pdf, which fixes the text layer and replaces the
target in one step. Works in any thread (no widgets), so the window can export without freezing.
"""

from __future__ import annotations

import ctypes
import gc
import datetime as dt
import logging
import tempfile
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QByteArray, QFile, QFileDevice, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from planner.io.atomic import FileWriteError
from ui.exports.grid_tables import uncollapsed
from ui.exports.pdf_text import finish_pdf

# fontTools warns about the CJK font's 1904-epoch timestamps each time the text layer is fixed; harmless, but
# it reached the terminal of every PDF command as two lines of noise.
logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)

RESOLUTION = 300           # dpi of the PDF's layout units (text stays vector; images are sampled at this)
MARGINS_MM = QMarginsF(16, 14, 16, 16)
FOOTER_MM = 8
FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei"]
EMBEDDED = [FONT_FAMILIES[0], FONT_FAMILIES[0] + ":bold"]
Progress = Callable[[int, str], None]


@contextmanager
def cycle_collection_paused():
    """Python's cycle collector walked the whole schedule again and again while the layout made thousands of
    short-lived Qt wrappers (3–4 % of a big export); what an export makes has no cycles that need it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def give_back_freed_memory() -> None:
    """Hand the heap a freed layout leaves behind back to the system (glibc keeps it otherwise): the PDF's
    final copies are then made in that room instead of on top of it. Does nothing where there is no glibc."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def mm(value: float) -> float:
    return value / 25.4 * RESOLUTION


def cjk_font(points: float) -> QFont:
    font = QFont()
    # Name the Simplified-Chinese family: fontconfig would pick the Japanese Noto CJK variant.
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    return font


def xmp(title: str, date: dt.date) -> str:
    """Our own XMP packet, dated by the print date (Qt's would carry the current time and a random id)."""
    stamp = f"{date.isoformat()}T00:00:00Z"
    return ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
            f'xmp:CreateDate="{stamp}" xmp:ModifyDate="{stamp}" xmp:CreatorTool="Study-Tour Planner">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>'
            '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')


class PdfTarget:
    """A QPdfWriter, A4, titled and dated; `finish` writes the file atomically.

    Qt writes to an anonymous temporary file (gone when closed, even after a crash), not to memory: a big
    handbook's 11 MB PDF then never sits in memory beside its layout; finish() reads it once that is freed."""

    def __init__(self, title: str, print_date: dt.date):
        self.spool = tempfile.TemporaryFile(prefix="study-tour-", suffix=".pdf")
        self.file = QFile()
        if not self.file.open(self.spool.fileno(), QIODevice.OpenModeFlag.WriteOnly,
                              QFileDevice.FileHandleFlag.DontCloseHandle):
            self.spool.close()
            raise OSError(f"{self.spool.name}: {self.file.errorString()}")
        self.print_date = print_date
        self.writer = QPdfWriter(self.file)
        self.writer.setResolution(RESOLUTION)
        self.writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                              QPageLayout.Orientation.Portrait, MARGINS_MM,
                                              QPageLayout.Unit.Millimeter))
        self.writer.setTitle(title)
        self.writer.setCreator("研学行程 · Study-Tour Planner")
        self.writer.setDocumentXmpMetadata(QByteArray(xmp(title, print_date).encode("utf-8")))

    @property
    def width(self) -> float:
        return float(self.writer.width())

    def document(self, html: str, css: str, images: dict[str, QImage] | None = None,
                 points: float = 10, doc: QTextDocument | None = None) -> QTextDocument:
        """`doc`: an empty document to fill (e.g. one that makes its images when printed)."""
        doc = doc if doc is not None else QTextDocument()
        html, css = uncollapsed(html, css)
        doc.documentLayout().setPaintDevice(self.writer)  # font metrics at the printer's resolution
        doc.setDefaultFont(cjk_font(points))
        doc.setDefaultStyleSheet(css)
        for name, image in (images or {}).items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        doc.setHtml(html)
        doc.setPageSize(QSizeF(self.width, self.writer.height() - mm(FOOTER_MM)))
        return doc

    def print(self, docs: QTextDocument | list[QTextDocument], report: Progress, first: int = 55,
              last: int = 100) -> int:
        """Paint every page with its footer, the documents one after another with the pages numbered on;
        returns the page count."""
        docs = docs if isinstance(docs, list) else [docs]
        writer = self.writer
        count = sum(doc.pageCount() for doc in docs)
        painter = QPainter(writer)
        footer_font = cjk_font(8.5)
        number = 0
        try:
            for doc in docs:
                page_h = doc.pageSize().height()
                for page in range(doc.pageCount()):
                    if number:
                        writer.newPage()
                    painter.save()
                    painter.translate(0, -page * page_h)
                    doc.drawContents(painter, QRectF(0, page * page_h, doc.pageSize().width(), page_h))
                    painter.restore()
                    painter.setFont(footer_font)
                    painter.setPen(Qt.GlobalColor.darkGray)
                    number += 1
                    painter.drawText(QRectF(0, writer.height() - mm(FOOTER_MM) + mm(2), writer.width(), mm(5)),
                                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                                     f"第 {number} 页 / 共 {count} 页")
                    report(first + (last - first) * number // count, "print")
        finally:
            painter.end()
        return count

    def finish(self, path: Path | str) -> None:
        finish_pdf(self.written(path), EMBEDDED, self.print_date, path)

    def written(self, path: Path | str) -> bytes:
        """End the PDF and return what Qt wrote (`path`, the file it is for, names a failure)."""
        del self.writer
        self.file.close()
        with self.spool:
            if self.file.error() != QFileDevice.FileError.NoError:  # e.g. no room left for the temporary file
                raise FileWriteError(path, self.file.errorString())
            self.spool.seek(0)
            return self.spool.read()


def print_html(path: Path | str, html: str, css: str, title: str, print_date: dt.date,
               progress: Progress | None = None, points: float = 10,
               images: dict[str, QImage] | None = None) -> int:
    """One layout pass, then print: notices, daily sheets, change notices. Returns the page count."""
    report = progress or (lambda _p, _t: None)
    target = PdfTarget(title, print_date)
    report(10, "layout")
    doc = target.document(html, css, images, points)
    pages = target.print(doc, report, 30, 95)
    target.finish(path)
    report(100, "done")
    return pages
