"""Headless exports that need no Qt: `study-tour export-xlsx` and `export-ics`.

Each writes through the atomic writer: a crash or a full disk never leaves half a file behind.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from planner.cli import COMMANDS, EXIT_OK, EXIT_PROBLEMS
from planner.io.errors import PlannerError
from planner.io.atomic import atomic_write
from planner.io.fileformat import load_tour
from planner.model.tour import Tour
from planner.schedule.scheduler import schedule


def pick_groups(tour: Tour, wanted: list[str] | None, source: object) -> list[str] | None:
    """The groups asked for (None: all), or one message naming the unknown ones and the known ones."""
    if not wanted:
        return None
    unknown = [g for g in wanted if tour.group(g) is None]
    if unknown:
        known = ", ".join(f"{g.id} ({g.name})" for g in tour.groups)
        raise PlannerError(f"{source}: no group {', '.join(unknown)}; the tour has {known}")
    return list(wanted)


def write_output(path: Path, data: bytes | str) -> None:
    if not path.parent.is_dir():
        raise PlannerError(f"{path}: cannot write (no folder {path.parent})")
    atomic_write(path, data)  # raises FileWriteError, one clear message, the old file intact


def output_folder(path: Path) -> Path:
    if path.exists() and not path.is_dir():
        raise PlannerError(f"{path}: cannot write (it is a file, not a folder)")
    if not path.parent.is_dir():
        raise PlannerError(f"{path}: cannot write (no folder {path.parent})")
    path.mkdir(exist_ok=True)
    return path


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from planner.render.workbook import workbook_bytes

    tour = load_tour(args.file)
    groups = pick_groups(tour, args.group, args.file)
    result = schedule(tour)
    write_output(Path(args.output), workbook_bytes(result, groups, edition=args.edition))
    return EXIT_PROBLEMS if result.has_errors else EXIT_OK


def cmd_export_ics(args: argparse.Namespace) -> int:
    from planner.render.phone_calendar import calendar_files

    tour = load_tour(args.file)
    groups = pick_groups(tour, args.group, args.file)
    result = schedule(tour)
    folder = output_folder(Path(args.output))
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    for name, data in calendar_files(result, groups, stamp=stamp, edition=args.edition):
        write_output(folder / name, data)
    return EXIT_PROBLEMS if result.has_errors else EXIT_OK


def _common(p: argparse.ArgumentParser, output_help: str) -> None:
    p.add_argument("file", help="tour file (*.tour.json)")
    p.add_argument("-o", "--output", required=True, help=output_help)
    p.add_argument("--group", action="append", help="only this group (repeatable)")


def _setup_xlsx(p: argparse.ArgumentParser) -> None:
    _common(p, "the .xlsx file to write")
    p.add_argument("--edition", choices=("staff", "participant"), default="staff",
                   help="staff (default, for the office): with phones, rooms, seats; participant: without")


COMMANDS["export-xlsx"] = ("write the Excel workbook: overview, one sheet per group, roster, sites, problems",
                           _setup_xlsx, cmd_export_xlsx)
def _setup_ics(p: argparse.ArgumentParser) -> None:
    _common(p, "the folder for the .ics files (made if missing)")
    p.add_argument("--edition", choices=("staff", "participant"), default="participant",
                   help="participant (default: for everyone's phones): only phones marked shared; staff: all")


COMMANDS["export-ics"] = ("write one phone calendar (.ics) per group", _setup_ics, cmd_export_ics)
