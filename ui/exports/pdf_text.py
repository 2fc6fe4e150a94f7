"""Make the PDF's text layer give back the characters that were printed.

Qt writes each font's ToUnicode map from the font's cmap, taking the lowest code point that uses a glyph.
Noto Sans CJK draws 行 and the Kangxi radical ⾏ (U+2F8F) with one glyph, so copying "行程" from the PDF
gave "⾏程" (and "–" came back as "‒", "～" as "〜"). This rewrites those entries to the character the
glyph most likely stood for: the ideograph rather than the radical, the common dash rather than the rare.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import subprocess
import unicodedata
from functools import lru_cache
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import IndirectObject, NameObject, PdfObject, TextStringObject

from planner.io.atomic import atomic_write
from ui.exports.font_cache import remembered
from ui.exports.pdf_glyphs import postscript_name, recover
from ui.exports.pdf_splice import holders, serialize, splice

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0), range(0xF900, 0xFB00))
COMMON = (0x2013, 0xFF5E)  # en dash over figure dash, full-width tilde over wave dash
TOKEN = re.compile(r"<([0-9A-Fa-f]{4})>")
RANGE = re.compile(r"^\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def font_file(family: str) -> tuple[str, int] | None:
    """The file and face index fontconfig uses for `family`."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}\t%{index}", family], capture_output=True, text=True,
                             timeout=10, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    path, _, index = out.partition("\t")
    return (path, int(index or 0)) if path else None


@lru_cache(maxsize=8)
def preferred_map(path: str, index: int) -> dict[int, int]:
    """code point Qt will write (the lowest sharing a glyph) → the one that glyph should read as."""
    return remembered("preferred", path, index, lambda: _preferred_map(path, index),
                      lambda found: sorted(found.items()), lambda pairs: {int(a): int(b) for a, b in pairs})


def _preferred_map(path: str, index: int) -> dict[int, int]:
    from fontTools.ttLib import TTFont  # reading a cmap takes a fraction of a second

    cmap = TTFont(path, fontNumber=index, lazy=True).getBestCmap()
    by_glyph: dict[str, list[int]] = {}
    for cp, glyph in cmap.items():
        by_glyph.setdefault(glyph, []).append(cp)
    result = {}
    for cps in by_glyph.values():
        if len(cps) < 2:
            continue
        lowest = min(cps)
        ideographs = [c for c in cps if any(c in r for r in IDEOGRAPHS)]
        common = [c for c in cps if c in COMMON]
        pick = min(ideographs) if ideographs and lowest in RADICALS else (common[0] if common else lowest)
        if pick != lowest:
            result[lowest] = pick
    return result


def _fallback(cp: int) -> int:
    folded = unicodedata.normalize("NFKC", chr(cp))
    return ord(folded) if len(folded) == 1 else cp


def _fix_cmap(text: str, better: dict[int, int]) -> str:
    def dest(token: re.Match) -> str:
        cp = int(token.group(1), 16)
        if cp in better:
            return f"<{better[cp]:04X}>"
        return f"<{_fallback(cp):04X}>" if cp in RADICALS else token.group(0)

    lines = []
    section = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.endswith(("beginbfchar", "beginbfrange")):
            section = stripped.split()[-1]
        elif stripped in ("endbfchar", "endbfrange"):
            section = None
        elif section == "beginbfrange" and "[" in line:
            head, _, array = line.partition("[")
            line = head + "[" + TOKEN.sub(dest, array)
        elif section == "beginbfchar":
            tokens = TOKEN.findall(line)
            if len(tokens) == 2:
                line = f"<{tokens[0]}> " + TOKEN.sub(dest, f"<{tokens[1]}>")
        lines.append(line)
    return "\n".join(lines) + "\n"


def _covered(cmap: str) -> set[int]:
    """The codes a ToUnicode CMap gives text for."""
    codes: set[int] = set()
    section = None
    for line in cmap.splitlines():
        stripped = line.strip()
        if stripped.endswith(("beginbfchar", "beginbfrange")):
            section = stripped.split()[-1]
        elif stripped in ("endbfchar", "endbfrange"):
            section = None
        elif section and (m := RANGE.match(line)):
            first = int(m.group(1), 16)
            codes.update(range(first, int(m.group(2), 16) + 1) if section == "beginbfrange" else (first,))
    return codes


