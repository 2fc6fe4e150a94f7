"""SIGKILL at random moments while a process saves: the tour (and every version) is always one complete
tour, never a mix or a stub; the temp files the kills leave are swept. scripts/fuzz_bench.py does 200."""

import random

from tests.fuzzing import kill_during_saves


def test_killing_a_saving_process_never_loses_the_tour(tmp_path):
    kills, problems, versions = kill_during_saves(tmp_path, kills=12, rng=random.Random(9))
    assert kills == 12 and problems == []
    assert versions >= 1  # saves did complete between kills: the test killed real save loops
