"""`study-tour diff OLD NEW`: what changed. Exit 0 when the plans are the same, 1 when they differ (as diff(1)
does), 2 when a file is unusable. Optional outputs: the class's 变更通知 PDF and the host notices of the
sites whose visits changed (Qt is started only for those)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from planner.cli import COMMANDS, EXIT_OK, EXIT_PROBLEMS
from planner.diff.changes import compare
from planner.diff.report import render_json, render_text
from planner.io.errors import PlannerError
from planner.io.fileformat import load_tour


def cmd_diff(args: argparse.Namespace) -> int:
    diff = compare(load_tour(args.old), load_tour(args.new))
    if args.json:
        sys.stdout.write(json.dumps(render_json(diff), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(diff))
    if args.notice or args.host_notices:
        from planner.render.export_commands import output_folder
        from ui.exports.headless import headless_qt, print_date

        app = headless_qt()
        from ui.exports.documents_pdf import export_change_notice, export_notice_files

        if args.notice:
            out = Path(args.notice)
            if not out.parent.is_dir():
                raise PlannerError(f"{out}: cannot write (no folder {out.parent})")
            export_change_notice(diff, out, print_date(args.print_date))
        if args.host_notices and diff.sites_changed:
            sites = [sid for sid in diff.sites_changed if sid in _visited(diff)]
            if sites:
                export_notice_files(diff.new, output_folder(Path(args.host_notices)), sites, print_date(args.print_date))
        del app
    return EXIT_OK if diff.same else EXIT_PROBLEMS


def _visited(diff) -> set[str]:
    """Sites still visited in the new plan (a site dropped altogether gets a phone call, not a notice)."""
    from planner.render.site_visits import site_visits

    return set(site_visits(diff.new))


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("old", help="the earlier tour file")
    p.add_argument("new", help="the later tour file")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--notice", metavar="PDF", help="also print the one-page 变更通知 for the class")
    p.add_argument("--host-notices", metavar="DIR",
                   help="also re-issue the host notices (接待通知单) of the sites whose visits changed")
    p.add_argument("--print-date", help="date printed on the PDFs (YYYY-MM-DD; default today)")


COMMANDS["diff"] = ("what changed between two versions of a tour (exit 0 same, 1 different)", _setup, cmd_diff)
