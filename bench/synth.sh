#!/usr/bin/env bash
# Synthetic cities at the sizes of a county and a city: `enroll synth` (release build) at each
# size, then `enroll validate` on what it wrote; fails (exit 1) if any case is not valid.
# Prints wall time, CPU time and peak memory of each, and the schools and zones written.
#
#   bench/synth.sh [SIZES…]     (default: 100000 300000 1000000 applicants a level)
#
# Cases go to $TMPDIR/enroll-synth-N/ (replaced each run). `swift test` covers 1,000 and
# 10,000 (SyntheticCountyTests) and the mesh itself over several shapes and seeds (ZoneMeshTests).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 300000 1000000)

swift build -c release --product enroll >/dev/null
enroll=.build/release/enroll
echo "load: $(uptime)"
printf '%-9s %-9s %8s %8s %9s  %s\n' applicants step wall_s cpu_s peak_MB result
for n in "${sizes[@]}"; do
    out="${TMPDIR:-/tmp}/enroll-synth-$n"
    rm -rf "$out"
    for step in synth validate; do
        if [ "$step" = synth ]; then args=(synth --seed city --applicants "$n" --out "$out"); else args=(validate "$out"); fi
        log=$(mktemp)
        status=0
        /usr/bin/time -f '%e %U %S %M' -o "$log.time" "$enroll" "${args[@]}" >"$log" 2>&1 || status=$?
        read -r wall user sys peak <"$log.time"
        printf '%-9s %-9s %8.2f %8.2f %9.0f  %s\n' "$n" "$step" "$wall" "$(echo "$user + $sys" | bc)" "$((peak / 1024))" "$(tail -1 "$log")"
        rm -f "$log" "$log.time"
        if [ "$status" -ne 0 ]; then echo "enroll $step failed on $n applicants" >&2; exit 1; fi
    done
done
