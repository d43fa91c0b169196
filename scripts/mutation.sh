#!/usr/bin/env bash
# Mutation testing of lambdakit/rules, on demand (not part of CI). mutmut changes the rules one
# small edit at a time (a code, a bound, a comparison) and runs the tests pyproject.toml's
# [tool.mutmut] selects (the error goldens and the rules' own tests: seconds, not the suite);
# a mutant no test fails on "survives" and asks for a sharper test.
#
#   bash scripts/mutation.sh                                  # every module of lambdakit/rules
#   bash scripts/mutation.sh 'lambdakit.rules.function_limits.*'       # only these functions' mutants
#
# Prints the survivors (`.venv/bin/mutmut show NAME` shows one's diff) and the score, killed over
# tested, of the mutants the patterns select. MUTATION_JOBS sets the parallel runs (default 1:
# the machine is shared). On a loaded two-core machine a mutant takes seconds: run a few modules
# at a time. tests/test_rules_boundaries.py holds the tests written for survivors.
#
# Survivors known to be equivalent (no behaviour changes), as of 2026-12-04:
#   limits._in_range `value < low` -> `<=`: a value equal to `low` returned earlier;
#   events.sqs.check_sqs_event LK312's `owner=fn` dropped: an error cannot be acknowledged.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -c "import mutmut" 2>/dev/null || .venv/bin/pip install -q "mutmut==3.8.1"
rm -rf mutants
.venv/bin/mutmut run --max-children "${MUTATION_JOBS:-1}" "$@" > mutants.log 2>&1 \
    || { tail -n 40 mutants.log; exit 1; }
.venv/bin/mutmut results --all true > mutants.results
.venv/bin/python - "$@" <<'PY'
import fnmatch
import sys
from collections import Counter

patterns = sys.argv[1:] or ["*"]
status = {}
for line in open("mutants.results", encoding="utf-8"):
    name, _, verdict = line.strip().rpartition(": ")
    if name and any(fnmatch.fnmatch(name, p) for p in patterns):
        status[name] = verdict
counts = Counter(status.values())
for name, verdict in sorted(status.items()):
    if verdict in ("survived", "no tests"):
        print(f"{verdict}: {name}")
tested = sum(n for verdict, n in counts.items() if verdict not in ("not checked", "skipped"))
killed = counts["killed"] + counts["timeout"]
print(dict(sorted(counts.items())))
print(f"mutation score: {killed}/{tested} = {100 * killed / max(tested, 1):.1f}% killed")
PY
