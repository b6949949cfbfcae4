#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the playground (tools/playground.sh: npm ci into BUILD_DIR, never into
# the source tree) and runs one of its browser tests in Debian's Chromium.
# Usage: run.sh story|differential WASM BUILD_DIR [MODELFILE-LINT CORPUS]
# Exits 77 (skipped) without node, npm access or Chromium, except in CI
# (CI set), where whatever a test needs must be there.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
which=$1 wasm=$2 build=$3 lint=${4:-} corpus=${5:-}
skip() {
  if [ -n "${CI:-}" ]; then echo "FAIL: $*"; exit 1; fi
  echo "skipped: $*"; exit 77
}
if [ "$which" = differential ] && [ ! -d "$corpus" ]; then
  echo "skipped: no corpus at $corpus (the differential test needs ../shared/corpus/real)"; exit 77
fi
command -v node >/dev/null || skip "node not found"
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$chromium" ] || skip "Chromium not found (tools/setup-platforms.sh wasm installs Debian's chromium)"
[ -f "$wasm" ] || skip "no $wasm (tools/platforms.sh wasm builds it)"
out=$build/playground npm_dir=$build/playground-npm
if ! "$root/tools/playground.sh" --wasm "$wasm" --npm "$npm_dir" "$out" >"$build/playground-build.log" 2>&1; then
  cat "$build/playground-build.log"
  grep -q "^npm error" "$build/playground-build.log" && skip "npm ci failed (no registry?)"
  exit 1
fi
export PLAYGROUND_DIR=$out PLAYGROUND_MODULES=$npm_dir/node_modules PLAYGROUND_ARTIFACTS=$build/playground-artifacts
export CHROMIUM=$chromium MFL_LINT=$lint MFL_CORPUS=$corpus
exec node --test --test-reporter=spec --test-concurrency=1 "$here/$which.test.mjs"
