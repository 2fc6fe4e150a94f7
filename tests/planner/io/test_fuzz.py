"""Fuzzing the loaders and the CLI with mutated sample files: every input loads (and then works everywhere)
or is refused with our one error type; the CLI exits 0, 1 or 2 and never raises. Bounded to a few seconds;
scripts/fuzz_bench.py runs the long version."""

import io
from contextlib import redirect_stderr, redirect_stdout

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import CATALOGUE_SEEDS, TOUR_SEEDS, fuzzed_file, hypothesis_pick, use_catalogue, use_tour
from ui.cli import main

FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FAST
@given(data=st.data())
def test_mutated_tours_load_or_are_refused_cleanly(tmp_path_factory, data):
    pick = hypothesis_pick(data)
    path = tmp_path_factory.mktemp("fuzz") / "x.tour.json"
    path.write_bytes(fuzzed_file(pick.choice(TOUR_SEEDS), pick))
    use_tour(path)


@settings(FAST, max_examples=40)  # the catalogue sample is the largest file
@given(data=st.data())
def test_mutated_catalogues_load_or_are_refused_cleanly(tmp_path_factory, data):
    pick = hypothesis_pick(data)
    path = tmp_path_factory.mktemp("fuzz") / "x.sites.json"
    path.write_bytes(fuzzed_file(CATALOGUE_SEEDS[0], pick))
    use_catalogue(path)


@settings(FAST, max_examples=30)
@given(data=st.data())
def test_the_cli_exits_0_1_or_2_on_mutated_tours(tmp_path_factory, data):
    pick = hypothesis_pick(data)
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "x.tour.json"
    path.write_bytes(fuzzed_file(pick.choice(TOUR_SEEDS), pick))
    out, err = io.StringIO(), io.StringIO()
    command = pick.choice([["check", str(path)], ["check", "--json", str(path)],
                           ["export-map", str(path), "-o", str(folder / "m.html")]])
    with redirect_stdout(out), redirect_stderr(err):
        code = main(command)
    assert code in (0, 1, 2)
    if code == 2:
        assert len(err.getvalue()) < 8000
