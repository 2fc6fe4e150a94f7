"""Headless subcommands of `study-tour` (check, …). Exit codes: 0 fine, 1 errors found, 2 unusable input."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from planner.io.errors import PlannerError, TourFileError
from planner.io.fileformat import load_tour
from planner.io.limits import safe_lines, safe_text
from planner.render.report import render_json, render_text
from planner.schedule.scheduler import schedule

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


def cmd_check(args: argparse.Namespace) -> int:
    tour = load_tour(args.file, lang=args.lang)
    result = schedule(tour)
    if args.json:
        sys.stdout.write(json.dumps(render_json(result, args.lang), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(safe_lines(render_text(result, args.lang)))  # names from the file: escapes shown
    return EXIT_PROBLEMS if result.has_errors else EXIT_OK


COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[..., int]]] = {}
"""name -> (help, argument setup, runner); map and PDF exports register here too."""


def _setup_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="tour file (*.tour.json)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")


COMMANDS["check"] = ("check a tour: timelines, totals and problems", _setup_check, cmd_check)


def cmd_export_map(args: argparse.Namespace) -> int:
    from planner.io.atomic import atomic_write
    from planner.render.map_html import render_html
    from planner.render.routes import Scope, build_route_map

    tour = load_tour(args.file)
    if args.group is not None and tour.group(args.group) is None:
        known = ", ".join(f"{g.id} ({g.name})" for g in tour.groups)
        raise PlannerError(f"{args.file}: no group '{args.group}'; the tour has {known}")
    result = schedule(tour)
    key = args.tianditu_key or os.environ.get("STUDY_TOUR_TIANDITU_KEY", "")
    page = render_html(build_route_map(result, Scope(args.group)), args.tiles, key, args.lang)
    atomic_write(Path(args.output), page)  # FileWriteError (a PlannerError) says what went wrong
    return EXIT_PROBLEMS if result.has_errors else EXIT_OK


def _setup_export_map(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="tour file (*.tour.json)")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write (opens offline)")
    p.add_argument("--group", help="only this group (its id, e.g. g2)")
    p.add_argument("--tiles", choices=("none", "osm", "gaode", "tianditu"), default="none",
                   help="base map: none (offline), OpenStreetMap, 高德 (GCJ-02), 天地图")
    p.add_argument("--tianditu-key", default="", help="your 天地图 key (or STUDY_TOUR_TIANDITU_KEY)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")


COMMANDS["export-map"] = ("write a standalone HTML map of every group's route", _setup_export_map,
                          cmd_export_map)

from planner.imports import site_cli  # noqa: E402,F401  (registers import-sites; needs COMMANDS above)
from planner.imports import roster_cli  # noqa: E402,F401  (registers import-roster)
from planner.solve import plan_cli  # noqa: E402,F401  (registers plan)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="study-tour", description="研学行程 · Study-Tour Planner")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, setup, _) in COMMANDS.items():
        setup(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def looks_like_command(arg: str) -> bool:
    """A misspelt subcommand ("chek") gets argparse's "invalid choice" and exit 2 instead of a window
    trying to open a file of that name; anything that exists or looks like a path still opens the window."""
    return re.fullmatch(r"[a-z][a-z0-9-]*", arg) is not None and not Path(arg).exists()


def run_command(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(list(argv))
    _, _, run = COMMANDS[args.command]
    try:
        return run(args)
    except TourFileError as e:
        sys.stderr.write(f"study-tour {args.command}: {e.describe()}\n")
        return EXIT_UNUSABLE
    except PlannerError as e:
        sys.stderr.write(f"study-tour {args.command}: {safe_text(str(e))}\n")
        return EXIT_UNUSABLE
    except OSError as e:  # a file a command reads or writes on its own (fonts, an output stream)
        where = f"{e.filename}: " if e.filename else ""
        sys.stderr.write(f"study-tour {args.command}: {safe_text(where + (e.strerror or str(e)))}\n")
        return EXIT_UNUSABLE
