#!/usr/bin/env bash
# Stress of "one writer per run folder" and of the targets replaced whole (docs/LOTTERY.md,
# docs/SECURITY.md).
#
# Run folder: ROUNDS times (default 50), both levels' placements, the primary classes and the
# quota round start at once, with random start offsets, into one fresh run folder. Each must
# complete, or exit 1 saying the folder is busy; afterwards `enroll verify` must pass and every
# recorded step's files be present.
#
# Replaced targets: ROUNDS/5 times (at least 5), two `synth` into one case folder, two `zone`
# into one file and two `publish` into one site start at once (each must complete or be refused
# as busy, and the target must then be one of the two complete results); then each of the three
# is killed with SIGKILL at a random moment while replacing its target, which must stay the
# old result or become the new one, complete.
#
#   scripts/lock-stress.sh ENROLL [ROUNDS]
set -euo pipefail
enroll=$1 rounds=${2:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$enroll" synth --seed stress --applicants 2000 --out "$work/case" >/dev/null
"$enroll" commit "$work/case" --out "$work/c.json" >/dev/null
seed=$(printf 'd%.0s' $(seq 64))
drawing=(--seed "$seed" --commitment "$work/c.json" --out "$work/run")
completed=0 refused=0
for round in $(seq "$rounds"); do
    rm -rf "$work/run"
    pids=()
    for command in "place $work/case --level primary" "place $work/case --level junior" \
                   "classes $work/case --level primary" "quota $work/case"; do
        sleep "0.0$((RANDOM % 10))"
        # shellcheck disable=SC2086
        (status=0; "$enroll" $command "${drawing[@]}" >/dev/null 2>"$work/err.$RANDOM$RANDOM" || status=$?; echo "$status" >>"$work/status") &
        pids+=($!)
    done
    wait "${pids[@]}"
    for f in "$work"/err.*; do
        [ -s "$f" ] || continue
        # A step that needs an earlier one may also find it not yet recorded: that refusal is fine too.
        grep -q "the folder is busy\|which this run folder does not hold" "$f" \
            || { echo "round $round: unexpected failure:"; cat "$f"; exit 1; }
        refused=$((refused + 1))
    done
    rm -f "$work"/err.*
    completed=$((completed + $(grep -c '^0$' "$work/status" || true)))
    rm -f "$work/status"
    if [ -f "$work/run/manifest.json" ]; then
        "$enroll" verify "$work/run" >/dev/null || { echo "round $round: the run folder does not verify"; "$enroll" verify "$work/run"; exit 1; }
    fi
done
echo "ok: $rounds rounds, $completed commands completed, $refused refused (busy, or their earlier step not yet recorded); every folder verified"

# A fingerprint of a folder or a file: every file's path and SHA-256.
fingerprint() { (cd "$1" 2>/dev/null && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum) || sha256sum <"$1"; }
# Whether SITE is one complete published site: its SHA256SUMS holds for every file and lists them all.
complete_site() {
    (cd "$1" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1 \
        && [ "$(find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort)" = "$(cut -c67- SHA256SUMS | sort)" ])
}
# Starts "$@" (an enroll command) and kills it with SIGKILL after a random 0–0.99 × LIMIT seconds.
killed_at_random() {
    local limit=$1; shift
    "$enroll" "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(awk -v l="$limit" -v r="$RANDOM" 'BEGIN { printf "%.3f", l * (r % 100) / 100 }')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
# Runs "$@" and prints its wall seconds.
timed() { local start end; start=$(date +%s.%N); "$enroll" "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }

"$enroll" place "$work/case" --level primary "${drawing[@]}" >/dev/null 2>&1 || true
"$enroll" place "$work/case" --level junior "${drawing[@]}" >/dev/null 2>&1 || true
declare -A expected
synth_time=$(timed synth --seed a --applicants 3000 --out "$work/synth-a"); expected[synth-a]=$(fingerprint "$work/synth-a")
"$enroll" synth --seed b --applicants 3000 --out "$work/synth-b" >/dev/null; expected[synth-b]=$(fingerprint "$work/synth-b")
zone_time=$(timed zone "$work/case" --level primary --out "$work/z-primary.csv"); expected[zone-primary]=$(fingerprint "$work/z-primary.csv")
"$enroll" zone "$work/case" --level junior --out "$work/z-junior.csv" >/dev/null; expected[zone-junior]=$(fingerprint "$work/z-junior.csv")
publish_time=$(timed publish "$work/run" --out "$work/site-once")
replaced=$(( rounds / 5 > 5 ? rounds / 5 : 5 )) pairs=0 kills=0
for round in $(seq "$replaced"); do
    # Two of each at once into one target.
    rm -f "$work"/err.*
    ( "$enroll" synth --seed a --applicants 3000 --out "$work/synth" >/dev/null 2>"$work/err.s1" || true ) &
    ( "$enroll" synth --seed b --applicants 3000 --out "$work/synth" >/dev/null 2>"$work/err.s2" || true ) &
    ( "$enroll" zone "$work/case" --level primary --out "$work/zoning.csv" >/dev/null 2>"$work/err.z1" || true ) &
    ( "$enroll" zone "$work/case" --level junior --out "$work/zoning.csv" >/dev/null 2>"$work/err.z2" || true ) &
    ( "$enroll" publish "$work/run" --out "$work/site" --lang zh >/dev/null 2>"$work/err.p1" || true ) &
    ( "$enroll" publish "$work/run" --out "$work/site" --lang en >/dev/null 2>"$work/err.p2" || true ) &
    wait
    for f in "$work"/err.*; do
        [ -s "$f" ] || continue
        grep -q "is busy: another command is writing into it" "$f" || { echo "round $round: unexpected failure:"; cat "$f"; exit 1; }
    done
    found=$(fingerprint "$work/synth")
    [ "$found" = "${expected[synth-a]}" ] || [ "$found" = "${expected[synth-b]}" ] || { echo "round $round: two synths left a mixed case"; exit 1; }
    found=$(fingerprint "$work/zoning.csv")
    [ "$found" = "${expected[zone-primary]}" ] || [ "$found" = "${expected[zone-junior]}" ] || { echo "round $round: two zones left a mixed file"; exit 1; }
    complete_site "$work/site" || { echo "round $round: two publishes left an incomplete site"; exit 1; }
    pairs=$((pairs + 1))
    # Each killed at a random moment while replacing its target: old or new, complete.
    killed_at_random "$synth_time" synth --seed "$([ $((round % 2)) = 0 ] && echo a || echo b)" --applicants 3000 --out "$work/synth"
    found=$(fingerprint "$work/synth")
    [ "$found" = "${expected[synth-a]}" ] || [ "$found" = "${expected[synth-b]}" ] || { echo "round $round: a killed synth left a mixed case"; exit 1; }
    killed_at_random "$zone_time" zone "$work/case" --level "$([ $((round % 2)) = 0 ] && echo primary || echo junior)" --out "$work/zoning.csv"
    found=$(fingerprint "$work/zoning.csv")
    [ "$found" = "${expected[zone-primary]}" ] || [ "$found" = "${expected[zone-junior]}" ] || { echo "round $round: a killed zone left a mixed file"; exit 1; }
    killed_at_random "$publish_time" publish "$work/run" --out "$work/site" --lang en
    complete_site "$work/site" || { echo "round $round: a killed publish left an incomplete site"; exit 1; }
    kills=$((kills + 3))
done
echo "ok: $pairs rounds of two synths, two zones and two publishes at once into one target each, and $kills kills: every target old or new, complete"
