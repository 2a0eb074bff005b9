#!/bin/sh
# Runs the whole test suite: a normal build, then the same tests built with
# AddressSanitizer and UndefinedBehaviorSanitizer, then a short run of each
# libFuzzer harness (tests/fuzz/, built with clang in build-fuzz/; the suite
# 'fuzz', about 10 s a harness).  Ends with the line "N passed, N failed"
# summed over the three builds (scripts/test_summary.py); exits non-zero on
# failure.
set -u
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh || exit 1

export LANG=C.UTF-8
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export MESON_TESTTHREADS="${MESON_TESTTHREADS:-2}"

status=0
run_suite() {
    dir=$1
    shift
    # A log left by an earlier run must not be counted for this one.
    rm -f "$dir/meson-logs/testlog.json"
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >/dev/null || return 1
    fi
    ninja -C "$dir" || return 1
    meson test -C "$dir" --print-errorlogs
}

echo "== build/ =="
run_suite build || status=1
echo "== build-sanitize/ (ASan + UBSan) =="
run_suite build-sanitize -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fno-sanitize-recover=all || status=1

# The harnesses only: meson test builds what the fuzz suite needs.
run_fuzz_suite() {
    rm -f build-fuzz/meson-logs/testlog.json
    if [ ! -f build-fuzz/build.ninja ]; then
        CC=clang meson setup build-fuzz -Dfuzz=true >/dev/null || return 1
    fi
    meson test -C build-fuzz --suite fuzz --print-errorlogs
    st=$?
    # Each harness's speed, for the log.
    grep -h '^fuzz_.*exec/s' build-fuzz/meson-logs/testlog.txt 2>/dev/null
    return $st
}
echo "== build-fuzz/ (libFuzzer + ASan + UBSan, clang) =="
run_fuzz_suite || status=1

# The summary line, unless the caller prints it itself (.ci/run).
if [ "${HTX_TEST_SUMMARY:-yes}" != no ]; then
    python3 scripts/test_summary.py build build-sanitize build-fuzz || status=1
fi
exit $status