def _add_missing(cmap: str, font, sources: dict[str, tuple[str, int]]) -> str:
    """Add text for codes Qt left out (glyphs substituted by shaping; see pdf_glyphs)."""
    try:
        descendant = font["/DescendantFonts"][0].get_object()
        if str(descendant.get("/CIDToGIDMap", "/Identity")) != "/Identity":
            return cmap
        subset = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
    except (KeyError, IndexError, TypeError):
        return cmap
    name = str(font.get("/BaseFont", "")).lstrip("/")
    source = sources.get(name[7:] if len(name) > 7 and name[6] == "+" else name)
    if source is None:
        return cmap
    from fontTools.ttLib import TTFont

    count = TTFont(io.BytesIO(subset), lazy=True)["maxp"].numGlyphs
    found = recover(subset, set(range(1, count)) - _covered(cmap), source)
    if not found:
        return cmap
    entries = [f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>" for code, text in sorted(found.items())]
    blocks = "".join(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
                     for chunk in (entries[i:i + 100] for i in range(0, len(entries), 100)))
    head, sep, tail = cmap.rpartition("endcmap")
    return head + blocks + sep + tail if sep else cmap


def _tag(name: str) -> str:
    digest = hashlib.md5(name.encode("utf-8"), usedforsecurity=False).digest()
    return "".join(chr(ord("A") + b % 26) for b in digest[:6])


def _steady_subset_tag(font) -> None:
    """Qt names font subsets with a random tag (QYEAAA+…); derive it from the font name instead."""
    targets = [(font, "/BaseFont")]
    for descendant in font.get("/DescendantFonts", []):
        d = descendant.get_object()
        targets.append((d, "/BaseFont"))
        if "/FontDescriptor" in d:
            targets.append((d["/FontDescriptor"].get_object(), "/FontName"))
    for obj, key in targets:
        name = str(obj.get(key, ""))
        if len(name) > 8 and name[7] == "+":
            obj[NameObject(key)] = NameObject(f"/{_tag(name[8:])}+{name[8:]}")


def finish_pdf(pdf: bytes, families: list[str], stamp: dt.date, out: Path | str) -> int:
    """Fix the ToUnicode maps of the PDF Qt made (`pdf`), date it `stamp` and write it to `out` atomically
    (a full disk leaves the previous PDF whole and raises FileWriteError); returns how many fonts changed.

    Only the fonts and the document info are read and written again (pdf_splice). The same plan and print
    date give the same bytes: the file id is a digest of the content, not random, so a reprint can be
    compared with the last one.
    """
    better: dict[int, int] = {}
    sources: dict[str, tuple[str, int]] = {}
    for family in families:
        found = font_file(family)
        if found is not None:
            better.update(preferred_map(*found))
            sources[postscript_name(*found)] = found
    reader = PdfReader(io.BufferedReader(io.BytesIO(pdf)))  # a BytesIO itself pypdf would copy (getbuffer)
    touched: dict[int, PdfObject] = {}

    def keep(ref) -> PdfObject:
        obj = ref.get_object()
        if isinstance(ref, IndirectObject):
            touched[ref.idnum] = obj
        return obj

    changed = 0
    for ref in holders(pdf, reader, "/ToUnicode"):  # the fonts, without reading every page
        font = keep(ref)
        for descendant in font.get("/DescendantFonts", []):
            d = keep(descendant)
            if "/FontDescriptor" in d:
                keep(d.raw_get("/FontDescriptor"))
        _steady_subset_tag(font)
        stream = keep(font.raw_get("/ToUnicode"))
        old = stream.get_data().decode("latin-1")
        new = _add_missing(_fix_cmap(old, better), font, sources)
        if new != old:
            stream.set_data(new.encode("latin-1"))
            changed += 1
    info = reader.trailer.raw_get("/Info")
    when = TextStringObject(f"D:{stamp:%Y%m%d}000000Z")
    keep(info).update({NameObject("/CreationDate"): when, NameObject("/ModDate"): when})
    root = reader.trailer.raw_get("/Root")
    replaced = {number: serialize(obj) for number, obj in touched.items()}
    atomic_write(Path(out), splice(pdf, replaced, root.idnum, info.idnum))
    return changed
