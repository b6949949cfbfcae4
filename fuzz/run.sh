#!/usr/bin/env bash
# Builds one libFuzzer target with clang (ASan + UBSan, coverage on the whole
# core) and runs it for SECONDS on one job, starting from the committed
# corpus plus the seeds. New interesting inputs go to fuzz/work/<target>/
# (not committed; merge them with `fuzz/run.sh TARGET merge`).
# Usage: fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#        fuzz/run.sh TARGET merge   (minimises work/ + seeds into corpus/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: fuzz/run.sh lint|gguf|manifest|lsp SECONDS}
secs=${2:?usage: fuzz/run.sh TARGET SECONDS}
shift 2
build=${MFL_FUZZ_BUILD:-$root/build-fuzz}
export MFL_FUZZ_CC=${CC:-$(command -v clang-14 || command -v clang)}

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER="$root/fuzz/cc.sh" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMFL_FUZZ=ON -DMFL_SANITIZE=address,undefined \
    -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link -Wno-unused-command-line-argument" >/dev/null
else
  cmake "$build" >/dev/null # picks up new targets
fi
cmake --build "$build" --target "fuzz_$target" -j"${MFL_JOBS:-1}" >/dev/null

corpus=$root/fuzz/corpus/$target
work=$root/fuzz/work/$target
mkdir -p "$corpus" "$work"
dirs=("$work" "$corpus")
[ -d "$root/fuzz/work/seeds/$target" ] && dirs+=("$root/fuzz/work/seeds/$target")
dict=()
[ -f "$root/fuzz/$target.dict" ] && dict=(-dict="$root/fuzz/$target.dict")

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [ "$secs" = merge ]; then
  tmp=$(mktemp -d)
  "$build/tests/fuzz_$target" -merge=1 "${dict[@]}" "$tmp" "${dirs[@]}" "$@"
  rm -f "$corpus"/*
  cp "$tmp"/* "$corpus"/ 2>/dev/null || true
  rm -rf "$tmp"
  exit 0
fi
mkdir -p "$root/fuzz/artifacts"
exec "$build/tests/fuzz_$target" -max_total_time="$secs" -print_final_stats=1 \
  -artifact_prefix="$root/fuzz/artifacts/$target-" -timeout=10 -rss_limit_mb=2048 \
  "${dict[@]}" "$@" "${dirs[@]}"
