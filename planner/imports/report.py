"""The row-by-row report of a site import, as `study-tour import-sites` prints it."""

from __future__ import annotations

from planner.imports.site_import import SiteImport
from planner.io.limits import safe_lines
from planner.imports.site_merge import Incoming, Outcome
from planner.imports.sheet import column_letter
from planner.imports.sites import SITE_FIELDS

REPORT_LINE = 2000  # characters: a row's every reason fits; a runaway cell does not flood the terminal

_WORDS = {
    "zh": {"add": "新增", "merge": "合并", "skip": "跳过", "refused": "拒绝", "ignored": "（忽略）",
           "located": "按区县中心定位", "dup": "与 “{name}”（{id}）重复", "row": "第 {n} 行",
           "head": "{file}{sheet}：表头在第 {row} 行{enc}", "sheet": "（工作表 {s}）", "enc": "，编码 {e}",
           "cols": "列：", "sum": "共 {n} 行：新增 {a}，合并 {m}，跳过 {s}，拒绝 {r}",
           "dry": "（未指定 -o，未写入任何文件）", "sep": "；"},
    "en": {"add": "add", "merge": "merge", "skip": "skip", "refused": "refused", "ignored": "(ignored)",
           "located": "placed at the county centre", "dup": "duplicate of '{name}' ({id})", "row": "row {n}",
           "head": "{file}{sheet}: headers in row {row}{enc}", "sheet": " (sheet {s})", "enc": ", encoding {e}",
           "cols": "columns: ", "sum": "{n} rows: {a} added, {m} merged, {s} skipped, {r} refused",
           "dry": "(no -o given: nothing was written)", "sep": "; "},
}


def render_report(imp: SiteImport, outcome: Outcome | None, lang: str = "zh") -> str:
    w = _WORDS[lang]
    t = imp.table
    labels = {f.key: f.label(lang) for f in SITE_FIELDS}
    lines = [w["head"].format(file=t.source, sheet=w["sheet"].format(s=t.sheet) if t.sheet else "",
                              row=t.header_row, enc=w["enc"].format(e=t.encoding) if t.encoding else "")]
    lines.append(w["cols"] + w["sep"].join(
        f"{column_letter(i)} {h or '—'} → {labels.get(imp.mapping.get(i, ''), w['ignored'])}"
        for i, h in enumerate(t.headers)))
    by_row: dict[int, str] = {i.row: _incoming(i, w) for i in imp.incoming}
    for row in imp.refused:
        reasons = w["sep"].join(f"{e.cell} {e.text(lang)}" for e in imp.errors if e.row == row)
        by_row[row] = f"{w['refused']}  {reasons}"
    for row in sorted(by_row):
        lines.append(f"{w['row'].format(n=row)}  {by_row[row]}")
    counts = {a: sum(1 for i in imp.incoming if i.action == a) for a in ("add", "merge", "skip")}
    lines.append(w["sum"].format(n=len(by_row), a=counts["add"], m=counts["merge"], s=counts["skip"],
                                 r=len(imp.refused)))
    if outcome is None:
        lines.append(w["dry"])
    # cells are the sheet author's text: a terminal escape in one is shown (\x1b), never obeyed
    return safe_lines("\n".join(lines), REPORT_LINE) + "\n"


def _incoming(i: Incoming, w: dict[str, str]) -> str:
    s = i.site
    where = f"{s.province}{s.city if s.city != s.province else ''}{s.county}"
    parts = [f"{w[i.action]}  {s.name}", f"({where})" if where else ""]
    if i.located:
        parts.append(w["located"])
    if i.duplicate is not None:
        parts.append(w["dup"].format(name=i.duplicate.name, id=i.duplicate.id))
    return " ".join(p for p in parts if p)
