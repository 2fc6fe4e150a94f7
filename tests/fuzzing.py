"""Structure-aware mutations of the sample files, for the fuzz tests and scripts/fuzz_bench.py.

A mutation picks a place in the parsed document (any object, list or value) and breaks it the way real
files break: a value of the wrong type or an absurd size, a hostile string, a missing or unknown field, a
duplicated element, a value moved from elsewhere; or damages the text itself (cut short, a byte flipped,
deep brackets, a number too large to be a float). The choices come from `Pick`, so the same code runs on
hypothesis draws (which shrink failures) and on a seeded random.Random (the long benchmark).
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any, Callable, Sequence

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
TOUR_SEEDS = sorted(SEEDS.glob("*.tour.json"))
CATALOGUE_SEEDS = sorted(SEEDS.glob("*.sites.json"))

HOSTILE: list[Any] = [
    None, True, False, 0, -1, 1, 59, 1440, 10**15, -(10**15), 0.35, 0.9999, 1.5, -0.0, 5e-324, 1e308, -1e308,
    "", " ", "x" * 250, "名" * 201, "<b>粗</b><img src=x>", "\x1b[2J\x1b[31m红", "\u202etxet", "\x00", "\ud800",
    "25:00", "08:60", "8:00", "08:30:15", "0.35", "2025-02-30", "0001-01-01", "9999-12-31", "2025-02-24",
    "hotel", "g1", "Room 301", "#zzzzzz", "#ff0000", "visit", "transfer", "rail", [], {}, [[]], {"a": 1},
    [1, "x", None], {"start": "09:00", "end": "08:00"}, {"start": 0.375, "end": 0.7},
]
RAW_NUMBERS = ["1e999", "-1e999", "NaN", "Infinity", "9" * 4301, "1" * 19, "-0", "1E+400"]


class Pick:
    """The source of choices; subclasses draw from hypothesis or random.Random."""

    def __init__(self, integer: Callable[[int, int], int]):
        self.integer = integer

    def choice(self, items: Sequence[Any]) -> Any:
        return items[self.integer(0, len(items) - 1)]


def random_pick(rng: random.Random) -> Pick:
    return Pick(rng.randint)


def hypothesis_pick(data) -> Pick:
    from hypothesis import strategies as st

    return Pick(lambda lo, hi: data.draw(st.integers(lo, hi)))


def _places(node: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _places(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _places(v, path + (i,))
    return found


def _get(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _set(doc: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    _get(doc, path[:-1])[path[-1]] = value
    return doc


def mutate_doc(doc: Any, pick: Pick) -> Any:
    doc = copy.deepcopy(doc)
    places = _places(doc)
    path = pick.choice(places)
    target = _get(doc, path)
    action = pick.integer(0, 9)
    if action >= 7:                                   # odd but plausible: must load and then work
        return _set(doc, path, _plausible(target, pick))
    if action == 0:                                   # a hostile value
        return _set(doc, path, copy.deepcopy(pick.choice(HOSTILE)))
    if action == 1 and path:                          # a field or element removed
        del _get(doc, path[:-1])[path[-1]]
        return doc
    if action == 2 and isinstance(target, list) and target:   # an element repeated
        target.append(copy.deepcopy(pick.choice(target)))
        return doc
    if action == 3 and isinstance(target, dict):      # an unknown field
        target[pick.choice(["extra", "name", "id", "minutes", "\ud800"])] = pick.choice(HOSTILE)
        return doc
    if action == 4:                                   # a value from elsewhere in the file
        return _set(doc, path, copy.deepcopy(_get(doc, pick.choice(places))))
    if action == 5 and isinstance(target, str):       # a string grown or cut
        return _set(doc, path, target * pick.integer(2, 60) if pick.integer(0, 1) else target[: len(target) // 2])
    if action == 6 and isinstance(target, (int, float)) and not isinstance(target, bool):
        return _set(doc, path, pick.choice([target * 10**6, -target, target / 10**6, target + 0.5]))
    return _set(doc, path, copy.deepcopy(pick.choice(HOSTILE)))


def _plausible(value: Any, pick: Pick) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return pick.choice([0, 1, value + 1, max(0, value - 1), 59, 240, 1440])
    if isinstance(value, float):
        return pick.choice([0.0, value * 1.01, value + 0.001, round(value, 1)])
    if isinstance(value, str) and len(value) == 5 and value[2] == ":":
        return f"{pick.integer(0, 23):02d}:{pick.integer(0, 59):02d}"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return f"{value[:8]}{pick.integer(1, 28):02d}"
    if isinstance(value, str):
        return pick.choice([value + " ", value.upper(), value[::-1], value + "·二"])
    if isinstance(value, list) and len(value) > 1:
        i, j = pick.integer(0, len(value) - 1), pick.integer(0, len(value) - 1)
        value[i], value[j] = value[j], value[i]
    return value


def mutate_text(text: str, pick: Pick) -> str:
    """Damage the serialized text: what a crash of another program, a bad copy or a hand edit leaves."""
    action = pick.integer(0, 4)
    at = pick.integer(0, max(0, len(text) - 1))
    if action == 0:
        return text[:at]
    if action == 1:
        return text[:at] + chr(pick.integer(0, 0x10FFFF) if pick.integer(0, 1) else pick.integer(0, 127)) + text[at + 1:]
    if action == 2:
        depth = pick.choice([10, 63, 65, 1000, 100_000])
        return text[:at] + "[" * depth + "]" * depth + text[at:]
    if action == 3:
        number = pick.choice(RAW_NUMBERS)
        return text.replace(": 30", ": " + number, 1) if ": 30" in text else number
    return text[:at] + pick.choice(["\\ud800", "\\u0000", '"', "}", ",", "\\"]) + text[at:]


def fuzzed_file(seed: Path, pick: Pick) -> bytes:
    """One mutated version of a sample file, as the bytes a user might open."""
    doc = json.loads(seed.read_text(encoding="utf-8"))
    for _ in range(pick.choice([1, 1, 1, 2, 2, 3, 5])):
        doc = mutate_doc(doc, pick)
    try:
        text = json.dumps(doc, ensure_ascii=pick.integer(0, 1) == 1, indent=pick.choice([None, 2]))
    except (TypeError, ValueError):
        text = "{}"
    if pick.integer(0, 5) == 0:
        text = mutate_text(text, pick)
    return text.encode("utf-8", errors="surrogatepass")


def use_tour(path: Path) -> bool:
    """Open as the app does; a tour that opens must check, report and save back to the same content.
    Returns whether it opened; anything but our TourFileError propagates (a crash)."""
    from planner.io.errors import TourFileError
    from planner.io.fileformat import load_tour, tour_to_json
    from planner.render.report import render_json, render_text
    from planner.schedule.scheduler import schedule

    try:
        tour = load_tour(path)
    except TourFileError as e:
        assert e.describe()
        return False
    result = schedule(tour)
    render_text(result, "zh")
    render_json(result, "en")
    again = path.with_name("again.tour.json")
    again.write_text(tour_to_json(tour), encoding="utf-8")
    assert load_tour(again) == tour
    return True


def use_catalogue(path: Path) -> bool:
    from planner.io.errors import TourFileError
    from planner.io.fileformat import SITES_FORMAT, dump_document, load_catalogue

    try:
        catalogue = load_catalogue(path)
    except TourFileError as e:
        assert e.describe()
        return False
    assert dump_document(catalogue, SITES_FORMAT)
    return True


def kill_during_saves(folder: Path, kills: int, rng: random.Random) -> tuple[int, list[str], int]:
    """Start a process saving two tours in turn to one file, SIGKILL it at a random moment, `kills` times.
    Returns (kills, problems, versions kept): each problem a file (the tour or a version) that was neither
    complete tour."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from planner.io.atomic import sweep_stale_temps
    from planner.io.versions import list_versions

    root = Path(__file__).resolve().parents[1]
    a, b = folder / "a.json", folder / "b.json"
    a.write_bytes(TOUR_SEEDS[0].read_bytes())
    b.write_bytes(TOUR_SEEDS[-1].read_bytes())
    complete = {a.read_bytes(), b.read_bytes()}
    target = folder / "plan.tour.json"
    target.write_bytes(a.read_bytes())
    problems: list[str] = []
    env = dict(os.environ, PYTHONPATH=str(root))
    for _ in range(kills):
        child = subprocess.Popen([sys.executable, "-m", "tests.save_loop", str(target), str(a), str(b)],
                                 stdout=subprocess.PIPE, cwd=root, env=env)
        assert child.stdout is not None
        if child.stdout.readline() != b"ready\n":
            problems.append(f"the saving process did not start (exit {child.wait()})")
            break
        for _ in range(rng.randint(0, 2)):  # let a few saves finish, then kill at a random moment
            child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.03))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        for path in [target, *(v.path for v in list_versions(target))]:
            if path.read_bytes() not in complete:
                problems.append(f"{path.name}: {path.stat().st_size} bytes, neither tour")
    versions = list_versions(target)
    if len(versions) > 10:
        problems.append(f"{len(versions)} versions kept")
    sweep_stale_temps(folder, older_than_s=-1)  # the temp files kills left behind are ours and swept
    left = sorted(p.name for p in folder.iterdir())
    if not set(left) <= {"a.json", "b.json", "plan.tour.json", "plan.tour.json.versions"}:
        problems.append(f"left behind: {left}")
    return kills, problems, len(versions)
