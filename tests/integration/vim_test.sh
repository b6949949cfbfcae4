#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Vim + ALE, both from Debian 12 (vim, vim-ale; installed with apt-get if
# missing), with editors/vim on the runtimepath as editors/README.md says:
# file detection on every name of modelfile-names.txt, the syntax groups, and
# modelfile-lsp through ALE on the story's Modelfile: the diagnostic, a
# plain-text hover, the quick fix. The Vim side is vim_ale_test.vim.
# Usage: vim_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]
set -uo pipefail
name=vim_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lsp=${1:?usage: vim_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -x "$lsp" ] || fail "no executable at $lsp"
lsp=$(cd "$(dirname "$lsp")" && pwd)/$(basename "$lsp")
src=$(cd "$src" && pwd)
if ! command -v vim >/dev/null || [ ! -d /usr/share/vim-ale ]; then
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  echo "$name: installing vim and vim-ale from Debian"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq vim vim-ale >/dev/null ||
    fail "apt-get install vim vim-ale failed"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home" "$work/names"
ln -s "$lsp" "$work/bin/modelfile-lsp"
printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' >"$work/Modelfile"
# The story's machine as the memory budget: the raise is then a safe,
# preferred quick fix (without one it is unsafe, by the core's fix policy).
printf '{"hardware": "mac-studio-m2-ultra-64"}\n' >"$work/.modelfile-lint.json"
cat >"$work/sample.Modelfile" <<'MF'
# a comment
FROM qwen3-coder:30b
PARAMETER num_ctx 131072
parameter stop "<|im_end|>"
MESSAGE user hello there
ADAPTER ./lora.gguf
REQUIRES 0.12.0
TEMPLATE """{{ if .System }}
PARAMETER inside the template """
FORM oops
MF
# The vimrc of editors/README.md (its ```vim block under "## Vim").
awk '/^## Vim/ {s=1} s && /^```vim/ {c=1; next} c && /^```/ {exit} c {print}' \
  "$src/editors/README.md" | sed "s|/path/to/modelfile-lint|$src|" >"$work/vimrc"
grep -q 'editors/vim' "$work/vimrc" || fail "no vimrc snippet under '## Vim' in editors/README.md"
# Vim -es skips loading plugins after the vimrc: do that step as startup does.
printf 'runtime! plugin/**/*.vim\nsource %s\n' "$src/tests/integration/vim_ale_test.vim" >>"$work/vimrc"
PATH="$work/bin:$PATH" HOME="$work/home" MFL_SRC="$src" MFL_WORK="$work" \
  MFL_NAMES="$src/tests/integration/modelfile-names.txt" \
  timeout 120 vim -N -u "$work/vimrc" -i NONE -n -es </dev/null >/dev/null 2>&1
rc=$?
cat "$work/vim.log" 2>/dev/null
[ $rc -eq 0 ] || fail "Vim exited with $rc"
grep -q '^PASS vim_ale_test' "$work/vim.log" || fail "Vim exited without PASS"
grep -q '^PARAMETER num_ctx 131072$' "$work/Modelfile" || fail "the file on disk changed (the test never saves)"
echo "PASS $name"
