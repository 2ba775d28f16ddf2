#!/usr/bin/env bash
# Class formation benchmark (docs/BENCHMARKS.md, "Classes"):
#   1. enroll-bench classes: small schools of 40–200 pupils (formed, timed, exported to
#      bench/out/classes/*.json), one school of 3,000 pupils in 60 classes (with its head-teacher
#      draw) and the large city (200 schools, 300,000 pupils, the whole step timed on one core
#      and on all cores);
#   2. bench/classes/milp.py: the exact MILP (HiGHS via highspy, installed into bench/.venv by
#      pip) on each exported school, beside enroll's result: once from scratch (SCRATCH_LIMIT
#      seconds per school), once started from enroll's assignment (TIME_LIMIT seconds).
#   usage: bench/classes/run.sh     SMALL=16 RUNS=5 SCRATCH_LIMIT=30 TIME_LIMIT=60 bench/classes/run.sh
set -euo pipefail
SMALL=${SMALL:-16}
RUNS=${RUNS:-5}
SCRATCH_LIMIT=${SCRATCH_LIMIT:-30}
TIME_LIMIT=${TIME_LIMIT:-60}
cd "$(dirname "$0")/../.."

swift build -c release --product enroll-bench >/dev/null
rm -rf bench/out/classes
.build/release/enroll-bench classes --small "$SMALL" --runs "$RUNS" --export bench/out/classes

if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
fi
bench/.venv/bin/python -c 'import highspy' 2>/dev/null || bench/.venv/bin/pip install -q highspy numpy
for run in "$SCRATCH_LIMIT" "$TIME_LIMIT --warm-start"; do
    echo
    # shellcheck disable=SC2086
    bench/.venv/bin/python bench/classes/milp.py --time-limit $run bench/out/classes/school-*.json 2>&1 |
        grep -v -e '^Running HiGHS' -e '^Includes third-party'
done
