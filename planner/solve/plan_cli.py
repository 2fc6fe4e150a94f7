"""`study-tour plan FILE -o OUT [--groups …] [--time-limit S] [--repair] [--seed N] [--json]`.

Exit 0: the written plan has no errors (and covers every required topic); 1: errors or uncovered topics
remain (listed); 2: unusable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from planner.cli import COMMANDS, EXIT_OK, EXIT_PROBLEMS
from planner.io.errors import PlannerError
from planner.io.fileformat import load_tour, save_tour
from planner.io.limits import safe_text
from planner.render.report import render_json
from planner.solve.request import load_request


def cmd_plan(args: argparse.Namespace) -> int:
    from planner.solve.runner import run  # OR-Tools loads only for this command, not for every `study-tour`

    if not 0 < args.time_limit <= 3600:
        raise PlannerError(f"--time-limit {args.time_limit}: give seconds between 0 and 3600")
    folder = Path(args.output).resolve().parent
    if not folder.is_dir():  # say so before searching, not after
        raise PlannerError(f"{args.output}: 文件夹不存在 (no folder {folder})")
    tour = load_tour(args.file, lang=args.lang)
    groups = [g for part in args.groups or [] for g in part.split(",") if g]
    request = load_request(args.request, tour) if args.request else None
    if request is not None and args.repair:
        raise PlannerError("--request is for planning; --repair keeps the tour's own visits")
    out = run(tour, groups or None, args.repair, args.time_limit, args.seed, request=request)
    save_tour(out.tour, args.output)
    errors = out.errors(out.after)
    before, after = out.travel_minutes
    summary = {
        "errors_before": len(out.errors(out.before)), "errors_after": len(errors),
        "changed_activities": out.changed_activities, "travel_minutes_before": before,
        "travel_minutes_after": after, "kept_original": out.kept_original,
        "search": out.plan.stopped if out.plan else ("not needed" if not out.errors(out.before) else "no plan found"),
        "seconds": round(out.plan.seconds, 1) if out.plan else None,
        "stranded_activities": out.stranded,
        "uncovered_topics": [{"group": g, "topic": t} for g, t in out.uncovered],
    }
    if args.json:
        doc = {**summary, "check": render_json(out.after, args.lang)}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        zh = args.lang == "zh"
        sys.stdout.write((f"错误 {summary['errors_before']} → {len(errors)}；改动 {out.changed_activities} 项；"
                          f"车程 {before} → {after} 分钟；已写入 {args.output}\n") if zh else
                         (f"errors {summary['errors_before']} → {len(errors)}; {out.changed_activities} "
                          f"activities changed; driving {before} → {after} min; written to {args.output}\n"))
        if out.kept_original and summary["errors_before"] == 0:
            sys.stdout.write("没有需要修复的错误，行程未改动\n" if zh else "no errors to repair; the tour is unchanged\n")
        elif out.kept_original:
            sys.stdout.write("未找到错误更少的方案，保留原行程\n" if zh else
                             "no plan with fewer errors was found; the tour is kept as it was\n")
        for p in errors:
            sys.stdout.write(f"  {p.message(args.lang)}\n")
        sites = out.tour.site_index()
        for aid in out.stranded:  # why an error stays: no day the plan may use has the site open
            act = next((a for g in out.tour.groups for d in g.days for a in d.activities if a.id == aid), None)
            name = safe_text(sites[act.site].name) if act is not None and act.site in sites else aid
            sys.stdout.write(f"  {name}：该组可安排的日子里此处均不开放\n" if zh else
                             f"  {name}: closed on every day this group can be planned\n")
        for gid, topic in out.uncovered:  # a required topic no open site on the group's days could give
            name = safe_text(out.tour.group(gid).name)
            sys.stdout.write(f"  {name}：未能覆盖必选主题「{topic}」（可安排的日子里没有可放入的此主题现场）\n" if zh
                             else f"  {name}: required topic '{topic}' not covered (no site with it fits the "
                                  "group's days)\n")
    return EXIT_PROBLEMS if errors or out.uncovered else EXIT_OK


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="tour file (*.tour.json)")
    p.add_argument("-o", "--output", required=True, help="where to write the planned tour")
    p.add_argument("--groups", nargs="+", help="only these groups (ids, e.g. g1 g2 or g1,g2)")
    p.add_argument("--time-limit", type=float, default=10.0, help="seconds of search (default 10)")
    p.add_argument("--repair", action="store_true", help="change as little as possible to remove errors")
    p.add_argument("--request", help="plan request (JSON): shared/per-group pools with priorities, "
                                     "required topics, balance; see the README's Auto-plan section")
    p.add_argument("--seed", type=int, default=0, help="search seed: the same seed, the same plan")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")


COMMANDS["plan"] = ("auto-plan a tour's visits into days (or --repair its errors)", _setup, cmd_plan)
