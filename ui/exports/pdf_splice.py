"""Replace a few objects of a PDF and copy every other byte as it is.

finish_pdf changes only the fonts and the document info of the PDF Qt wrote. Parsing and rewriting the
whole file with pypdf (a 650-page handbook: 11 MB, thousands of objects, every page's content unpacked)
cost a second and 170 MB; this reads only the objects it is given and rebuilds the cross-reference table.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import re

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, PdfObject

STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
SUBSECTION = re.compile(rb"(\d+) (\d+)[ \t]*\r?\n")
ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")


def xref(pdf: bytes) -> tuple[dict[int, int], int]:
    """(object number → offset of the objects in use, offset of the table) from the one classic
    cross-reference table at the end of the file (what Qt writes). ValueError for anything else."""
    found = STARTXREF.search(pdf[-64:])
    if found is None:
        raise ValueError("no startxref at the end of the PDF")
    at = int(found.group(1))
    if not pdf.startswith(b"xref", at):
        raise ValueError("the PDF has no classic cross-reference table")
    pos = at + 4
    while pdf[pos:pos + 1] in (b"\r", b"\n", b" "):
        pos += 1
    offsets = {}
    while (head := SUBSECTION.match(pdf, pos)) is not None:
        first, count = int(head.group(1)), int(head.group(2))
        pos = head.end()
        for number in range(first, first + count):
            entry = ENTRY.match(pdf, pos)
            if entry is None:
                raise ValueError(f"cross-reference entry {number} unreadable")
            if entry.group(3) == b"n":
                offsets[number] = int(entry.group(1))
            pos += 20
    if not pdf.startswith(b"trailer", pos) or not offsets:
        raise ValueError("cross-reference table unreadable")
    return offsets, at


def holders(pdf: bytes, reader: PdfReader, key: str) -> list[IndirectObject]:
    """The dictionaries that have `key` referring to an object (e.g. the fonts with a ToUnicode map), found by
    searching the bytes: only the objects a match falls in are read, and each is checked to really hold it."""
    offsets, _ = xref(pdf)
    starts = sorted((offset, number) for number, offset in offsets.items())
    positions = [offset for offset, _ in starts]
    found: dict[int, IndirectObject] = {}
    for match in re.finditer(re.escape(key.encode("ascii")) + rb"\s+\d+\s+\d+\s+R", pdf):
        at = bisect.bisect_right(positions, match.start()) - 1
        number = starts[at][1] if at >= 0 else None
        if number is None or number in found:
            continue
        ref = IndirectObject(number, 0, reader)
        obj = ref.get_object()
        if isinstance(obj, DictionaryObject) and isinstance(obj.raw_get(key) if key in obj else None,
                                                            IndirectObject):
            found[number] = ref
    return list(found.values())


def serialize(obj: PdfObject) -> bytes:
    out = io.BytesIO()
    obj.write_to_stream(out)
    return out.getvalue()


def splice(pdf: bytes, replaced: dict[int, bytes], root: int, info: int) -> bytes:
    """`pdf` with the objects in `replaced` (number → its serialized value) written anew, a new table and
    trailer, and the file id a digest of the objects: the same content gives the same bytes."""
    offsets, table = xref(pdf)
    order = sorted(offsets, key=offsets.__getitem__)
    ends = {number: offsets[after] for number, after in zip(order, order[1:])}
    if order:
        ends[order[-1]] = table
    view = memoryview(pdf)  # slices of it copy nothing: only the joined file is new memory
    parts = [view[:offsets[order[0]]]]
    size = len(parts[0])
    digest = hashlib.md5(usedforsecurity=False)
    where = {}
    for number in order:
        if number in replaced:
            chunk = b"%d 0 obj\n%s\nendobj\n" % (number, replaced[number])
        else:
            chunk = view[offsets[number]:ends[number]]
        where[number] = size
        size += len(chunk)
        parts.append(chunk)
        digest.update(chunk)
    count = max(offsets) + 1
    rows = [b"%010d 00000 n \n" % where[n] if n in where else b"0000000000 65535 f \n" for n in range(count)]
    fid = digest.hexdigest().encode("ascii")
    parts.append(b"xref\n0 %d\n" % count + b"".join(rows))
    parts.append(b"trailer\n<<\n/Size %d\n/Info %d 0 R\n/Root %d 0 R\n/ID [<%s> <%s>]\n>>\nstartxref\n%d\n%%%%EOF\n"
                 % (count, info, root, fid, fid, size))
    return b"".join(parts)
