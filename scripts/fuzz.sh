#!/bin/sh
# Long fuzz runs:
#
#   scripts/fuzz.sh [HARNESS] [SECONDS]
#
# HARNESS is one of csv, encoding, text, validate, vn_input, line_edit, import
# (tests/fuzz/fuzz_HARNESS.c), or "all" (the default): each in turn, never two
# at once.  SECONDS is the time for each (default 300).  Builds build-fuzz/
# with clang if needed.  Each harness's corpus grows across runs in
# $HTX_FUZZ_WORK/HARNESS/corpus (default build-fuzz/fuzz-work), starting from
# the committed seeds of tests/fuzz/corpus/HARNESS, which are never changed;
# a crash file stays beside it and its bytes are printed.  A crash becomes a
# regression test by copying that file into tests/fuzz/corpus/HARNESS/.
# Prints the executions per second of each; exits non-zero on a crash.
set -u
cd "$(dirname "$0")/.."

all="csv encoding text validate vn_input line_edit import"
harness=${1:-all}
seconds=${2:-300}
case "$harness" in
    all) list=$all ;;
    -h|--help)
        sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
        exit 0 ;;
    *)
        list=""
        for h in $all; do
            [ "$h" = "$harness" ] && list=$h
        done
        if [ -z "$list" ]; then
            echo "fuzz.sh: no harness \"$harness\" (one of: $all, all)" >&2
            exit 2
        fi ;;
esac
case "$seconds" in
    ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, not \"$seconds\"" >&2; exit 2 ;;
esac

if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang meson setup build-fuzz -Dfuzz=true >/dev/null || exit 1
fi
targets=""
for h in $list; do
    targets="$targets tests/fuzz/fuzz_$h"
done
# shellcheck disable=SC2086
ninja -C build-fuzz $targets >/dev/null || exit 1

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
work=${HTX_FUZZ_WORK:-build-fuzz/fuzz-work}
status=0
for h in $list; do
    sh tests/fuzz/run_fuzz.sh "build-fuzz/tests/fuzz/fuzz_$h" "tests/fuzz/corpus/$h" "$seconds" \
        "$work/$h" || status=1
done
exit $status
