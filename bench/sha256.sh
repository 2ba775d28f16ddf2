#!/usr/bin/env bash
# SHA-256 throughput of enroll's own SHA256 beside its peers, on the same file, in one run:
#   enroll-bench sha256   (release build; an in-memory buffer — with the processor's SHA extensions
#                          where it has them, and through the Swift code alone — and the file,
#                          read through 1 MiB)
#   sha256sum             (GNU coreutils; timed from outside, process start included)
#   python3 hashlib       (OpenSSL underneath; timed inside Python, 1 MiB reads)
# Each is run RUNS times (default 5) and the median MB/s (1 MB = 10^6 bytes) is printed.
# The file (MB megabytes, default 256, random bytes) is written once and read from the page
# cache by every run, so the figures measure hashing, not the disk.
#   usage: bench/sha256.sh            MB=512 RUNS=7 bench/sha256.sh
set -euo pipefail
MB=${MB:-256}
RUNS=${RUNS:-5}
cd "$(dirname "$0")/.."

swift build -c release --product enroll-bench >/dev/null
bench=.build/release/enroll-bench

folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
file=$folder/data.bin
head -c $((MB * 1000000)) /dev/urandom >"$file"
expected=$(sha256sum "$file" | cut -c1-64)

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }

: >"$folder/memory"; : >"$folder/portable"; : >"$folder/file"; : >"$folder/sha256sum"; : >"$folder/python"
for _ in $(seq "$RUNS"); do
    out=$("$bench" sha256 --mb "$MB" --file "$file")
    awk '$1 == "memory" { print $6 }' <<<"$out" >>"$folder/memory"
    awk '$1 == "swift" { print $6 }' <<<"$out" >>"$folder/portable"
    awk '$1 == "file" { print $6 }' <<<"$out" >>"$folder/file"
    digest=$(awk '$1 == "file" { print $8 }' <<<"$out")
    [ "$digest" = "$expected" ] || { echo "enroll digest $digest differs from sha256sum $expected" >&2; exit 1; }

    start=$(now)
    sha256sum "$file" >/dev/null
    end=$(now)
    awk -v mb="$MB" -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", mb / (e - s) }' >>"$folder/sha256sum"

    python3 -c '
import hashlib, sys, time
path, mb, expected = sys.argv[1], int(sys.argv[2]), sys.argv[3]
start = time.perf_counter()
h = hashlib.sha256()
with open(path, "rb") as f:
    while chunk := f.read(1 << 20):
        h.update(chunk)
elapsed = time.perf_counter() - start
assert h.hexdigest() == expected, "python digest differs"
print(f"{mb / elapsed:.1f}")' "$file" "$MB" "$expected" >>"$folder/python"
done

printf '%s MB, median of %s runs (MB/s):\n' "$MB" "$RUNS"
printf '  %-30s %8s\n' "enroll SHA256, in memory" "$(median <"$folder/memory")"
printf '  %-30s %8s\n' "enroll SHA256, Swift code only" "$(median <"$folder/portable")"
printf '  %-30s %8s\n' "enroll SHA256, hash(fileAt:)" "$(median <"$folder/file")"
printf '  %-30s %8s\n' "sha256sum ($(sha256sum --version | head -1 | awk '{print $NF}'))" "$(median <"$folder/sha256sum")"
printf '  %-30s %8s\n' "python3 hashlib ($(python3 -c 'import ssl; print(ssl.OPENSSL_VERSION.split()[1])'))" "$(median <"$folder/python")"
