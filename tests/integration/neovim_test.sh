#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Headless Neovim 0.10 (Debian 13's package, through tools/debian13-tool.sh)
# with editors/neovim on the runtimepath: filetype detection, the tree-sitter
# parser compiled from grammar/src with our queries, then the story's
# Modelfile (FROM qwen3-coder:30b + PARAMETER num_ctx 131072): waits for
# modelfile-lsp's diagnostic, applies the quick fix, checks the buffer says
# num_ctx 262144. The Lua side is neovim_test.lua.
# Usage: neovim_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]
set -uo pipefail
name=neovim_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lsp=${1:?usage: neovim_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -x "$lsp" ] || fail "no executable at $lsp"
lsp=$(cd "$(dirname "$lsp")" && pwd)/$(basename "$lsp")
nvim=("$src/tools/debian13-tool.sh" nvim)
ver=$("${nvim[@]}" --version 2>/dev/null | head -n 1) || fail "could not run Neovim from Debian 13 (tools/debian13-tool.sh nvim)"
case "$ver" in "NVIM v0.1"[0-9]*) ;; *) fail "need Neovim 0.10+, got '$ver'" ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' > "$work/Modelfile"
# The story's machine: with a memory budget the raise is a safe (preferred) fix.
printf '{"hardware": "mac-studio-m2-ultra-64"}\n' > "$work/.modelfile-lint.json"
export MFL_SRC="$src" MFL_LSP="$lsp" MFL_WORK="$work" MFL_NAMES="$src/tests/integration/modelfile-names.txt"
# A clean runtime path: nothing from the machine's /usr/share/nvim/site.
mkdir -p "$work/empty"
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
export XDG_DATA_DIRS="$work/empty" XDG_CONFIG_DIRS="$work/empty"
timeout 120 "${nvim[@]}" --headless -n -i NONE -u "$src/tests/integration/neovim_test.lua"
rc=$?
[ $rc -eq 0 ] || fail "Neovim exited with $rc"
grep -q '^PARAMETER num_ctx 131072$' "$work/Modelfile" || fail "the file on disk changed (the test never saves)"
