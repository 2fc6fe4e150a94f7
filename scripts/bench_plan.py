"""Auto-plan quality on published TOPTW instances: score, gap to best-known, time, per route count.

    nice -n 10 .venv/bin/python scripts/bench_plan.py [--routes 1 2 3 4] [--time-limit 10] [INSTANCE …]

Wall seconds depend on the machine's load; CPU seconds (this process, the solver included) much less.
Feeds /work/shared/bench/toptw (or --data) through planner/solve/toptw.py to the same solver core the
app uses, re-checks every plan from scratch, and prints one row per instance and route count.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.solve.cpsat import Options, solve  # noqa: E402
from planner.solve.toptw import check, instance, read_points  # noqa: E402

DEFAULT_DATA = Path("/work/shared/bench/toptw")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("instances", nargs="*", help="e.g. c101 r105 (default: all)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--routes", type=int, nargs="+", default=[1, 2, 3, 4])
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    known = {(r["instance"], int(r["routes"])): int(r["score"])
             for r in csv.DictReader((args.data / "best_known.csv").open())}
    names = args.instances or sorted(p.stem for p in args.data.glob("*.txt"))
    print(f"{'instance':9} {'m':>2} {'score':>6} {'best':>6} {'gap %':>6} {'sec':>6} {'cpu s':>6}  end")
    wall = time.monotonic()
    for m in args.routes:
        gaps, secs, cpus, scores = [], [], [], []
        for name in names:
            inst = instance(read_points(args.data / f"{name}.txt"), m)
            t0, c0 = time.monotonic(), time.process_time()
            plan = solve(inst, Options(time_limit=args.time_limit, seed=args.seed))
            sec, cpu = time.monotonic() - t0, time.process_time() - c0
            score = check(inst, plan) if plan is not None else 0
            scores.append(score)
            best = known.get((name, m))
            gap = "" if best is None else f"{100 * (best - score) / best:6.2f}"
            if best is not None:
                gaps.append(100 * (best - score) / best)
            secs.append(sec)
            cpus.append(cpu)
            print(f"{name:9} {m:>2} {score:>6} {best if best else '-':>6} {gap:>6} {sec:6.1f} {cpu:6.1f}  "
                  f"{plan.stopped if plan else 'none'}", flush=True)
        if gaps:
            print(f"# m={m}: mean gap {statistics.mean(gaps):.2f} %, worst {max(gaps):.2f} % over {len(gaps)} "
                  f"with best-known; slowest {max(secs):.1f} s wall, {max(cpus):.1f} s CPU", flush=True)
        else:
            print(f"# m={m}: mean score {statistics.mean(scores):.1f}; slowest {max(secs):.1f} s wall, "
                  f"{max(cpus):.1f} s CPU", flush=True)
    print(f"# wall time {time.monotonic() - wall:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
