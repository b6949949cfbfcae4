#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the web playground (playground/) into a folder of static files:
# the WebAssembly server (build-wasm, tools/deps.sh's libraries; the
# toolchain from tools/setup-platforms.sh wasm), the locked npm packages
# installed into the build folder (never into the source tree), and the page
# bundled by playground/build.mjs.
#
#   tools/playground.sh [OUT]          build into OUT (default build-wasm/playground)
#   tools/playground.sh --serve [PORT] build, then serve it on http://127.0.0.1:PORT/ (8000)
#
# Options: --wasm FILE uses that modelfile-lsp.wasm instead of building one;
# --npm DIR installs the npm packages there (default: build-wasm/playground-npm).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="" wasm="" npm_dir="" serve=""
while [ $# -gt 0 ]; do
  case "$1" in
    --wasm) wasm=$2; shift 2 ;;
    --npm) npm_dir=$2; shift 2 ;;
    --serve) serve=8000; if [[ "${2:-}" =~ ^[0-9]+$ ]]; then serve=$2; shift; fi; shift ;;
    -h|--help) sed -n '3,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "playground.sh: unknown option $1" >&2; exit 2 ;;
    *) out=$1; shift ;;
  esac
done
out=${out:-$root/build-wasm/playground}
npm_dir=${npm_dir:-$root/build-wasm/playground-npm}
command -v node >/dev/null || { echo "playground.sh: node not found (tools/setup.sh installs it)" >&2; exit 2; }
command -v npm >/dev/null || { echo "playground.sh: npm not found (tools/setup.sh installs it)" >&2; exit 2; }

if [ -z "$wasm" ]; then
  prefix=$("$root/tools/deps.sh" wasm32-wasi)
  if [ ! -f "$root/build-wasm/CMakeCache.txt" ] || ! grep -q "^MFL_DEPS_PREFIX:.*=$prefix\$" "$root/build-wasm/CMakeCache.txt"; then
    cmake -S "$root" -B "$root/build-wasm" -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/wasm32-wasi.cmake" \
      -DMFL_DEPS_PREFIX="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  cmake --build "$root/build-wasm" -j"${MFL_JOBS:-2}" --target modelfile-lsp >/dev/null
  wasm=$root/build-wasm/lsp/modelfile-lsp.wasm
fi

# npm ci into npm_dir, once per lockfile: the source tree stays untouched.
mkdir -p "$npm_dir"
lock_sum=$(sha256sum "$root/playground/package-lock.json" "$root/playground/package.json" | sha256sum | cut -c1-16)
if [ "$(cat "$npm_dir/.lock-sum" 2>/dev/null)" != "$lock_sum" ] || [ ! -d "$npm_dir/node_modules/esbuild" ]; then
  cp "$root/playground/package.json" "$root/playground/package-lock.json" "$npm_dir/"
  (cd "$npm_dir" && npm ci --no-audit --no-fund --loglevel=error) >&2
  echo "$lock_sum" >"$npm_dir/.lock-sum"
fi

node "$root/playground/build.mjs" --wasm "$wasm" --out "$out" --modules "$npm_dir/node_modules"
if [ -n "$serve" ]; then
  echo "serving $out on http://127.0.0.1:$serve/ (Ctrl-C stops)"
  exec python3 -m http.server --bind 127.0.0.1 --directory "$out" "$serve"
fi
