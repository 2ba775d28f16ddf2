#!/usr/bin/env bash
# Class formation benchmark (docs/BENCHMARKS.md, "Classes"):
#   1. enroll-bench classes: small schools (formed, timed, exported to bench/out/classes/*.json)
#      and the large city (200 schools, 300,000 pupils, the whole step timed);
#   2. bench/classes/milp.py: the exact MILP (HiGHS via highspy, in bench/.venv) on each
#      exported school, beside enroll's result: once from scratch, once started from enroll's
#      assignment (TIME_LIMIT seconds per school and run).
#   usage: bench/classes/run.sh        SMALL=12 RUNS=5 TIME_LIMIT=30 bench/classes/run.sh
set -euo pipefail
SMALL=${SMALL:-12}
RUNS=${RUNS:-5}
TIME_LIMIT=${TIME_LIMIT:-30}
cd "$(dirname "$0")/../.."

swift build -c release --product enroll-bench >/dev/null
rm -rf bench/out/classes
.build/release/enroll-bench classes --small "$SMALL" --runs "$RUNS" --export bench/out/classes

if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
fi
bench/.venv/bin/python -c 'import highspy' 2>/dev/null || bench/.venv/bin/pip install -q highspy numpy
for start in "" --warm-start; do
    echo
    bench/.venv/bin/python bench/classes/milp.py --time-limit "$TIME_LIMIT" $start bench/out/classes/school-*.json 2>&1 |
        grep -v -e '^Running HiGHS' -e '^Includes third-party'
done
