#!/usr/bin/env bash
# A whole city's round, step by step, with the release build: synth at N applicants a level,
# then validate → commit → seed → place ×2 → classes ×2 → quota → verify → publish, each step
# timed by /usr/bin/time (wall, CPU = user + system, peak RSS). Prints one table per size and
# the total of the round's steps (synth, the rehearsal's input, is shown but not counted).
#
#   bench/city.sh [SIZES…]      default: 300000; e.g. bench/city.sh 30000 100000 300000 1000000
#   ENROLL=path/to/enroll bench/city.sh …   another binary (default: this tree's release build)
#   SEED=word bench/city.sh …                 synth's seed (default: city)
#   TAG=name bench/city.sh …                  work folder enroll-city-N-name (to keep two binaries' runs apart)
#
# Work folders: ${TMPDIR:-/tmp}/enroll-city-N[-TAG]/ (replaced each run). Fails on the first step that
# fails, printing its output.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(300000)
if [ -z "${ENROLL:-}" ]; then
    swift build -c release --product enroll >/dev/null
    ENROLL=$PWD/.build/release/enroll
fi
notice=$PWD/zones/sample-county/notice.json
echo "load before: $(uptime)"
for n in "${sizes[@]}"; do
    work="${TMPDIR:-/tmp}/enroll-city-$n${TAG:+-$TAG}"
    rm -rf "$work"
    mkdir -p "$work"
    total_wall=0 total_cpu=0 peak_all=0
    printf '\n%s applicants a level\n\n| step | wall s | CPU s | peak RSS MB |\n|---|---:|---:|---:|\n' "$n"
    step() {
        local name=$1; shift
        local log="$work/$name.log"
        if ! /usr/bin/time -f '%e %U %S %M' -o "$log.time" "$ENROLL" "$@" >"$log" 2>&1; then
            echo "enroll $name failed:" >&2
            tail -20 "$log" >&2
            exit 1
        fi
        read -r wall user sys peak <"$log.time"
        local cpu mb
        cpu=$(echo "$user + $sys" | bc)
        mb=$((peak / 1024))
        printf '| %s | %.2f | %.2f | %d |\n' "$name" "$wall" "$cpu" "$mb"
        if [ "$name" != synth ]; then
            total_wall=$(echo "$total_wall + $wall" | bc)
            total_cpu=$(echo "$total_cpu + $cpu" | bc)
            [ "$mb" -gt "$peak_all" ] && peak_all=$mb
        fi
        return 0
    }
    step synth synth --seed "${SEED:-city}" --applicants "$n" --out "$work/case"
    step validate validate "$work/case"
    step commit commit "$work/case" --out "$work/commitment.json"
    step seed seed --contribution "notary: $n" --contribution "beacon: city"
    seed=$(sed -n 's/^seed: \([0-9a-f]\{64\}\)$/\1/p' "$work/seed.log")
    drawing=(--seed "$seed" --commitment "$work/commitment.json" --out "$work/run")
    for level in primary junior; do step "place $level" place "$work/case" --level "$level" "${drawing[@]}"; done
    for level in primary junior; do step "classes $level" classes "$work/case" --level "$level" "${drawing[@]}"; done
    step quota quota "$work/case" "${drawing[@]}"
    step verify verify "$work/run"
    step publish publish "$work/run" --out "$work/site" --notice "$notice"
    printf '| **the round** (validate … publish) | **%.1f** | **%.1f** | **%d** (largest step) |\n' "$total_wall" "$total_cpu" "$peak_all"
done
echo
echo "load after: $(uptime)"
