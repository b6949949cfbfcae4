#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds one .vsix from this folder: the universal package (the WebAssembly
# server only, run inside VS Code) or a platform package (`vsce package
# --target TARGET`, with its native modelfile-lsp stripped, and the
# WebAssembly server as the last fallback). Works in a copy: nothing in the
# source tree changes. Needs `npm ci` done here first.
# Usage: scripts/package.sh OUT.vsix MODELFILE-LSP.wasm [TARGET NATIVE-BINARY]
#   TARGET: linux-x64, linux-arm64, win32-x64 (any vsce target)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/../.." && pwd)
out=$(realpath -m "${1:?usage: package.sh OUT.vsix WASM [TARGET BINARY]}")
wasm=${2:?usage: package.sh OUT.vsix WASM [TARGET BINARY]}
target=${3:-}
binary=${4:-}
[ -d "$here/node_modules/@vscode/vsce" ] || { echo "package.sh: run npm ci in $here first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The repository's layout, as esbuild resolves ../../../wasm/session.mjs.
mkdir -p "$work/editors/vscode" "$work/wasm" "$work/schema"
(cd "$here" && tar --exclude=./node_modules --exclude=./out --exclude=./schema --exclude='./bin/*' \
   --exclude=./wasm --exclude='*.vsix' -cf - .) | (cd "$work/editors/vscode" && tar -xf -)
cp "$repo"/wasm/*.mjs "$repo"/wasm/*.d.mts "$work/wasm/"
cp "$repo/schema/modelfile-lint.schema.json" "$work/schema/"
ln -s "$here/node_modules" "$work/editors/vscode/node_modules"
ext=$work/editors/vscode
mkdir -p "$ext/wasm" "$ext/bin"
cp "$wasm" "$ext/wasm/modelfile-lsp.wasm"
if [ -n "$target" ]; then
  case "$target" in
    win32-*) exe=modelfile-lsp.exe; strip=x86_64-w64-mingw32-strip ;;
    linux-arm64) exe=modelfile-lsp; strip=aarch64-linux-gnu-strip ;;
    linux-x64) exe=modelfile-lsp; strip=strip ;;
    *) exe=modelfile-lsp; strip=strip ;;
  esac
  cp "$binary" "$ext/bin/$exe"
  chmod 755 "$ext/bin/$exe"
  "$strip" "$ext/bin/$exe"
fi
(cd "$ext" && MFL_SCHEMA="$work/schema/modelfile-lint.schema.json" \
   npx vsce package --no-dependencies ${target:+--target "$target"} --out "$out") >"$work/vsce.log" 2>&1 ||
  { cat "$work/vsce.log" >&2; exit 1; }
echo "$out ($(du -k "$out" | cut -f1) KiB${target:+, $target})"
