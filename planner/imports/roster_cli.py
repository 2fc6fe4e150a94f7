"""`study-tour import-roster FILE TOUR [-o OUT] [--dry-run]`: participants from an .xlsx or CSV sheet into a tour.

Exit 0: every row in; 1: some rows refused (the rest imported); 2: the sheet or the tour is unusable.
The report names people but never prints their phone or ID numbers: it may end up in a chat or a ticket.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli import COMMANDS, EXIT_OK, EXIT_PROBLEMS
from planner.imports.roster import ROSTER_FIELDS, RosterImport, apply_roster, load_roster_table, prepare_roster
from planner.imports.report import REPORT_LINE
from planner.imports.sheet import column_letter
from planner.imports.table import MappingError
from planner.io.errors import PlannerError
from planner.io.fileformat import load_tour, save_tour
from planner.io.limits import safe_lines

_W = {
    "zh": {"add": "新增", "skip": "跳过", "replace": "替换", "refused": "拒绝", "ignored": "（忽略）",
           "dup": "名单中已有（{id}）", "row": "第 {n} 行", "none": "未分组",
           "head": "{file}：表头在第 {row} 行{enc}", "enc": "，编码 {e}", "cols": "列：", "sep": "；",
           "sum": "共 {n} 行：新增 {a}，替换 {r}，跳过 {s}，拒绝 {x}", "dry": "（试运行，未写入任何文件）"},
    "en": {"add": "add", "skip": "skip", "replace": "replace", "refused": "refused", "ignored": "(ignored)",
           "dup": "already on the roster ({id})", "row": "row {n}", "none": "no group",
           "head": "{file}: headers in row {row}{enc}", "enc": ", encoding {e}", "cols": "columns: ", "sep": "; ",
           "sum": "{n} rows: {a} added, {r} replaced, {s} skipped, {x} refused", "dry": "(dry run: nothing written)"},
}


def render_roster_report(imp: RosterImport, group_names: dict[str, str], written: bool, lang: str = "zh") -> str:
    w, t = _W[lang], imp.table
    labels = {f.key: f.label(lang) for f in ROSTER_FIELDS}
    columns = (f"{column_letter(i)} {h or '—'} → {labels.get(imp.mapping.get(i, ''), w['ignored'])}"
               for i, h in enumerate(t.headers))
    enc = w["enc"].format(e=t.encoding) if t.encoding else ""
    lines = [w["head"].format(file=t.source, row=t.header_row, enc=enc), w["cols"] + w["sep"].join(columns)]
    by_row: dict[int, str] = {}
    for r in imp.incoming:
        group = group_names.get(r.person.group or "", w["none"])
        dup = " " + w["dup"].format(id=r.duplicate.id) if r.duplicate else ""
        by_row[r.row] = f"{w[r.action]}  {r.person.name}（{group}）{dup}"
    for row in imp.refused:
        by_row[row] = w["refused"] + "  " + w["sep"].join(f"{e.cell} {e.text(lang)}" for e in imp.errors
                                                          if e.row == row)
    lines += [f"{w['row'].format(n=n)}  {by_row[n]}" for n in sorted(by_row)]
    count = {a: sum(1 for r in imp.incoming if r.action == a) for a in ("add", "replace", "skip")}
    lines.append(w["sum"].format(n=len(by_row), a=count["add"], r=count["replace"], s=count["skip"],
                                 x=len(imp.refused)))
    if not written:
        lines.append(w["dry"])
    # names and headers are the sheet author's text: a terminal escape in one is shown (\x1b), never obeyed
    return safe_lines("\n".join(lines), REPORT_LINE) + "\n"


def cmd_import_roster(args: argparse.Namespace) -> int:
    tour = load_tour(args.tour, lang=args.lang)
    table = load_roster_table(args.file, args.sheet)
    if not table.rows:
        raise PlannerError(f"{table.source}: 没有数据行 (no data rows)")
    try:
        imp = prepare_roster(table, tour, on_duplicate=args.on_duplicate)
    except MappingError as e:
        raise PlannerError(f"{table.source}: {e}") from None
    if not args.dry_run:
        tour.people = apply_roster(tour, imp.incoming)
        out = Path(args.output or args.tour)
        try:
            save_tour(tour, out)
        except PlannerError:
            raise  # a FileWriteError (also an OSError) names the file, why, and that the old one is intact
        except OSError as e:
            raise PlannerError(f"{out}: 无法写入 (cannot write: {e.strerror})") from None
    sys.stdout.write(render_roster_report(imp, {g.id: g.name for g in tour.groups}, not args.dry_run, args.lang))
    return EXIT_PROBLEMS if imp.refused else EXIT_OK


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="the roster sheet: .xlsx, or CSV in UTF-8 / UTF-8 with BOM / GBK / GB18030")
    p.add_argument("tour", help="the tour (*.tour.json) the participants join; saved in place unless -o")
    p.add_argument("-o", "--output", help="write the tour with its new roster here instead")
    p.add_argument("--sheet", help="the worksheet to read (default: the first)")
    p.add_argument("--on-duplicate", choices=("skip", "replace", "add"), default="skip",
                   help="a row for someone already on the roster (same ID number, or same name and phone)")
    p.add_argument("--dry-run", action="store_true", help="only check the sheet; write nothing")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")


COMMANDS["import-roster"] = ("import participants from an .xlsx or CSV roster into a tour", _setup,
                             cmd_import_roster)
