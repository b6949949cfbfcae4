#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Editors we can run here besides VS Code and Neovim: Emacs 28 + eglot from
# Debian 12 (installed with apt-get if missing) runs the eglot snippet of
# editors/README.md against modelfile-lsp on the story's Modelfile.
# (Helix, Zed and kakoune-lsp have no Debian package: not tested.)
# Usage: editors_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]
set -uo pipefail
name=editors_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lsp=${1:?usage: editors_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -x "$lsp" ] || fail "no executable at $lsp"
lsp=$(cd "$(dirname "$lsp")" && pwd)/$(basename "$lsp")
has_eglot() { emacs --batch -Q --eval '(progn (package-initialize) (require (quote eglot)))' >/dev/null 2>&1; }
if ! command -v emacs >/dev/null || ! has_eglot; then
  echo "$name: installing emacs-nox and elpa-eglot from Debian"
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq emacs-nox elpa-eglot >/dev/null ||
    fail "apt-get install emacs-nox elpa-eglot failed"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home"
ln -s "$lsp" "$work/bin/modelfile-lsp"
printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' >"$work/Modelfile"
# The snippet exactly as the README shows it.
awk '/^## Emacs/ {s=1} s && /^```elisp/ {c=1; next} c && /^```/ {exit} c {print}' \
  "$src/editors/README.md" >"$work/snippet.el"
[ -s "$work/snippet.el" ] || fail "no elisp snippet under '## Emacs' in editors/README.md"
PATH="$work/bin:$PATH" HOME="$work/home" MFL_WORK="$work" MFL_SNIPPET="$work/snippet.el" \
  timeout 120 emacs --batch -Q -l "$src/tests/integration/emacs_eglot_test.el" </dev/null
rc=$?
[ $rc -eq 0 ] || fail "Emacs/eglot test exited with $rc"
