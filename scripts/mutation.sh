#!/usr/bin/env bash
# Mutation testing of the core (mutmut, configured in pyproject's [tool.mutmut]); not part of CI: it takes
# a long time. Runs on a private copy of the tree so the work tree never sees mutants/ and a run is not
# disturbed by edits made meanwhile; the copy keeps mutmut's cache, so a second run only re-tests changes.
#   scripts/mutation.sh                              every mutant of planner/
#   scripts/mutation.sh 'planner.schedule.timeline*' one module's mutants (the table covers all results so far)
# Low priority and one test process at a time: the machine is shared. The last line is the total score.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${MUTATION_DIR:-${TMPDIR:-/tmp}/study-tour-mutation}"
MUTMUT="$ROOT/.venv/bin/mutmut"
mkdir -p "$WORK"
find "$WORK" -mindepth 1 -maxdepth 1 ! -name mutants -exec rm -rf {} +
tar -C "$ROOT" -cf - --exclude=./.venv --exclude=./.git --exclude=./mutants --exclude=__pycache__ \
    --exclude=.hypothesis --exclude=.pytest_cache . | tar -C "$WORK" -xf -
cd "$WORK"
export QT_QPA_PLATFORM=offscreen
nice -n 15 "$MUTMUT" run --max-children "${MUTATION_CHILDREN:-1}" "$@" >"$WORK/run.log" 2>&1 || {
    tail -20 "$WORK/run.log"; exit 1; }
"$MUTMUT" results --all true | "$ROOT/.venv/bin/python" "$ROOT/scripts/mutation_table.py"
