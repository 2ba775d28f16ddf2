#!/usr/bin/env bash
# Reading a roster workbook (.xlsx): enroll (release build) beside openpyxl in read-only mode,
# on the same file, in the same run, median of RUNS.
#
#   bench/xlsx.sh [APPLICANTS] [RUNS]     (defaults: 300000 a level, 5 runs)
#
# The workbook is junior-applicants.xlsx, written once by openpyxl (bench/xlsx-roster.py: ids,
# names and codes as text, numbers as numbers, birth dates as dates, strings shared) from the
# junior applicants of `enroll synth --seed city`, into $TMPDIR/enroll-bench-xlsx-N/.
# Needs bench/.venv with openpyxl:  python3 -m venv bench/.venv && bench/.venv/bin/pip install openpyxl==3.1.5
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300000}
runs=${2:-5}
python=bench/.venv/bin/python
"$python" -c "import openpyxl" || { echo "bench/.venv needs openpyxl (see the header of this script)"; exit 1; }

swift build -c release --product enroll-bench >/dev/null
swift build -c release --product enroll >/dev/null
folder="${TMPDIR:-/tmp}/enroll-bench-xlsx-$n"
file="$folder/junior-applicants.xlsx"
if [ ! -f "$file" ]; then
    rm -rf "$folder" && mkdir -p "$folder"
    .build/release/enroll synth --seed city --applicants "$n" --out "$folder/case" >/dev/null
    "$python" bench/xlsx-roster.py "$folder/case/junior-applicants.csv" "$file"
fi
echo "load: $(uptime)"
echo "file: $file ($(du -m "$file" | cut -f1) MB)"

echo "== enroll (read: unzip, inflate, shared strings, styles, cells into a table; ingest: then typed applicants)"
.build/release/enroll-bench xlsx --file "$file" --runs "$runs"

echo "== openpyxl $("$python" -c 'import openpyxl; print(openpyxl.__version__)') read-only: every row's values"
"$python" - "$file" "$runs" <<'PY'
import statistics, sys, time, resource
import openpyxl
path, runs = sys.argv[1], int(sys.argv[2])
times, cpus = [], []
for _ in range(runs):
    start, cpu = time.perf_counter(), time.process_time()
    book = openpyxl.load_workbook(path, read_only=True)
    rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    times.append(time.perf_counter() - start)
    cpus.append(time.process_time() - cpu)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"read    {rows - 1} rows  {statistics.median(times):.3f} s  (CPU {statistics.median(cpus):.3f} s)  peak {peak:.0f} MB")
PY
