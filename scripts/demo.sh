#!/bin/sh
# Sets everything up and opens htx on the demo database:
# installs missing packages, builds, creates demo.db if absent, runs htx.
set -eu
cd "$(dirname "$0")/.."
./scripts/setup-debian.sh
./scripts/build.sh
db="${HTX_DB:-$PWD/demo.db}"
if [ ! -e "$db" ]; then
    ./build/tui/htx --db "$db" init --demo
fi
export LANG="${LANG:-C.UTF-8}"
exec ./build/tui/htx --db "$db" "$@"
