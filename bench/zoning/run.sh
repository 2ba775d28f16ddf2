#!/usr/bin/env bash
# Zoning benchmark: enroll's ZoneIndex against shapely 2.x (STRtree + contains_xy) on the
# same made-up county, for 2,000 and 10,000 zones and 1,000,000 homes. Figures go to
# docs/BENCHMARKS.md (## Zoning).
set -euo pipefail
cd "$(dirname "$0")/../.."
HOMES="${HOMES:-1000000}"
RUNS="${RUNS:-5}"
swift build -c release --product enroll-bench
if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
fi
bench/.venv/bin/python -c 'import shapely' 2>/dev/null || bench/.venv/bin/pip install --quiet 'shapely>=2,<3'
summary=()
for zones in 2000 10000; do
    out="bench/out/zoning-$zones"
    echo "== $zones zones, $HOMES homes"
    mkdir -p "$out"
    .build/release/enroll-bench zoning --zones "$zones" --homes "$HOMES" --runs "$RUNS" --out "$out" > "$out/swift.txt"
    .build/release/enroll-bench zoning --zones "$zones" --homes "$HOMES" --runs "$RUNS" --near-boundary 0 > "$out/swift-contain.txt"
    bench/.venv/bin/python bench/zoning/shapely_peer.py "$out" "$RUNS" > "$out/shapely.txt"
    cat "$out/swift.txt" "$out/swift-contain.txt" "$out/shapely.txt"
    summary+=("$(grep '^RESULT' "$out/swift.txt")" "$(grep '^RESULT' "$out/swift-contain.txt")" "$(grep '^RESULT' "$out/shapely.txt")")
done
echo
printf '%-14s %7s %9s %10s %9s %9s %9s\n' tool zones build_ms locate_ms total_ms cpu_ms zoned
for line in "${summary[@]}"; do
    set -- $line
    build="${4#build_ms=}" locate="${5#locate_ms=}"
    printf '%-14s %7s %9s %10s %9s %9s %9s\n' "$2" "${3#zones=}" "$build" "$locate" "$((build + locate))" \
        "$(( ${7#build_cpu_ms=} + ${8#locate_cpu_ms=} ))" "${6#zoned=}"
done
