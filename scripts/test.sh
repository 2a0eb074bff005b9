#!/bin/sh
# Runs the whole test suite: a normal build, then the same tests built with
# AddressSanitizer and UndefinedBehaviorSanitizer.  Ends with the line
# "N passed, N failed" summed over both builds; exits non-zero on failure.
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

# Count results from meson's test logs (one JSON object per test).
python3 - build build-sanitize <<'PY'
import json, os, sys
passed = failed = skipped = 0
for d in sys.argv[1:]:
    log = os.path.join(d, "meson-logs", "testlog.json")
    if not os.path.exists(log):
        failed += 1
        continue
    for line in open(log, encoding="utf-8"):
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY
[ $? -eq 0 ] || status=1
exit $status
