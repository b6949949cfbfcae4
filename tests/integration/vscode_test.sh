#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the VS Code extension the way a release does and checks the .vsix
# files: npm ci (once per lockfile), the tsc type check, the esbuild bundle,
# `vsce package` through scripts/package.sh for the universal package
# (WebAssembly server only) and a linux-x64 platform package (this build's
# modelfile-lsp bundled), then on each unpacked package scripts/check-package.js
# (language, grammar tokenized by VS Code's TextMate engine, settings equal to
# the server's JSON Schema, icon, changelog, engines, no source paths in
# descriptions, the servers each package must carry), scripts/smoke-server.js
# on the bundled server, and the extension's own tests (npm test: the server
# choice on every platform name with failing binaries falling through, and
# the WebAssembly server in process behind vscode-jsonrpc).
# Usage: vscode_test.sh [MODELFILE_LSP_BINARY] [SOURCE_DIR] [MODELFILE_LSP_WASM]
set -uo pipefail
name=vscode_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lsp=${1:-}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
wasm=${3:-}
schema="$src/schema/modelfile-lint.schema.json"
ext="$src/editors/vscode"
command -v npm >/dev/null || fail "npm not found"
if [ -n "$lsp" ]; then
  [ -x "$lsp" ] || fail "no executable at $lsp"
  lsp=$(cd "$(dirname "$lsp")" && pwd)/$(basename "$lsp")
fi
[ -f "$schema" ] || fail "$schema missing: the settings cannot be checked against the server's schema"
[ -z "$wasm" ] || [ -f "$wasm" ] || fail "no WebAssembly server at $wasm"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# npm ci once per lockfile (the folder's node_modules is not committed).
lock=$(sha256sum <"$ext/package-lock.json" | cut -c1-16)
if [ "$(cat "$ext/node_modules/.mfl-lock" 2>/dev/null)" != "$lock" ]; then
  (cd "$ext" && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm-ci.log" 2>&1 || { cat "$work/npm-ci.log"; fail "npm ci"; }
  echo "$lock" >"$ext/node_modules/.mfl-lock"
fi
cd "$ext" || fail "cd"
cp syntaxes/modelfile.tmLanguage.json "$work/grammar.committed.json"
node scripts/gen-grammar.js >/dev/null
cmp -s syntaxes/modelfile.tmLanguage.json "$work/grammar.committed.json" || {
  cp "$work/grammar.committed.json" syntaxes/modelfile.tmLanguage.json
  fail "syntaxes/modelfile.tmLanguage.json is stale against scripts/gen-grammar.js (cd editors/vscode && npm run gen-grammar)"; }
node scripts/sync-settings.js --check "$schema" || fail "package.json settings are stale against the schema (cd editors/vscode && npm run sync-settings)"
npx tsc -p . >"$work/tsc.log" 2>&1 || { cat "$work/tsc.log"; fail "type check"; }

# Without a WebAssembly build, a placeholder module lets the packages build;
# check-package then skips the module check (--wasm=no).
wasm_opt=
if [ -z "$wasm" ]; then
  printf '\0asm\1\0\0\0' >"$work/empty.wasm"
  wasm="$work/empty.wasm"
  wasm_opt=--wasm=no
fi
scripts/package.sh "$work/universal.vsix" "$wasm" >"$work/pkg.log" 2>&1 || { cat "$work/pkg.log"; fail "vsce package (universal)"; }
mkdir "$work/u" && (cd "$work/u" && unzip -q "$work/universal.vsix") || fail "unzip universal .vsix"
node scripts/check-package.js "$work/u" "$schema" 0 $wasm_opt --source="$ext" || fail "universal package is inconsistent"
sizes="universal $(du -k "$work/universal.vsix" | cut -f1) KiB"
if [ -n "$lsp" ]; then
  scripts/package.sh "$work/linux-x64.vsix" "$wasm" linux-x64 "$lsp" >"$work/pkg.log" 2>&1 ||
    { cat "$work/pkg.log"; fail "vsce package --target linux-x64"; }
  mkdir "$work/p" && (cd "$work/p" && unzip -q "$work/linux-x64.vsix") || fail "unzip linux-x64 .vsix"
  node scripts/check-package.js "$work/p" "$schema" 1 --target=linux-x64 $wasm_opt --source="$ext" ||
    fail "linux-x64 package is inconsistent"
  node scripts/smoke-server.js "$work/p/extension/bin/modelfile-lsp" || fail "bundled modelfile-lsp smoke test"
  sizes="$sizes, linux-x64 $(du -k "$work/linux-x64.vsix" | cut -f1) KiB"
fi
MFL_WASM=$([ -z "$wasm_opt" ] && echo "$work/u/extension/wasm/modelfile-lsp.wasm") npm test >"$work/test.log" 2>&1 ||
  { cat "$work/test.log"; fail "npm test (server choice, WebAssembly in process)"; }
grep -E '^# (pass|fail|skipped)' "$work/test.log" | tr '\n' ' '; echo
echo "PASS $name: .vsix built ($sizes), manifests, grammar and settings consistent with the schema$([ -n "$lsp" ] && echo ', bundled server answers'), server choice tested$([ -z "$wasm_opt" ] && echo ', WebAssembly server answers in process')"
