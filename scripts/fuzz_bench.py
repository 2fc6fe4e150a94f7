"""The long version of the fuzz and fault tests (tests/planner/io/test_fuzz.py, test_kill_during_save.py).

Run: .venv/bin/python scripts/fuzz_bench.py [--inputs 10000] [--kills 200] [--seed 1]
Prints "N inputs, 0 crashes; M kills, 0 lost" (the README quotes it) and exits 1 if anything crashed or was
lost. A crash is any exception other than our one TourFileError, or a CLI run that does not exit 0, 1 or 2.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
import time
import traceback
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzzing import (CATALOGUE_SEEDS, TOUR_SEEDS, fuzzed_file, kill_during_saves,  # noqa: E402
                           random_pick, use_catalogue, use_tour)
from ui.cli import main as cli  # noqa: E402


def one_input(folder: Path, rng: random.Random) -> str:
    """'loaded' or 'refused'; raises on a crash."""
    pick = random_pick(rng)
    kind = rng.random()
    if kind < 0.2:
        path = folder / "x.sites.json"
        path.write_bytes(fuzzed_file(CATALOGUE_SEEDS[0], pick))
        return "loaded" if use_catalogue(path) else "refused"
    path = folder / "x.tour.json"
    path.write_bytes(fuzzed_file(pick.choice(TOUR_SEEDS), pick))
    if kind < 0.3:  # through the command line, as a script would
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            code = cli(["check", str(path)])
        if code not in (0, 1, 2):
            raise AssertionError(f"check exited {code}")
        return "refused" if code == 2 else "loaded"
    return "loaded" if use_tour(path) else "refused"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts = {"loaded": 0, "refused": 0}
    crashes: list[str] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.inputs):
            try:
                counts[one_input(Path(tmp), rng)] += 1
            except Exception:  # noqa: BLE001 — counting crashes is the point
                crashes.append(f"input {i}: " + traceback.format_exc().splitlines()[-1])
        fuzz_s = time.monotonic() - started
    with tempfile.TemporaryDirectory() as tmp:
        kills, problems, versions = kill_during_saves(Path(tmp), args.kills, rng)
    for line in crashes[:20] + problems[:20]:
        print(line)
    print(f"({counts['loaded']} opened, {counts['refused']} refused with a message, {fuzz_s:.0f} s; "
          f"{versions} versions kept after the kills)")
    print(f"{args.inputs} inputs, {len(crashes)} crashes; {kills} kills, {len(problems)} lost")
    return 1 if crashes or problems else 0


if __name__ == "__main__":
    sys.exit(main())
