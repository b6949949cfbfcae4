#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the VS Code extension the way a release does and checks the .vsix:
# npm ci, tsc type check, esbuild bundle, `vsce package` (with modelfile-lsp
# bundled in bin/), then scripts/check-package.js on the unpacked .vsix
# (language, grammar tokenized by VS Code's TextMate engine, settings equal to
# the server's JSON Schema) and scripts/smoke-server.js on the bundled server.
# Usage: vscode_test.sh [MODELFILE_LSP_BINARY] [SOURCE_DIR]
set -uo pipefail
name=vscode_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lsp=${1:-}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
schema="$src/schema/modelfile-lint.schema.json"
command -v npm >/dev/null || fail "npm not found"
if [ -n "$lsp" ]; then
  [ -x "$lsp" ] || fail "no executable at $lsp"
  lsp=$(cd "$(dirname "$lsp")" && pwd)/$(basename "$lsp")
fi
[ -f "$schema" ] || fail "$schema missing: the settings cannot be checked against the server's schema"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ext="$work/vscode"
mkdir -p "$ext"
# A clean copy of the extension sources (no node_modules, out or bin artifacts).
(cd "$src/editors/vscode" && tar --exclude=./node_modules --exclude=./out --exclude=./schema \
   --exclude='./bin/*' --exclude='*.vsix' -cf - .) | (cd "$ext" && tar -xf -) || fail "copy"
cd "$ext" || fail "cd"
npm ci --no-audit --no-fund --loglevel=error >"$work/npm-ci.log" 2>&1 || { cat "$work/npm-ci.log"; fail "npm ci"; }
cp syntaxes/modelfile.tmLanguage.json "$work/grammar.committed.json"
node scripts/gen-grammar.js >/dev/null && cmp -s syntaxes/modelfile.tmLanguage.json "$work/grammar.committed.json" ||
  fail "syntaxes/modelfile.tmLanguage.json is stale against scripts/gen-grammar.js (cd editors/vscode && npm run gen-grammar)"
node scripts/sync-settings.js --check "$schema" || fail "package.json settings are stale against the schema (cd editors/vscode && npm run sync-settings)"
bundled=0
if [ -n "$lsp" ]; then
  cp "$lsp" bin/modelfile-lsp && chmod 755 bin/modelfile-lsp && bundled=1
fi
MFL_SCHEMA="$schema" npx vsce package --no-dependencies --out "$work/modelfile-lint.vsix" >"$work/vsce.log" 2>&1 ||
  { cat "$work/vsce.log"; fail "vsce package"; }
tail -n 3 "$work/vsce.log"
mkdir "$work/unpacked" && (cd "$work/unpacked" && unzip -q "$work/modelfile-lint.vsix") || fail "unzip .vsix"
node scripts/check-package.js "$work/unpacked" "$schema" "$bundled" || fail "packaged extension is inconsistent"
if [ "$bundled" = 1 ]; then
  node scripts/smoke-server.js "$work/unpacked/extension/bin/modelfile-lsp" || fail "bundled modelfile-lsp smoke test"
fi
echo "PASS $name: .vsix built ($(du -k "$work/modelfile-lint.vsix" | cut -f1) KiB), manifest, grammar and settings consistent with the schema$([ $bundled = 1 ] && echo ', bundled server answers')"
