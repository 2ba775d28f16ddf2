#!/usr/bin/env bash
# `enroll publish` at city size: a synthetic round of N pupils a level (default 300,000; made
# once with scripts/synthetic-round.sh into bench/out/publish-N), then publish, RUNS times
# (default 3), timed with /usr/bin/time -v: median wall time and peak RSS, the site's size,
# index.html, the largest search file and page. BEFORE=path/to/an/older/enroll is run side by
# side, alternating with this tree's release build, on the same run.
#   usage: bench/publish.sh      N=100000 RUNS=5 BEFORE=/tmp/site-before/.build/release/enroll bench/publish.sh
set -euo pipefail
N=${N:-300000}
RUNS=${RUNS:-3}
cd "$(dirname "$0")/.."

swift build -c release --product enroll >/dev/null
enroll=$PWD/.build/release/enroll
round=bench/out/publish-$N
[ -f "$round/run/primary/classes.csv" ] || bash scripts/synthetic-round.sh "$enroll" "$round" "$N"

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
peers=("after:$enroll")
[ -n "${BEFORE:-}" ] && peers=("before:$BEFORE" "${peers[@]}")
echo "uptime: $(uptime)"
for _ in $(seq "$RUNS"); do
  for peer in "${peers[@]}"; do
    name=${peer%%:*} binary=${peer#*:}
    site=$round/site-$name
    notice=(--notice zones/sample-county/notice.json)
    [ "$name" = before ] && notice=()  # an enroll older than the notice
    /usr/bin/time -v "$binary" publish "$round/run" --out "$site" "${notice[@]}" 2>"$round/time-$name" >/dev/null \
      || { cat "$round/time-$name"; exit 1; }
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$round/time-$name" >>"$round/wall-$name"
    awk -F': ' '/Maximum resident set size/ { printf "%.0f\n", $2 / 1024 }' "$round/time-$name" >>"$round/rss-$name"
  done
done
for peer in "${peers[@]}"; do
  name=${peer%%:*}
  site=$round/site-$name
  largest_page=$(find "$site" -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
  largest_shard=$(find "$site" -name '*.js' -path '*search*' -printf '%s %P\n' | sort -n | tail -1)
  [ -n "$largest_shard" ] || largest_shard="$(stat -c '%s' "$site/results.js" 2>/dev/null) results.js"
  echo "$name: wall $(median <"$round/wall-$name") s (runs: $(tr '\n' ' ' <"$round/wall-$name")), peak RSS $(median <"$round/rss-$name") MB," \
       "site $(du -sm "$site" | cut -f1) MB in $(find "$site" -type f | wc -l) files, index.html $(stat -c %s "$site/index.html") bytes," \
       "largest page $largest_page, largest search data $largest_shard"
  rm -f "$round/wall-$name" "$round/rss-$name"
done
