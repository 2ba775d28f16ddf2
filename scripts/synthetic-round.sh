#!/usr/bin/env bash
# Makes a synthetic round for the published site's tests and benchmarks: synth at N pupils a
# level, commit, seed, place both levels, classes of the primary level (the junior level's
# classes take minutes at city size and are not needed to publish).
#
#   scripts/synthetic-round.sh ENROLL OUT N
#
# ENROLL is the enroll binary (debug or release), OUT a folder (replaced), N pupils a level.
# Zones and schools are scaled to N by synth (schools of realistic size, so that nearly everyone is placed).
set -euo pipefail
enroll=$1 out=$2 n=$3
rm -rf "$out"
mkdir -p "$out"
"$enroll" synth --seed "site-$n" --applicants "$n" --out "$out/case" >/dev/null
"$enroll" commit "$out/case" --out "$out/commitment.json" >/dev/null
seed=$("$enroll" seed --contribution "notary: $n" --contribution "beacon: synthetic" | sed -n "s/^seed: \([0-9a-f]\{64\}\)$/\1/p")
[ ${#seed} -eq 64 ] || { echo "no seed from enroll seed"; exit 1; }
for level in primary junior; do
  "$enroll" place "$out/case" --level "$level" --seed "$seed" --commitment "$out/commitment.json" --out "$out/run" >/dev/null
done
"$enroll" classes "$out/case" --level primary --seed "$seed" --commitment "$out/commitment.json" --out "$out/run" >/dev/null
echo "$out/run: $(($(wc -l < "$out/run/primary/placements.csv") - 1)) primary, $(($(wc -l < "$out/run/junior/placements.csv") - 1)) junior pupils"
