#!/bin/sh
# Installs the Debian 12 packages htx needs to build, run and test.
# Run as root (or through sudo).  Installs only what is missing, so a second
# run is quick and works offline.
set -eu

packages="
  build-essential
  pkg-config
  meson
  ninja-build
  libncurses-dev
  libsqlite3-dev
  libutf8proc-dev
  libcmocka-dev
  sqlite3
  python3
  python3-icu
  tmux
  locales
  libcairo2-dev
  libpango1.0-dev
  fonts-dejavu-core
  fonts-liberation2
  libxlsxwriter-dev
  python3-openpyxl
  poppler-utils
  libcups2-dev
  cups-client
  cups
  cups-filters
  clang
  libclang-rt-14-dev
  libzip-dev
  libexpat1-dev
  libfreexl-dev
  python3-xlwt
  python3-odf
"

missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup: these packages are missing:$missing" >&2
        echo "setup: run this script as root (sudo $0) to install them" >&2
        exit 1
    fi
    echo "setup: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# A UTF-8 locale for the terminal interface and its tests.
if ! locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$'; then
    echo "setup: no C.UTF-8 locale found" >&2
fi
