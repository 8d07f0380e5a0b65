#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test:
# unit and end-to-end tests (ctest), the unit tests again under ASan+UBSan,
# and the formatting check. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== build (warnings are errors)"
scripts/build.sh -DRECKON_WARNINGS_AS_ERRORS=ON

echo "== unit and end-to-end tests"
ctest --test-dir build --output-on-failure -j"$(nproc)"

echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRECKON_SANITIZE=ON \
  -DRECKON_WARNINGS_AS_ERRORS=ON -DRECKON_BUILD_BENCHMARKS=OFF >/dev/null
ninja -C build-asan -j"$(nproc)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -L unit

echo "== format check"
scripts/check-format.sh
