"""`study-tour export-pdf`: the handbook from the command line (Qt without a window)."""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli import COMMANDS, EXIT_OK, EXIT_PROBLEMS
from planner.io.errors import PlannerError
from planner.io.fileformat import load_tour
from planner.render.export_commands import pick_groups
from planner.render.handbook import PARTICIPANT, STAFF, HandbookOptions
from planner.schedule.scheduler import schedule
from ui.exports.headless import headless_qt, print_date


def cmd_export_pdf(args: argparse.Namespace) -> int:
    date = print_date(args.print_date)  # bad arguments are refused before any work
    out = Path(args.output)
    if out.is_dir():
        raise PlannerError(f"{out}: 这是一个文件夹 (is a folder; name the PDF file to write)")
    if not out.parent.exists():
        raise PlannerError(f"{out}: cannot write (no folder {out.parent})")
    app = headless_qt()
    tour = load_tour(args.file)
    groups = pick_groups(tour, args.group, args.file)
    options = HandbookOptions(edition=args.edition, groups=groups, print_date=date, daily=args.daily)
    result = schedule(tour)
    from ui.exports.handbook_pdf import export_handbook

    if args.daily_only:
        from ui.exports.documents_pdf import export_daily

        export_daily(result, out, groups, args.edition, date)
    else:
        export_handbook(result, out, options)
    del app
    return EXIT_PROBLEMS if result.has_errors else EXIT_OK


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="tour file (*.tour.json)")
    p.add_argument("-o", "--output", required=True, help="the PDF to write")
    p.add_argument("--group", action="append", help="only this group (repeatable)")
    p.add_argument("--edition", choices=(STAFF, PARTICIPANT), default=STAFF,
                   help="staff: everything; participant: only the phones marked shared and emergency numbers, no problems list")
    daily = p.add_mutually_exclusive_group()
    daily.add_argument("--daily", action="store_true",
                       help="append the daily sheets (每日行程单), a page per group-day")
    daily.add_argument("--daily-only", action="store_true", help="print only the daily sheets, for the bus leaders")
    p.add_argument("--print-date", help="date printed on the cover (YYYY-MM-DD; default today)")


COMMANDS["export-pdf"] = ("print the itinerary handbook (行程手册) to PDF", _setup, cmd_export_pdf)
