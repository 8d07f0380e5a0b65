#!/usr/bin/env bash
# Installs what Reckon needs to build, test and run, from Debian 12 packages only.
# Safe to run again: installs only what is missing. Must run as root (or with sudo).
set -euo pipefail

PACKAGES=(
  g++ cmake ninja-build pkg-config git
  libsqlite3-dev sqlite3 libicu-dev libsodium-dev libssl-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format time
  chromium
  libcpp-httplib-dev wrk curl jq
)
# The browser tests (tests/browser/) need Node and npm: Debian's packages only when no node is on
# PATH (a node installed otherwise is kept; Debian's nodejs would conflict with it).
if ! command -v node >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
