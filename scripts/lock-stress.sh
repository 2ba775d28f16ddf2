#!/usr/bin/env bash
# Stress of "one writer per run folder" (docs/LOTTERY.md): ROUNDS times (default 50), both
# levels' placements, the primary classes and the quota round start at once, with random start
# offsets, into one fresh run folder. Each must complete, or exit 1 saying the folder is busy;
# afterwards `enroll verify` must pass and every recorded step's files be present.
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
