#!/usr/bin/env bash
# Fuzzes the parsers of the Enrollment library with libFuzzer and AddressSanitizer
# (docs/FUZZING.md).
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]   fuzz one target (or each in turn); default all, 600 s
#   scripts/fuzz.sh --regress [TARGET|all]   run the committed corpus and crashes once, no fuzzing
#   scripts/fuzz.sh --build [TARGET|all]     only build (into fuzz/.build/fuzz-TARGET)
#   scripts/fuzz.sh --check                  only type-check every harness against the library's
#                                            package API (no sanitizer, no toolchain fuzzer runtime;
#                                            .ci/run does this so a harness cannot go stale)
#
# Targets: csv, tables, zonemap, address, policy. Each starts from its committed seed corpus
# fuzz/corpus/TARGET/; inputs that reach new code go to fuzz/.build/corpus/TARGET/ (not
# committed; copy the good ones into the seed corpus by hand). A crash, timeout or
# out-of-memory input is written to fuzz/crashes/TARGET-crash-<sha1> (etc.): fix it, add it
# to Tests/EnrollmentTests/FuzzRegressionTests.swift, and commit it. The last lines printed
# are one summary row per target: executions, seconds, mean executions per second, coverage.
#
# Environment: FUZZ_FLAGS adds libFuzzer options (e.g. FUZZ_FLAGS="-jobs=2 -workers=2").
set -euo pipefail
# A failed check calls fatalError; Swift's backtracer would then stop for seconds per crash
# (and ASan reports its stack reads as errors). libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no
# No leak detection: Swift keeps enum tags in the spare bits of pointers, which
# LeakSanitizer cannot follow, so it reports live objects (a global zone table) as leaked.
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/fuzz"
all_targets=(csv tables zonemap address policy xlsx)

check_target() {
    case " ${all_targets[*]} " in
        *" $1 "*) ;;
        *) echo "unknown target '$1' (targets: ${all_targets[*]})" >&2; exit 2 ;;
    esac
}

# The library is compiled once (whole module, instrumented) into one object; each target is
# its harness (fuzz/harness/TARGET.swift with the shared fuzz/harness/Invariants.swift)
# linked against it. Not a SwiftPM target: a fuzz target has no `main` (libFuzzer supplies
# it), so it must stay out of `swift build`.
out="$fuzz/.build"
bin="$out"
flags=(-O -g -swift-version 6 -sanitize=fuzzer,address -parse-as-library -package-name enroll)

# The library's layers (SwiftPM targets, Package.swift) as one module's sources in DIR: each
# source copied without the imports of the other layers, and the file that re-exports them left out.
one_module_sources() {
    rm -rf "$1" && mkdir -p "$1"
    while IFS= read -r f; do
        sed '/^import Enrollment[A-Za-z]*$/d' "$f" > "$1/$(echo "${f#"$root/Sources/Enrollment/"}" | tr / _)"
    done < <(find "$root/Sources/Enrollment" -name '*.swift' ! -name Enrollment.swift | sort)
}

check() {
    local dir="$out/check" sources
    one_module_sources "$dir/src"
    sources=$(find "$dir/src" -name '*.swift' | sort)
    # shellcheck disable=SC2086
    swiftc -Onone -swift-version 6 -parse-as-library -package-name enroll -module-name Enrollment -wmo $sources \
        -emit-module -emit-module-path "$dir/Enrollment.swiftmodule"
    for t in "${all_targets[@]}"; do
        swiftc -typecheck -swift-version 6 -parse-as-library -package-name enroll -module-name Fuzz -I "$dir" \
            "$fuzz/harness/Invariants.swift" "$fuzz/harness/$t.swift"
        echo "$t: the harness type-checks against the library"
    done
}

build() {
    mkdir -p "$out"
    local sources
    if [[ ! -f "$out/Enrollment.o" ]] || [[ -n $(find "$root/Sources/Enrollment" -name '*.swift' -newer "$out/Enrollment.o") ]]; then
        echo "compiling Enrollment (-O, -sanitize=fuzzer,address)…" >&2
        one_module_sources "$out/src"
        sources=$(find "$out/src" -name '*.swift' | sort)
        # shellcheck disable=SC2086
        swiftc "${flags[@]}" -module-name Enrollment -wmo -num-threads 0 -c $sources \
            -emit-module -emit-module-path "$out/Enrollment.swiftmodule" -o "$out/Enrollment.o"
    fi
    for t in $targets; do
        if [[ ! -x "$out/fuzz-$t" ]] || [[ -n $(find "$out/Enrollment.o" "$fuzz/harness/Invariants.swift" "$fuzz/harness/$t.swift" -newer "$out/fuzz-$t") ]]; then
            echo "linking fuzz-$t…" >&2
            # gold warns about every ASan helper symbol it cannot export; the warnings are harmless.
            swiftc "${flags[@]}" -module-name Fuzz -I "$out" "$fuzz/harness/Invariants.swift" "$fuzz/harness/$t.swift" \
                "$out/Enrollment.o" -o "$out/fuzz-$t" 2>&1 | { grep -v "Cannot export local symbol" || true; } >&2
        fi
    done
}

targets_of() {
    if [[ "${1:-all}" == all ]]; then echo "${all_targets[@]}"; else check_target "$1"; echo "$1"; fi
}

mode=fuzz
case "${1:-}" in
    --regress) mode=regress; shift ;;
    --build) mode=build; shift ;;
    --check) check; exit 0 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
