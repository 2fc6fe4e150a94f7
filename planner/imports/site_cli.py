"""`study-tour import-sites FILE [-o CATALOGUE] [--sheet NAME]`: exit 0 all rows in, 1 some refused, 2 unusable.

Without -o the file is only checked and nothing is written. Rows without coordinates are placed
offline at their county's centre; duplicates of catalogue sites are skipped unless
--on-duplicate says merge or add.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli import COMMANDS, EXIT_OK, EXIT_PROBLEMS
from planner.io.errors import PlannerError
from planner.io.fileformat import load_catalogue, save_catalogue
from planner.imports.report import render_report
from planner.imports.site_import import load_table, prepare
from planner.imports.site_merge import apply
from planner.imports.table import MappingError
from planner.model.site import Catalogue


def cmd_import_sites(args: argparse.Namespace) -> int:
    table = load_table(args.file, args.sheet)
    if not table.rows:
        raise PlannerError(f"{table.source}: 没有数据行 (no data rows)")
    out = Path(args.output) if args.output else None
    catalogue = load_catalogue(out, lang=args.lang) if out is not None and out.exists() else Catalogue()
    try:
        imp = prepare(table, catalogue)
    except MappingError as e:
        raise PlannerError(f"{table.source}: {e}") from None
    for inc in imp.incoming:
        if inc.duplicate is not None:
            inc.action = args.on_duplicate
    outcome = None
    if out is not None:
        outcome = apply(catalogue, imp.incoming)
        try:
            save_catalogue(outcome.catalogue, out)
        except PlannerError:
            raise  # a FileWriteError (also an OSError) names the file, why, and that the old one is intact
        except OSError as e:
            raise PlannerError(f"{out}: 无法写入 (cannot write: {e.strerror})") from None
    sys.stdout.write(render_report(imp, outcome, args.lang))
    return EXIT_PROBLEMS if imp.refused else EXIT_OK


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="the site sheet: .xlsx, or CSV in UTF-8 / UTF-8 with BOM / GBK / GB18030")
    p.add_argument("-o", "--output", help="the catalogue (*.sites.json) to add to; created if missing. "
                                          "Without it the sheet is only checked")
    p.add_argument("--sheet", help="the worksheet to read (default: the first)")
    p.add_argument("--on-duplicate", choices=("skip", "merge", "add"), default="skip",
                   help="a row matching a catalogue site (same name and county, or within 100 m)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")


COMMANDS["import-sites"] = ("import teaching sites from an .xlsx or CSV sheet into a catalogue", _setup,
                            cmd_import_sites)
