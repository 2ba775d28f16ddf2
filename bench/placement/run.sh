#!/usr/bin/env bash
# Deferred acceptance side by side: the Swift engine (enroll-bench placement), a plain-Python
# heap implementation (da.py) and the `matching` package (HospitalResident), on the same
# seeded random instances; checks that every peer that runs produces the same matching.
#   bench/placement/run.sh            # 20 000 students for all three, 1 000 000 for Swift and da.py
# Figures go to bench/out/placement/results.txt; copy them into docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out/placement
mkdir -p "$out"
swift build -c release --product enroll-bench
bench_bin=.build/release/enroll-bench
[ -x bench/.venv/bin/python ] || python3 -m venv bench/.venv
bench/.venv/bin/pip install --quiet matching==1.4.3
py=bench/.venv/bin/python
here=bench/placement
{
    echo "== $(uname -m), $(nproc) cores; Swift $(swift --version 2>/dev/null | head -1); $($py --version); matching 1.4.3"
    echo "== 20 000 students x 1 000 schools x 5 choices"
    "$bench_bin" placement --students 20000 --schools 1000 --choices 5 --export "$out/20k"
    "$py" "$here/da.py" "$out/20k" --runs 5
    "$py" "$here/matching_peer.py" "$out/20k"
    "$py" "$here/compare.py" "$out/20k/matching-swift.csv" "$out/20k/matching-python.csv"
    "$py" "$here/compare.py" "$out/20k/matching-swift.csv" "$out/20k/matching-matching.csv"
    echo "== 1 000 000 students x 1 000 schools x 5 choices"
    "$bench_bin" placement --students 1000000 --schools 1000 --choices 5 --export "$out/1m"
    "$py" "$here/da.py" "$out/1m" --runs 3
    "$py" "$here/compare.py" "$out/1m/matching-swift.csv" "$out/1m/matching-python.csv"
} 2>&1 | tee "$out/results.txt"
