#!/bin/sh
# Opens a published site in headless Chromium: a screenshot of the first page, and a search run
# from the address (#q=<student_id>) whose shown result is checked against the run's placements.csv.
#
#   scripts/browser-test.sh SITE RUN [STUDENT_ID] [SCREENSHOT.png]
#
# Skips (exit 0, says so) when chromium is not installed; exit 1 when the shown result differs.
set -eu
site=$1 run=$2 id=${3:-} shot=${4:-$site/../index.png}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then echo "skipped: chromium is not installed (apt-get install -y chromium)"; exit 0; fi
level=junior
[ -f "$run/$level/placements.csv" ] || level=primary
if [ -z "$id" ]; then id=$(sed -n 2p "$run/$level/placements.csv" | cut -d, -f1 | tr -d '\357\273\277'); fi
grep -q "^$id," "$run/junior/placements.csv" 2>/dev/null || level=primary
row=$(grep "^$id," "$run/$level/placements.csv" || true)
if [ -z "$row" ]; then echo "$id is not in $run/$level/placements.csv"; exit 1; fi
school=$(echo "$row" | cut -d, -f2) status=$(echo "$row" | cut -d, -f3) lottery=$(echo "$row" | cut -d, -f6)
index="file://$(cd "$site" && pwd)/index.html"
flags="--headless --disable-gpu --no-sandbox --hide-scrollbars --virtual-time-budget=5000"
$browser $flags --window-size=1280,1800 --screenshot="$shot" "$index#q=$id" 2>/dev/null
dom=$($browser $flags --dump-dom "$index#q=$id" 2>/dev/null)
result=$(printf '%s' "$dom" | tr '\n' ' ' | sed -e 's/.*<div id="result" data-found="//' -e 's/<\/div>.*//')
fail=0
case $result in true*) ;; *) echo "not found: the page shows no result for $id"; fail=1 ;; esac
for want in "data-school-id=\"$school\"" "data-status=\"$status\"" "$lottery"; do
  case $result in *"$want"*) ;; *) echo "differs: the shown result lacks $want (placements.csv: $row)"; fail=1 ;; esac
done
[ $fail -eq 0 ] && echo "ok: $id shown as $status at $school, as in $run/$level/placements.csv; screenshot $shot"
exit $fail
