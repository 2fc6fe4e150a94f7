#!/usr/bin/env bash
# Mutation testing of the core (mutmut, configured in pyproject's [tool.mutmut]); not part of CI: it takes
# a long time. Runs on a private copy of the last commit (MUTATION_REV), so the work tree never sees
# mutants/ and a run is not disturbed by edits made meanwhile. The copy keeps mutmut's cache: a run with
# no names tests only mutants not tested yet; named mutants (globs) are always re-tested.
#   scripts/mutation.sh                              every mutant of planner/
#   scripts/mutation.sh 'planner.schedule.timeline*' one module's mutants (the table covers all results so far)
#   scripts/mutation.sh --retest                     after new tests: changed code, and every mutant that survived
#   scripts/mutation.sh --sample 1000 [SEED]         a fixed random sample: an unbiased estimate in minutes
# Low priority and one test process at a time: the machine is shared. The last line is the total score.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${MUTATION_DIR:-${TMPDIR:-/tmp}/study-tour-mutation}"
MUTMUT="$ROOT/.venv/bin/mutmut"
mkdir -p "$WORK"
find "$WORK" -mindepth 1 -maxdepth 1 ! -name mutants -exec rm -rf {} +
# the last commit, not the work tree: a commit is a tested whole, the work tree may hold half an edit
git -C "$ROOT" archive --format=tar "${MUTATION_REV:-HEAD}" | tar -C "$WORK" -xf -
rm -rf "$WORK/mutants/tests"  # mutmut copies the tests in again: none of an older commit may linger
cd "$WORK"
export QT_QPA_PLATFORM=offscreen
# property tests draw fewer random tours per mutant (tests/planner/test_timeline_properties.py): a run stays
# within an hour or so per thousand mutants; the figures are, if anything, a little low
export STUDY_TOUR_PROPERTY_EXAMPLES="${STUDY_TOUR_PROPERTY_EXAMPLES:-40}"
# instrumented code runs several times slower: the solver's clock stop (2x its limit) would cut its
# work-bounded search short and a seed would stop giving one plan (planner/solve/control.py)
export STUDY_TOUR_SOLVER_SAFETY="${STUDY_TOUR_SOLVER_SAFETY:-30}"
# Mutation testing needs a green suite. A test that is red for reasons outside the code measured (someone's
# work in progress) can be set aside for this run only: MUTATION_DESELECT='tests/planner/x.py::test_y …'.
if [ -n "${MUTATION_DESELECT:-}" ]; then
    "$ROOT/.venv/bin/python" - "$MUTATION_DESELECT" <<'PY'
import json, sys
args = [a for t in sys.argv[1].split() for a in ("--deselect", t)]
text = open("pyproject.toml", encoding="utf-8").read()
text = text.replace("pytest_add_cli_args = [", "pytest_add_cli_args = [" + json.dumps(args)[1:-1] + ", ", 1)
open("pyproject.toml", "w", encoding="utf-8").write(text)
PY
    echo "set aside: $MUTATION_DESELECT"
fi
run() { nice -n 15 "$MUTMUT" run --max-children "${MUTATION_CHILDREN:-1}" "$@" >>"$WORK/run.log" 2>&1 || {
    tail -20 "$WORK/run.log"; exit 1; }; }
: >"$WORK/run.log"
if [ "${1:-}" = "--retest" ]; then
    # after new tests: mutants whose function changed are re-tested by the first run (mutmut resets them);
    # the ones that lived through the last run are named, since mutmut keeps a result until its code changes
    run
    mapfile -t alive < <("$MUTMUT" results 2>/dev/null | sed -n 's/^ *\([^ :]*\): \(survived\|no tests\|suspicious\)$/\1/p')
    echo "re-testing ${#alive[@]} mutants that survived"
    [ "${#alive[@]}" -eq 0 ] || run "${alive[@]}"
elif [ "${1:-}" = "--sample" ]; then
    # a fixed random sample: every mutant is made (and tests' coverage collected) by testing one small
    # module, then the sample's mutants not yet known to be killed are tested; the table covers the sample
    run 'planner.model.site.*'
    "$MUTMUT" results --all true 2>/dev/null >"$WORK/all.txt"
    "$ROOT/.venv/bin/python" "$ROOT/scripts/mutation_sample.py" "${2:?--sample N [SEED]}" "${3:-1}" <"$WORK/all.txt" >"$WORK/sample.txt"
    mapfile -t open < <("$ROOT/.venv/bin/python" "$ROOT/scripts/mutation_sample.py" "$2" "${3:-1}" --open <"$WORK/all.txt")
    echo "sample of $(wc -l <"$WORK/sample.txt") mutants (seed ${3:-1}); testing ${#open[@]} not known to be killed"
    [ "${#open[@]}" -eq 0 ] || run "${open[@]}"
    "$MUTMUT" results --all true | "$ROOT/.venv/bin/python" "$ROOT/scripts/mutation_table.py" --only "$WORK/sample.txt"
    exit 0
else
    run "$@"
fi
"$MUTMUT" results --all true | "$ROOT/.venv/bin/python" "$ROOT/scripts/mutation_table.py"
