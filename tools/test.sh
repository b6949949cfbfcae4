#!/usr/bin/env bash
# Quick start 2 (and CI): set up, build, and pass the whole test suite, then
# again under AddressSanitizer + UndefinedBehaviorSanitizer, then on the other
# platforms (tools/platforms.sh): WebAssembly under Node, x86-64 without SIMD,
# Linux arm64 under qemu-user, 32-bit x86 (large files), Windows under Wine.
# MFL_PLATFORMS="wasm arm64" narrows the last part; MFL_PLATFORMS=none skips it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
t0=$SECONDS
platforms=${MFL_PLATFORMS:-wasm nosimd arm64 i686 win64}
[ "$platforms" = none ] && platforms=
"$root/tools/setup.sh" "$root/build" -DMFL_BUILD_TESTS=ON
wasm_module=
if [ -n "$platforms" ]; then
  needs=$(echo " $platforms " | sed 's/ nosimd / /g')
  # shellcheck disable=SC2086
  [ -z "${needs// /}" ] || "$root/tools/setup-platforms.sh" $needs
  if [[ " $platforms " == *" wasm "* ]]; then
    # First: the native build's VS Code test packages the WebAssembly server.
    "$root/tools/platforms.sh" wasm
    wasm_module=$root/build-wasm/lsp/modelfile-lsp.wasm
    platforms=$(echo " $platforms " | sed 's/ wasm / /')
  fi
fi
cmake "$root/build" -DMFL_WASM_MODULE="$wasm_module" >/dev/null
cmake --build "$root/build" -j2 >/dev/null
ctest --test-dir "$root/build" --output-on-failure -j2
"$root/tools/setup.sh" "$root/build-asan" -DMFL_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=Debug -DMFL_BUILD_TESTS=ON
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir "$root/build-asan" --output-on-failure -j2 -LE "integration|valgrind"
# shellcheck disable=SC2086
[ -z "${platforms// /}" ] || "$root/tools/platforms.sh" $platforms
echo "tools/test.sh: everything passed in $((SECONDS - t0)) s"
