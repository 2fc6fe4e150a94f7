"""Per-module mutation score from `mutmut results --all true` on stdin; the total is the last line.

Score = killed / (killed + survived + no tests + suspicious). A timeout counts as killed (the mutant
made the tests hang, which they notice); "not checked" and "skipped" mutants are left out and counted.
`--only FILE` counts only the mutants named in FILE (a sample, scripts/mutation_sample.py) and adds the
total's 95 % interval (Wilson) as an estimate of the score of all mutants.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict

KILLED = {"killed", "timeout", "caught by type check", "segfault"}
LIVE = {"survived", "no tests", "suspicious"}
NAME = re.compile(r"^\s*(?P<module>[\w.]+?)\.x(?:_|ǁ)\S*__mutmut_\d+: (?P<status>.+?)\s*$")


def main(argv: list[str]) -> int:
    only = set(open(argv[1], encoding="utf-8").read().split()) if argv[:1] == ["--only"] else None
    by_module: dict[str, Counter] = defaultdict(Counter)
    for line in sys.stdin:
        m = NAME.match(line)
        if m and (only is None or line.split(":")[0].strip() in only):
            by_module[m["module"]][m["status"]] += 1
    rows = []
    total = Counter()
    for module in sorted(by_module):
        c = by_module[module]
        total.update(c)
        rows.append((module, c))
    width = max([len(r[0]) for r in rows] + [6])
    print(f"{'module':<{width}}  mutants  killed  survived  unchecked  score")
    for module, c in rows:
        print(_row(module, c, width))
    print(_row("TOTAL", total, width) + (_interval(total) if only is not None else ""))
    return 0


def _interval(c: Counter) -> str:
    """95 % Wilson interval of the killed share, for a sample's total."""
    killed = sum(c[s] for s in KILLED)
    n = killed + sum(c[s] for s in LIVE)
    if not n:
        return ""
    p, z = killed / n, 1.96
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return f"  (95 % interval {100 * (centre - half):.1f}–{100 * (centre + half):.1f} %)"


def _row(name: str, c: Counter, width: int) -> str:
    killed = sum(c[s] for s in KILLED)
    live = sum(c[s] for s in LIVE)
    unchecked = sum(c.values()) - killed - live
    score = f"{100 * killed / (killed + live):5.1f} %" if killed + live else "    –"
    return f"{name:<{width}}  {sum(c.values()):7d}  {killed:6d}  {live:8d}  {unchecked:9d}  {score}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
