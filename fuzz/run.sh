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
  cmake "$build" >/dev/null 2>&1 || true # picks up new targets (a failed re-run keeps the old build files)
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
  # Minimises work/ + corpus/ + the project's own seeds into corpus/. Seeds
  # from ../shared/corpus/real (named real-*) are left out, and any result
  # that is byte-for-byte a file of that corpus is dropped: it must never be
  # committed.
  # Lint inputs are capped at 3 KiB (the corpus halves, the edges stay).
  merge_len=${MFL_MERGE_MAX_LEN:-$([ "$target" = lint ] && echo 3072 || echo 16384)}
  tmp=$(mktemp -d)
  mkdir "$tmp/out" "$tmp/seeds"
  if [ -d "$root/fuzz/work/seeds/$target" ]; then
    find "$root/fuzz/work/seeds/$target" -type f ! -name 'real-*' -exec cp {} "$tmp/seeds/" \;
  fi
  "$build/tests/fuzz_$target" -merge=1 -max_len="$merge_len" "${dict[@]}" "$@" "$tmp/out" "$work" "$corpus" "$tmp/seeds"
  shared=${MFL_SHARED_CORPUS:-$root/../shared/corpus/real}
  if [ -d "$shared" ]; then
    find "$shared" -type f -exec sha256sum {} + | awk '{print $1}' | sort -u > "$tmp/shared.sha"
    for f in "$tmp/out"/*; do
      [ -f "$f" ] || continue
      if grep -qx "$(sha256sum "$f" | awk '{print $1}')" "$tmp/shared.sha"; then
        echo "dropped $(basename "$f"): a verbatim copy of a shared corpus file" >&2
        rm -f "$f"
      fi
    done
  fi
  # Only what libFuzzer named (40 hex digits) is replaced: regression inputs
  # (regress-*) and hand-written seeds are kept by name.
  find "$corpus" -maxdepth 1 -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -delete
  cp "$tmp/out"/* "$corpus"/ 2>/dev/null || true
  rm -rf "$tmp"
  echo "$target: $(ls "$corpus" | wc -l) inputs in fuzz/corpus/$target"
  exit 0
fi
mkdir -p "$root/fuzz/artifacts"
exec "$build/tests/fuzz_$target" -max_total_time="$secs" -print_final_stats=1 \
  -artifact_prefix="$root/fuzz/artifacts/$target-" -timeout=10 -rss_limit_mb=2048 \
  "${dict[@]}" "$@" "${dirs[@]}"
