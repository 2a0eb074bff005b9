#!/bin/sh
# Runs the whole test suite: a normal build, then the same tests built with
# AddressSanitizer and UndefinedBehaviorSanitizer.  Ends with the line
# "N passed, N failed" summed over both builds (scripts/test_summary.py);
# exits non-zero on failure.
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

# The summary line, unless the caller prints it itself (.ci/run).
if [ "${HTX_TEST_SUMMARY:-yes}" != no ]; then
    python3 scripts/test_summary.py build build-sanitize || status=1
fi
exit $status
