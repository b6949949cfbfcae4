#!/usr/bin/env bash
# Quick start 2 (and CI): set up, build, and pass the whole test suite, then
# again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/setup.sh" "$root/build" -DMFL_BUILD_TESTS=ON
ctest --test-dir "$root/build" --output-on-failure -j2
"$root/tools/setup.sh" "$root/build-asan" -DMFL_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug -DMFL_BUILD_TESTS=ON
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$root/build-asan" --output-on-failure -j2 -LE "integration|valgrind"
