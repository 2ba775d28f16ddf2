#!/usr/bin/env bash
# Applicant-CSV ingest throughput: enroll (release build) beside Python's csv module and,
# when bench/.venv has it, pandas.read_csv — on the same synthetic file, in the same run.
#
#   bench/csv.sh [ROWS] [RUNS]     (defaults: 1000000 rows, median of 5 runs)
#
# The file is junior-applicants.csv of about ROWS rows, written once by `enroll-bench csv`
# to $TMPDIR/enroll-bench-csv-ROWS/. For pandas:  python3 -m venv bench/.venv && bench/.venv/bin/pip install pandas
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-5}

swift build -c release --product enroll-bench >/dev/null
bench=.build/release/enroll-bench
file="${TMPDIR:-/tmp}/enroll-bench-csv-$rows/junior-applicants.csv"

echo "== enroll (parse: read + encoding check + CSV split; ingest: parse + typed, validated Applicant records)"
"$bench" csv --rows "$rows" --runs "$runs"

python=python3
[ -x bench/.venv/bin/python ] && python=bench/.venv/bin/python

"$python" - "$file" "$runs" <<'PY'
import csv, os, statistics, sys, time
path, runs = sys.argv[1], int(sys.argv[2])
size = os.path.getsize(path) / 1e6

def median_seconds(body):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = body()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result

def python_csv():
    with open(path, newline="", encoding="utf-8-sig") as f:
        return sum(1 for _ in csv.reader(f)) - 1

seconds, count = median_seconds(python_csv)
print(f"== Python {sys.version.split()[0]} csv.reader (all rows as lists of str)")
print(f"parse   {size:.1f} MB  {count} rows  {seconds:.3f} s  {size / seconds:.0f} MB/s")
try:
    import pandas
except ImportError:
    print("== pandas: not installed in bench/.venv (skipped)")
else:
    seconds, frame = median_seconds(lambda: pandas.read_csv(path, dtype=str, keep_default_na=False))
    print(f"== pandas {pandas.__version__} read_csv (all columns as str)")
    print(f"parse   {size:.1f} MB  {len(frame)} rows  {seconds:.3f} s  {size / seconds:.0f} MB/s")
    seconds, frame = median_seconds(lambda: pandas.read_csv(path))
    print(f"== pandas {pandas.__version__} read_csv (inferred types)")
    print(f"parse   {size:.1f} MB  {len(frame)} rows  {seconds:.3f} s  {size / seconds:.0f} MB/s")
PY
