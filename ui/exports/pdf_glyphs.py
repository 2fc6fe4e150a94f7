"""Give back the characters of glyphs Qt leaves out of a PDF's ToUnicode map.

Qt maps each embedded glyph to text through the font's cmap. A glyph that shaping substituted is in no
cmap: Noto Sans CJK's `locl` feature swaps ASCII digits in a Latin run ("Room 301", "G1234次") for
proportional ones, so those codes had no text and copy/search dropped them although they print. The
embedded subset keeps no glyph names, so each such glyph is recognised by its advance and outline bounds
among the substitution targets of Latin and punctuation characters in the source font.
"""

from __future__ import annotations

import io
from functools import lru_cache

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from ui.exports.font_cache import remembered

FEATURES = ("ccmp", "locl", "rlig", "calt", "clig", "liga")  # on by default when text is shaped
TOLERANCE = 2.5  # font units; Qt rescales and rounds outlines when it embeds a subset
Shape = tuple[int, tuple[float, float, float, float]]


def _latin(cp: int) -> bool:
    return cp < 0x250 or 0x2000 <= cp < 0x2070


def _lookups(font: TTFont):
    gsub = font["GSUB"].table if "GSUB" in font else None
    if gsub is None or gsub.FeatureList is None:
        return
    wanted = {i for fr in gsub.FeatureList.FeatureRecord if fr.FeatureTag in FEATURES
              for i in fr.Feature.LookupListIndex}
    for index in sorted(wanted):
        lookup = gsub.LookupList.Lookup[index]
        for sub in lookup.SubTable:
            kind = lookup.LookupType
            if kind == 7:
                kind, sub = sub.ExtensionLookupType, sub.ExtSubTable
            yield kind, sub


@lru_cache(maxsize=8)
def substituted_shapes(path: str, index: int) -> tuple[int, dict[Shape, set[str]]]:
    """(units per em, shape → the texts whose substituted glyph has it) for one source font."""
    return remembered("shapes", path, index, lambda: _substituted_shapes(path, index), _encode, _decode)


def _encode(found: tuple[int, dict[Shape, set[str]]]) -> list:
    upem, shapes = found
    return [upem, [[width, list(bounds), sorted(texts)] for (width, bounds), texts in sorted(shapes.items())]]


def _decode(stored: list) -> tuple[int, dict[Shape, set[str]]]:
    upem, shapes = stored
    return int(upem), {(width, tuple(bounds)): set(texts) for width, bounds, texts in shapes}


def _substituted_shapes(path: str, index: int) -> tuple[int, dict[Shape, set[str]]]:
    font = TTFont(path, fontNumber=index, lazy=True)
    by_glyph: dict[str, str] = {}
    for cp, glyph in font.getBestCmap().items():
        if _latin(cp):
            by_glyph.setdefault(glyph, chr(cp))
    targets: dict[str, set[str]] = {}
    for kind, sub in _lookups(font):
        if kind == 1:
            for src, dst in sub.mapping.items():
                if src in by_glyph and dst not in by_glyph:
                    targets.setdefault(dst, set()).add(by_glyph[src])
        elif kind == 4:
            for first, ligatures in sub.ligatures.items():
                for lig in ligatures:
                    parts = [first, *lig.Component]
                    if all(p in by_glyph for p in parts) and lig.LigGlyph not in by_glyph:
                        targets.setdefault(lig.LigGlyph, set()).add("".join(by_glyph[p] for p in parts))
    glyphs = font.getGlyphSet()
    shapes: dict[Shape, set[str]] = {}
    for glyph, texts in targets.items():
        pen = BoundsPen(glyphs)
        glyphs[glyph].draw(pen)
        if pen.bounds is not None:
            shapes.setdefault((glyphs[glyph].width, pen.bounds), set()).update(texts)
    return font["head"].unitsPerEm, shapes


def postscript_name(path: str, index: int) -> str:
    return TTFont(path, fontNumber=index, lazy=True)["name"].getDebugName(6) or ""


def recover(subset: bytes, missing: set[int], source: tuple[str, int]) -> dict[int, str]:
    """code (= glyph index, Identity CIDToGIDMap) → text for the `missing` codes that can be recognised."""
    upem, shapes = substituted_shapes(*source)
    embedded = TTFont(io.BytesIO(subset))
    order = embedded.getGlyphOrder()
    scale = upem / embedded["head"].unitsPerEm
    found = {}
    for code in sorted(missing):
        if not 0 < code < len(order):
            continue
        glyph = embedded["glyf"][order[code]]
        if not hasattr(glyph, "xMin"):
            continue
        advance = embedded["hmtx"][order[code]][0] * scale
        box = tuple(v * scale for v in (glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax))
        texts = {t for (width, bounds), ts in shapes.items() if abs(width - advance) <= TOLERANCE
                 and all(abs(a - b) <= TOLERANCE for a, b in zip(bounds, box)) for t in ts}
        if len(texts) == 1:  # ambiguous shapes stay unmapped rather than guessed
            found[code] = texts.pop()
    return found
