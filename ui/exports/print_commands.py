"""`study-tour export-notices` and `export-images`: Qt prints without a window (offscreen platform).

Importing this module also registers `diff` (ui/exports/diff_command.py), so ui/cli.py names one module.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from planner.cli import COMMANDS, EXIT_OK, EXIT_PROBLEMS
from planner.io.errors import PlannerError
from planner.io.fileformat import load_tour
from planner.render.export_commands import output_folder, pick_groups
from planner.render.notices import host_sites
from planner.schedule.scheduler import Schedule, schedule
from ui.exports.headless import headless_qt, print_date


def _pick_sites(result: Schedule, wanted: list[str] | None, source: object) -> list[str] | None:
    if not wanted:
        return None
    hosts = host_sites(result)
    unknown = [w for w in wanted if w not in hosts]
    if unknown:
        raise PlannerError(f"{source}: no group visits {', '.join(unknown)}; host sites are "
                           + ", ".join(f"{sid} ({result.tour.site(sid).name})" for sid in hosts))
    return list(wanted)


def cmd_export_notices(args: argparse.Namespace) -> int:
    app = headless_qt()
    result = schedule(load_tour(args.file))
    sites = _pick_sites(result, args.site, args.file)
    if not host_sites(result):
        raise PlannerError(f"{args.file}: no group visits a host site yet, so there is no notice to print")
    out = Path(args.output)
    from ui.exports.documents_pdf import export_notice_files, export_notices

    if args.each:
        export_notice_files(result, output_folder(out), sites, print_date(args.print_date))
    else:
        if not out.parent.is_dir():
            raise PlannerError(f"{out}: cannot write (no folder {out.parent})")
        export_notices(result, out, sites, print_date(args.print_date))
    del app
    return EXIT_PROBLEMS if result.has_errors else EXIT_OK


def _setup_notices(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="tour file (*.tour.json)")
    p.add_argument("-o", "--output", required=True, help="the PDF to write (with --each: a folder)")
    p.add_argument("--site", action="append", help="only this host site (its id; repeatable)")
    p.add_argument("--each", action="store_true", help="one PDF per host site in the folder -o")
    p.add_argument("--print-date", help="date printed on the notices (YYYY-MM-DD; default today)")


COMMANDS["export-notices"] = ("print the host notices (接待通知单), one page per host site", _setup_notices,
                              cmd_export_notices)


def cmd_export_images(args: argparse.Namespace) -> int:
    app = headless_qt()
    tour = load_tour(args.file)
    groups = pick_groups(tour, args.group, args.file)
    result = schedule(tour)
    folder = output_folder(Path(args.output))
    from ui.exports.share_image import export_images

    export_images(result, folder, groups, by_day=args.by_day, edition=args.edition)
    del app
    return EXIT_PROBLEMS if result.has_errors else EXIT_OK


def _setup_images(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="tour file (*.tour.json)")
    p.add_argument("-o", "--output", required=True, help="the folder for the PNG images (made if missing)")
    p.add_argument("--group", action="append", help="only this group (repeatable)")
    p.add_argument("--by-day", action="store_true", help="one image per group-day instead of the whole route")
    p.add_argument("--edition", choices=("staff", "participant"), default="participant",
                   help="participant (default, for sharing): only the phones marked shared; staff: every phone")


COMMANDS["export-images"] = ("paint phone images (1080 px wide PNG, for WeChat) of each group's route or days",
                             _setup_images, cmd_export_images)


from ui.exports import diff_command  # noqa: E402,F401  (registers `diff`; it reuses the helpers above)
