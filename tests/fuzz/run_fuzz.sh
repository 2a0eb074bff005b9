#!/bin/sh
# Runs one libFuzzer harness for a while over its seed corpus:
#
#   run_fuzz.sh HARNESS SEED_DIR SECONDS [WORK_DIR]
#
# Without WORK_DIR (the test suite) the seeds are copied to a temporary
# directory removed afterwards, so the committed corpus never changes; with
# it (scripts/fuzz.sh) the corpus grows in WORK_DIR/corpus across runs and
# crash files stay in WORK_DIR.  Prints the executions per second; on a
# crash prints libFuzzer's report and the crashing input in hex, and fails.
set -u
harness=$1
seeds=$2
seconds=${3:-10}
name=$(basename "$harness")

# Scratch files of the harness (the import's databases), in memory where
# the system has it, removed afterwards even when the harness crashed.
shm=${TMPDIR:-/tmp}
[ -w /dev/shm ] && shm=/dev/shm
scratch=$(mktemp -d "$shm/htx-$name.XXXXXX") || exit 1
export HTX_FUZZ_TMP="$scratch"
if [ $# -ge 4 ]; then
    work=$4
    keep=yes
    trap 'rm -rf "$scratch"' EXIT
    mkdir -p "$work/corpus" || exit 1
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/htx-$name.XXXXXX") || exit 1
    keep=no
    trap 'rm -rf "$work" "$scratch"' EXIT
    mkdir "$work/corpus"
fi
trap 'exit 1' HUP INT TERM
cp "$seeds"/* "$work/corpus/" 2>/dev/null || true
artifacts() {
    ls "$work" | grep -E '^(crash|leak|timeout|oom)-' | tr '\n' ' '
}
earlier=" $(artifacts)"

log="$work/$name.log"
"$harness" -max_total_time="$seconds" -rss_limit_mb=512 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/corpus" >"$log" 2>&1
status=$?

execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
units=$(ls "$work/corpus" | wc -l)
echo "$name: ${rate:-?} exec/s (${execs:-?} runs, at most $seconds s), corpus of $units inputs"

crashes=""
for file in $(artifacts); do
    case "$earlier " in
        *" $file "*) ;; # from an earlier run in the same work directory
        *) crashes="$crashes $file" ;;
    esac
done
if [ "$status" -ne 0 ] || [ -n "$crashes" ]; then
    echo "$name: FAILED (exit status $status)"
    # libFuzzer's report: the sanitizer's or the property's message and the stack.
    grep -v -E '^(#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|INITED|DONE|RELOAD)|INFO:|stat::)' "$log" | tail -n 80
    for crash in $crashes; do
        echo "-- $crash ($(wc -c <"$work/$crash") bytes):"
        od -A d -t x1 "$work/$crash" | head -n 40
        if [ "$keep" = yes ]; then
            echo "   kept in $work/$crash"
        fi
    done
    # A crash file outlives the temporary directory beside the test logs.
    if [ "$keep" = no ] && [ -n "$crashes" ]; then
        for crash in $crashes; do
            cp "$work/$crash" "./$name-$crash" 2>/dev/null && echo "   copied to $PWD/$name-$crash"
        done
    fi
    exit 1
fi
exit 0
