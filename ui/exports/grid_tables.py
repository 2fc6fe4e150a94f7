"""Ruled tables (`table.grid`) printed without `border-collapse`: the same lines at half the cost.

Qt lays out and paints a collapsed-border table two to three times slower than a plain one (each edge
is settled between the cells that share it); on a big handbook that was seconds. The look is kept:
every cell draws only its right and bottom edge, and the cells of the first row and the first column
add the top and the left one, so every line is drawn once at the width the style sheet gives. The
HTML and CSS from planner/render stay standard (a browser shows them as they are); only the copy
given to Qt's printer is rewritten.
"""

from __future__ import annotations

import re
from itertools import count

_COLLAPSE = re.compile(r"table\.grid\s*\{\s*border-collapse:\s*collapse;\s*\}")
_CELL_BORDER = re.compile(r"(table\.grid td, table\.grid th\s*\{[^}]*?)border:\s*([^;]+);")
_GRID = re.compile(r'<table class="grid"[^>]*>')
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_OWN_BORDER = re.compile(r"(?<![\w-])border:([^;\"]*);?")


def uncollapsed(html: str, css: str) -> tuple[str, str]:
    """The HTML and CSS to print; unchanged when the CSS has no collapsed grid of one border for all sides."""
    found = _CELL_BORDER.search(css)
    if not _COLLAPSE.search(css) or found is None:
        return html, css
    line = found.group(2).strip()
    css = _COLLAPSE.sub("", css)
    css = _CELL_BORDER.sub(lambda m: f"{m.group(1)}border-top: 0px; border-left: 0px; border-right: {line}; "
                                     f"border-bottom: {line};", css, count=1)
    return _edged(html, line), css


def _edged(html: str, line: str) -> str:
    out, at = [], 0
    for table in _GRID.finditer(html):
        end = html.find("</table>", table.end())
        if end < 0:
            break
        out += [html[at:table.end()], _table(html[table.end():end], line)]
        at = end
    out.append(html[at:])
    return "".join(out)


def _table(inner: str, line: str) -> str:
    """Every cell's edges: right and bottom from the style sheet, the first row's top and each row's first
    cell's left inline. A cell with an inline style gets none of the style sheet's edges from Qt, so one that
    names its own border (`border: …`, as the roster tables do) has it replaced by its edges here, in its own
    colour and width; one that names none stays without (as Qt always printed it: the daily sheets)."""
    rows = count()

    def row(match: re.Match) -> str:
        top = next(rows) == 0
        cells = count()
        return _CELL.sub(lambda c: _cell(c.group(1), c.group(2), top, next(cells) == 0, line), match.group(0))

    return _ROW.sub(row, inner)


def _edges(line: str, top: bool, left: bool) -> str:
    return (f"border-top: {line if top else '0px'}; border-left: {line if left else '0px'}; "
            f"border-right: {line}; border-bottom: {line};")


def _cell(tag: str, attributes: str, top: bool, left: bool, line: str) -> str:
    if 'style="' not in attributes:
        return f'<{tag}{attributes} style="{_edges(line, top, left)}">' if top or left else f"<{tag}{attributes}>"
    own = _OWN_BORDER.search(attributes)
    if own is None:
        return f"<{tag}{attributes}>"
    return f"<{tag}{attributes[:own.start()]}{_edges(own.group(1).strip(), top, left)}{attributes[own.end():]}>"
