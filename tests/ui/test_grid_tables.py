"""Ruled tables print without border-collapse but with the same lines: each drawn once, where it was."""

import datetime as dt

import numpy as np

from planner.render.handbook import CSS
from tests.ui.pdf_helpers import page_pixels
from ui.exports.grid_tables import uncollapsed
from ui.exports.pdf_print import print_html

LINE = "1px solid #8a949e"
TABLE = ('<table class="grid" width="100%" cellspacing="0"><thead><tr><th>时间</th><th>内容</th></tr></thead>'
         '<tr><td style="color: #555;">08:00</td><td>报到</td></tr><tr><td>09:00</td><td class="leg">乘车</td></tr>'
         '</table>')


def test_the_style_sheet_loses_collapse_and_cells_draw_their_right_and_bottom_edges():
    _, css = uncollapsed(TABLE, CSS)
    assert "border-collapse" not in css
    assert (f"table.grid td, table.grid th {{ border-top: 0px; border-left: 0px; border-right: {LINE}; "
            f"border-bottom: {LINE}; padding: 3px; vertical-align: top; }}") in css


def test_the_first_row_gets_its_top_edge_and_every_rows_first_cell_its_left_edge_unless_it_has_its_own_style():
    html, _ = uncollapsed('<p>x</p>' + TABLE + '<table width="100%"><tr><td>目录</td></tr></table>', CSS)
    corner = f"border-top: {LINE}; border-left: {LINE}; border-right: {LINE}; border-bottom: {LINE};"
    top = f"border-top: {LINE}; border-left: 0px; border-right: {LINE}; border-bottom: {LINE};"
    left = f"border-top: 0px; border-left: {LINE}; border-right: {LINE}; border-bottom: {LINE};"
    assert html == ('<p>x</p><table class="grid" width="100%" cellspacing="0"><thead>'
                    f'<tr><th style="{corner}">时间</th><th style="{top}">内容</th></tr></thead>'
                    '<tr><td style="color: #555;">08:00</td><td>报到</td></tr>'
                    f'<tr><td style="{left}">09:00</td><td class="leg">乘车</td></tr></table>'
                    '<table width="100%"><tr><td>目录</td></tr></table>')  # a table without rules: as it was


OWN = "white-space: nowrap; border: 1px solid #8a949e; padding: 3px;"
ROSTER = ('<table class="grid" width="100%" cellspacing="0"><thead><tr><th>分组</th><th>车辆</th></tr></thead>'
          f'<tr><td>第一组</td><td style="{OWN}">浙A·大巴1号</td></tr>'
          f'<tr><td>第二组</td><td style="{OWN}">浙A·大巴2号</td></tr></table>')


def test_a_cell_naming_its_own_border_gets_its_edges_instead_in_its_own_line():
    """The roster tables give a cell its border inline (Qt drops the sheet's edges of a styled cell): drawn
    whole in a plain table it would double every line it shares."""
    html, _ = uncollapsed(ROSTER, CSS)
    own = ("white-space: nowrap; border-top: 0px; border-left: 0px; border-right: 1px solid #8a949e; "
           "border-bottom: 1px solid #8a949e; padding: 3px;")
    assert html.count(f'<td style="{own}">') == 2 and "border: 1px" not in html


def test_a_style_sheet_without_a_collapsed_grid_prints_as_it_is():
    plain = "table.grid td { border: 1px solid #000; }"
    assert uncollapsed(TABLE, plain) == (TABLE, plain)
    assert uncollapsed(TABLE, CSS.replace("border: 1px solid #8a949e;", "")) == \
        (TABLE, CSS.replace("border: 1px solid #8a949e;", ""))


def _rules(pdf, dpi=300):
    """Where the table's lines run: the columns and rows of the page where most pixels are the rule's grey."""
    pixels = page_pixels(pdf, 1, dpi).astype(int)
    grey = (np.abs(pixels - np.array([0x8a, 0x94, 0x9e])).max(axis=2) <= 12)
    return np.flatnonzero(grey.sum(axis=0) > 300).tolist(), np.flatnonzero(grey.sum(axis=1) > 1000).tolist()


def test_the_printed_lines_are_where_collapsed_borders_put_them(qapp, tmp_path):
    """Qt's own collapsed table (a style sheet the rewriting does not recognise) against the rewritten one."""
    table = (TABLE.replace("<tr><td", '<tr><td width="30%"', 1) + "<p>下一张</p>") * 2 \
        + ROSTER.replace("<th>分组", '<th width="30%">分组', 1) + "<p>下一张</p>"
    native = CSS.replace("table.grid { border-collapse: collapse; }", "table.grid { border-collapse: collapse }")
    for name, css in (("native", native), ("rewritten", CSS)):
        print_html(tmp_path / f"{name}.pdf", table, css, "t", dt.date(2025, 2, 20))
    (x_native, y_native), (x_ours, y_ours) = _rules(tmp_path / "native.pdf"), _rules(tmp_path / "rewritten.pdf")
    assert len(_runs(x_ours)) == 3 and len(_runs(y_ours)) == 12  # 3 vertical lines; 4 rules in each table
    for ours, native in ((x_ours, x_native), (y_ours, y_native)):
        assert len(_runs(ours)) == len(_runs(native))
        for (a, b), (c, d) in zip(_runs(ours), _runs(native)):
            assert abs(a - c) <= 3 and abs(b - d) <= 3 and b - a <= d - c + 1  # in place (300 dpi), never doubled


def _runs(indexes: list[int]) -> list[tuple[int, int]]:
    """Consecutive indexes as (first, last) runs: a line of several pixels is one run."""
    runs: list[tuple[int, int]] = []
    for i in indexes:
        if runs and i == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs
