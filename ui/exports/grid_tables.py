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

_COLLAPSE = re.compile(r"table\.grid\s*\{\s*border-collapse:\s*collapse;\s*\}")
_CELL_BORDER = re.compile(r"(table\.grid td, table\.grid th\s*\{[^}]*?)border:\s*([^;]+);")
_GRID = re.compile(r'<table class="grid"[^>]*>')
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_FIRST_CELL = re.compile(r"(<tr\b[^>]*>\s*)<(td|th)\b([^>]*)>")


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
    """The first row's cells get a top edge, every row's first cell a left one. Such a cell states all four
    edges inline: Qt draws none of the style sheet's edges around a cell with an inline style."""
    def edges(top: bool, left: bool) -> str:
        return (f"border-top: {line if top else '0px'}; border-left: {line if left else '0px'}; "
                f"border-right: {line}; border-bottom: {line};")

    first = _ROW.search(inner)
    before, head, rest = ("", "", inner) if first is None else (inner[:first.start()], first.group(0),
                                                                 inner[first.end():])
    cells = iter(range(len(head)))
    head = _CELL.sub(lambda m: _styled(m.group(1), m.group(2), edges(True, next(cells) == 0)), head)
    rest = _FIRST_CELL.sub(lambda m: m.group(1) + _styled(m.group(2), m.group(3), edges(False, True)), rest)
    return before + head + rest


def _styled(tag: str, attributes: str, declaration: str) -> str:
    """The cell's tag with `declaration` as its inline style. A cell with a style of its own is left as it was:
    Qt has never drawn the style sheet's edges around such a cell (the daily sheets' timeline), and the print
    must not change."""
    if 'style="' in attributes:
        return f"<{tag}{attributes}>"
    return f'<{tag}{attributes} style="{declaration}">'
