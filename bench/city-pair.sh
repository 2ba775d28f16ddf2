#!/usr/bin/env bash
# Two builds' city rounds side by side (issue 27): bench/city.sh at N applicants a level with
# BEFORE and AFTER, alternating, RUNS times (default 3) for each seed of SEEDS (default "city
# other"), in the same run. Prints per seed and step the median wall time of each and the ratio
# after/before, then the whole round's, and each build's site size.
#
#   BEFORE=/tmp/base/.build/release/enroll AFTER=.build/release/enroll bench/city-pair.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300000} runs=${RUNS:-3} seeds=${SEEDS:-city other}
out=${TMPDIR:-/tmp}/enroll-city-pair
rm -rf "$out" && mkdir -p "$out"
echo "load before: $(uptime)"
for seed in $seeds; do
    for run in $(seq "$runs"); do
        for build in before after; do
            binary=BEFORE; [ "$build" = after ] && binary=AFTER
            ENROLL=${!binary} SEED=$seed TAG=$build bash bench/city.sh "$n" >"$out/$seed-$build-$run.md"
            du -sb "${TMPDIR:-/tmp}/enroll-city-$n-$build/site" | cut -f1 >"$out/$seed-$build-$run.site"
        done
    done
done
echo "load after: $(uptime)"
python3 - "$out" "$runs" $seeds <<'PY'
import sys, statistics, re, pathlib
out, runs, seeds = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
def table(path):
    rows = {}
    for line in path.read_text().splitlines():
        m = re.match(r"\| \**([^|*]+?)\**(?: \(validate … publish\))? \| \**([0-9.]+)\** \| \**([0-9.]+)\** \| \**([0-9]+)\**", line)
        if m: rows[m.group(1).strip()] = (float(m.group(2)), float(m.group(3)), int(m.group(4)))
    return rows
for seed in seeds:
    t = {b: [table(out / f"{seed}-{b}-{r}.md") for r in range(1, runs + 1)] for b in ("before", "after")}
    print(f"\nseed {seed}, median of {runs} (wall s; peak MB)\n")
    print("| step | before | after | after / before | peak before | peak after |\n|---|---:|---:|---:|---:|---:|")
    for step in [s for s in t["before"][0] if s != "seed"]:
        b = statistics.median(x[step][0] for x in t["before"]); a = statistics.median(x[step][0] for x in t["after"])
        pb = max(x[step][2] for x in t["before"]); pa = max(x[step][2] for x in t["after"])
        ratio = f"{a / b:.2f}" if b else "–"
        print(f"| {step} | {b:.2f} | {a:.2f} | {ratio} | {pb} | {pa} |")
    for b in ("before", "after"):
        sizes = [int((out / f"{seed}-{b}-{r}.site").read_text()) for r in range(1, runs + 1)]
        print(f"\nsite ({b}): {sizes[-1] / 1e6:.1f} MB")
PY
