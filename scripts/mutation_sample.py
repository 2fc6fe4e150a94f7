"""A fixed random sample of mutmut's mutants, for a score in minutes instead of hours.

Reads `mutmut results --all true` on stdin; prints `N` mutant names drawn with `SEED` (the same source
and seed give the same sample), then, with --open, only those of the sample not yet known to be killed:
the ones a run must (re)test. A random sample estimates the score of every mutant without bias; the
table gives its 95 % interval.
"""

from __future__ import annotations

import random
import sys

from mutation_table import KILLED, NAME


def main(argv: list[str]) -> int:
    open_only = "--open" in argv
    n, seed = (int(a) for a in [a for a in argv if a != "--open"][:2])
    status = {}
    for line in sys.stdin:
        m = NAME.match(line)
        if m:
            status[line.split(":")[0].strip()] = m["status"]
    chosen = random.Random(seed).sample(sorted(status), min(n, len(status)))
    for name in sorted(chosen):
        if not open_only or status[name] not in KILLED:
            print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
