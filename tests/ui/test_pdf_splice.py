"""finish_pdf rewrites only the fonts and the document info; every other byte Qt wrote is copied as it is."""

import datetime as dt
import io
import re

from pypdf import PdfReader

from ui.exports.pdf_print import PdfTarget
from ui.exports.pdf_splice import splice, xref


def qt_pdf() -> bytes:
    target = PdfTarget("标题", dt.date(2025, 2, 20))
    html = "<h2>须知</h2><p>甲乙 Room 301</p>" + '<p style="page-break-after: always;">丙</p>丁'
    doc = target.document(html, "")
    target.print(doc, lambda _p, _t: None)
    return target.written("t.pdf")


def body(pdf: bytes, offsets: dict[int, int], table: int) -> dict[int, bytes]:
    """Each object's bytes, number → from its offset to the next object (or the table)."""
    order = sorted(offsets, key=offsets.__getitem__)
    ends = [offsets[n] for n in order[1:]] + [table]
    return {n: pdf[offsets[n]:end] for n, end in zip(order, ends)}


def test_a_replaced_object_is_written_anew_and_the_table_points_at_every_object(qapp):
    raw = qt_pdf()
    trailer = PdfReader(io.BytesIO(raw)).trailer
    info, root = trailer.raw_get("/Info").idnum, trailer.raw_get("/Root").idnum
    out = splice(raw, {info: b"<< /Title (spliced) >>"}, root, info)

    before, after = body(raw, *xref(raw)), body(out, *xref(out))
    assert sorted(before) == sorted(after) and len(before) > 10
    assert all(chunk.startswith(b"%d 0 obj" % n) for n, chunk in after.items())  # the table is right
    assert {n for n in before if before[n] != after[n]} == {info}
    reader = PdfReader(io.BytesIO(out), strict=True)
    assert reader.metadata.title == "spliced" and len(reader.pages) == 2
    assert "丁" in reader.pages[1].extract_text()
    fid = re.search(rb"/ID \[<([0-9a-f]{32})> <\1>\]", out)
    assert fid and splice(raw, {info: b"<< /Title (other) >>"}, root, info).count(fid.group(1)) == 0