esac
targets=$(targets_of "${1:-all}")
seconds="${2:-600}"
build
[[ $mode == build ]] && exit 0
mkdir -p "$fuzz/crashes"

if [[ $mode == regress ]]; then
    for t in $targets; do
        inputs=("$fuzz/corpus/$t"/*)
        for c in "$fuzz/crashes/$t"-*; do [[ -e $c ]] && inputs+=("$c"); done
        if "$bin/fuzz-$t" -runs=1 "${inputs[@]}" >"$out/regress-$t.log" 2>&1; then
            echo "$t: $(grep -c '^Executed' "$out/regress-$t.log") of ${#inputs[@]} inputs pass"
        else
            echo "$t: FAILED on an input (log: $out/regress-$t.log)"
            tail -n 30 "$out/regress-$t.log" >&2
            failed=1
        fi
    done
    exit "${failed:-0}"
fi

summary=()
for t in $targets; do
    work="$fuzz/.build/corpus/$t"
    log="$fuzz/.build/fuzz-$t.log"
    mkdir -p "$work"
    dict=()
    [[ -f "$fuzz/dict/$t.dict" ]] && dict=(-dict="$fuzz/dict/$t.dict")
    before=$(ls "$fuzz/crashes" | wc -l)
    echo "== fuzzing $t for $seconds s (log: $log)" >&2
    start=$(date +%s)
    # Fork mode: a crash is saved and fuzzing goes on, so one shallow bug does not end the run.
    set +e
    # shellcheck disable=SC2086
    "$bin/fuzz-$t" "$work" "$fuzz/corpus/$t" "${dict[@]}" \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -artifact_prefix="$fuzz/crashes/$t-" ${FUZZ_FLAGS:-} >"$log" 2>&1
    status=$?
    set -e
    elapsed=$(( $(date +%s) - start ))
    # The last status line: "#RUNS: cov: C ft: F corp: N exec/s: R oom/timeout/crash: O/T/X time: Ss …"
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    field() { sed -n "s/.*$1 *\([0-9/]*\).*/\1/p" <<<"$last"; }
    runs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
    found=$(( $(ls "$fuzz/crashes" | wc -l) - before ))
    [[ $status -ne 0 ]] && tail -n 40 "$log" >&2
    summary+=("$(printf '%-8s %10s runs %5s s %6s exec/s  cov %5s  ft %6s  corpus %5s  oom/timeout/crash %s  new files %s' \
        "$t" "${runs:-?}" "$elapsed" "$(( ${runs:-0} / (elapsed > 0 ? elapsed : 1) ))" "$(field 'cov:')" "$(field 'ft:')" "$(field 'corp:')" \
        "$(field 'oom\/timeout\/crash:')" "$found")")
done
printf '%s\n' "${summary[@]}"
