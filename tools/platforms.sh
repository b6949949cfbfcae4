#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds and tests modelfile-lint for the other platforms, each in its own
# build folder beside build/ (which must hold a native build: its
# lsp_transcript runs the server transcripts of the cross builds):
#   nosimd   x86-64 with -DMFL_SIMD=OFF: the portable byte loops, whole suite
#            but the integration, valgrind and fault-injection tests
#   arm64    Linux arm64 (gcc-aarch64-linux-gnu) under qemu-aarch64 -L /, the
#            suite but two slow target-neutral tests (faults.oom,
#            fuzz.replay.lsp); its CLI's output on the corpus must be byte for
#            byte the native one's
#   i686     Linux 32-bit x86 under qemu-i386: the platform layer's tests (a
#            GGUF past 4 GiB) and the CLI end to end (large-file support)
#   win64    Windows x86-64 (mingw-w64, libraries from tools/deps.sh) under
#            Wine: unit tests, rule fixtures, CLI end to end incl.
#            tests/cli/windows.sh, server transcripts, the vscode-jsonrpc test
#   wasm     WebAssembly (WASI): the server transcripts, the vscode-jsonrpc
#            test and the in-process session test under Node
# tools/setup-platforms.sh installs what they need.
# Usage: tools/platforms.sh TARGET...   (default: wasm nosimd arm64 i686 win64)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
native=${MFL_NATIVE_BUILD:-$root/build}
jobs=${MFL_JOBS:-2}
transcript=$native/tests/lsp_transcript
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(wasm nosimd arm64 i686 win64)
[ -x "$transcript" ] || { echo "platforms.sh: build the native build first ($transcript missing)" >&2; exit 2; }

step() { echo "== platforms.sh: $* ($(date +%T))"; }

# (Re)configures a build folder; a changed dependency prefix starts it afresh.
configure() { # dir args...
  local dir=$1; shift
  local prefix=""
  for a in "$@"; do case "$a" in -DMFL_DEPS_PREFIX=*) prefix=${a#*=} ;; esac; done
  if [ -n "$prefix" ] && [ -f "$dir/CMakeCache.txt" ] && ! grep -qx "MFL_DEPS_PREFIX:UNINITIALIZED=$prefix\|MFL_DEPS_PREFIX:PATH=$prefix" "$dir/CMakeCache.txt"; then
    rm -rf "$dir"
  fi
  cmake -S "$root" -B "$dir" -DMFL_HOST_TRANSCRIPT="$transcript" "$@" >/dev/null
}

run_nosimd() {
  step "x86-64 with MFL_SIMD=OFF"
  configure "$root/build-nosimd" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMFL_SIMD=OFF
  cmake --build "$root/build-nosimd" -j"$jobs" >/dev/null
  ctest --test-dir "$root/build-nosimd" --output-on-failure -j"$jobs" -LE "integration|valgrind|faults"
}

run_arm64() {
  step "Linux arm64 under qemu-aarch64"
  configure "$root/build-arm64" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/aarch64-linux-gnu.cmake" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build "$root/build-arm64" -j"$jobs" >/dev/null
  ctest --test-dir "$root/build-arm64" --output-on-failure -j"$jobs" -E "^(faults\.oom|fuzz\.replay\.lsp)$"
  # The arm64 CLI's JSON on every Modelfile at hand (the real corpus when it
  # is there, the rule fixtures and examples always) is the x86-64 one's.
  local corpus=${MFL_CORPUS_DIR:-$root/../shared/corpus/real} list a b
  list=$(mktemp) a=$(mktemp) b=$(mktemp)
  { [ -d "$corpus" ] && find "$corpus" -maxdepth 1 -type f ! -name '*.tsv'
    find "$root/tests/rules" "$root/examples" -type f -name '*Modelfile*' ! -name '*.out' ! -name '*.fixed'; } |
    LC_ALL=C sort >"$list"
  tr '\n' '\0' <"$list" | xargs -0 -n 200 "$native/lint/modelfile-lint" --no-config --format json >"$a" 2>&1 || true
  tr '\n' '\0' <"$list" | xargs -0 -n 200 "$root/build-arm64/run/modelfile-lint" --no-config --format json >"$b" 2>&1 || true
  if cmp -s "$a" "$b" && [ -s "$a" ]; then
    echo "arm64: the CLI's JSON on $(wc -l <"$list") Modelfiles ($(wc -c <"$a") bytes) is byte-identical to x86-64's"
  else
    echo "FAIL: arm64 and x86-64 disagree on the same Modelfiles:" >&2
    diff "$a" "$b" | head -20 >&2
    rm -f "$list" "$a" "$b"
    return 1
  fi
  rm -f "$list" "$a" "$b"
}

run_i686() {
  step "Linux 32-bit x86 under qemu-i386 (large files)"
  configure "$root/build-i686" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/i686-linux-gnu.cmake" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build "$root/build-i686" -j"$jobs" --target test_os modelfile-lint >/dev/null
  ctest --test-dir "$root/build-i686" --output-on-failure -j"$jobs" -R "^(unit\.os|cli\.e2e)$"
}

run_win64() {
  step "Windows x86-64 under Wine"
  local prefix
  prefix=$("$root/tools/deps.sh" win64)
  configure "$root/build-win64" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/mingw-w64-x86_64.cmake" \
    -DMFL_DEPS_PREFIX="$prefix" -DCMAKE_BUILD_TYPE=Release
  cmake --build "$root/build-win64" -j"$jobs" >/dev/null
  export WINEPREFIX=${WINEPREFIX:-${MFL_CACHE:-$HOME/.cache/modelfile-lint}/wine} WINEDEBUG=-all
  # One Wine server for the whole run (each program then starts in a fraction
  # of a second instead of seconds), started first, away from our output (it
  # outlives the command that starts it), and stopped at the end.
  wineserver -k >/dev/null 2>&1 || true
  wineserver -p </dev/null >/dev/null 2>&1 || true
  trap 'wineserver -k >/dev/null 2>&1 || true' EXIT
  wineboot -i </dev/null >/dev/null 2>&1 || true
  local rc=0
  ctest --test-dir "$root/build-win64" --output-on-failure -j"$jobs" || rc=$?
  wineserver -k >/dev/null 2>&1 || true
  trap - EXIT
  return $rc
}

run_wasm() {
  step "WebAssembly (WASI) under Node"
  local prefix
  prefix=$("$root/tools/deps.sh" wasm32-wasi)
  configure "$root/build-wasm" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/wasm32-wasi.cmake" \
    -DMFL_DEPS_PREFIX="$prefix" -DCMAKE_BUILD_TYPE=Release
  cmake --build "$root/build-wasm" -j"$jobs" >/dev/null
  ctest --test-dir "$root/build-wasm" --output-on-failure -j"$jobs"
}

for t in "${targets[@]}"; do
  case "$t" in
    nosimd|arm64|i686|win64|wasm) start=$SECONDS; "run_$t"; echo "== $t: $((SECONDS - start)) s" ;;
    *) echo "platforms.sh: unknown target '$t'" >&2; exit 2 ;;
  esac
done
