#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Editors we can run here besides VS Code and Neovim, installed from Debian 12
# with apt-get if missing:
#  - Emacs 28 + eglot runs the snippet of editors/README.md with
#    editors/emacs/modelfile-mode.el: file detection on every name of
#    modelfile-names.txt, font-lock faces, then against modelfile-lsp on the
#    story's Modelfile: plain-text hover, diagnostic, quick fix, buffer;
#  - Kakoune runs the README's filetype hook on the same names (the
#    kakoune-lsp part cannot run: kakoune-lsp has no Debian package).
# (Helix and Zed have no Debian package either: not tested.)
# Usage: editors_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]
set -uo pipefail
name=editors_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lsp=${1:?usage: editors_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -x "$lsp" ] || fail "no executable at $lsp"
lsp=$(cd "$(dirname "$lsp")" && pwd)/$(basename "$lsp")
has_eglot() { emacs --batch --eval '(require (quote eglot))' >/dev/null 2>&1; }
if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
if ! command -v emacs >/dev/null || ! has_eglot; then
  echo "$name: installing emacs-nox and elpa-eglot from Debian"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq emacs-nox elpa-eglot >/dev/null ||
    fail "apt-get install emacs-nox elpa-eglot failed"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home"
ln -s "$lsp" "$work/bin/modelfile-lsp"
printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' >"$work/Modelfile"
# The story's machine: with a memory budget the raise is a safe (preferred) fix.
printf '{"hardware": "mac-studio-m2-ultra-64"}\n' >"$work/.modelfile-lint.json"
# The snippet exactly as the README shows it.
awk '/^## Emacs/ {s=1} s && /^```elisp/ {c=1; next} c && /^```/ {exit} c {print}' \
  "$src/editors/README.md" >"$work/snippet.el"
[ -s "$work/snippet.el" ] || fail "no elisp snippet under '## Emacs' in editors/README.md"
PATH="$work/bin:$PATH" HOME="$work/home" MFL_WORK="$work" MFL_SNIPPET="$work/snippet.el" \
  MFL_NAMES="$src/tests/integration/modelfile-names.txt" \
  timeout 120 emacs --batch --eval "(add-to-list 'load-path \"$src/editors/emacs\")" \
  -l "$src/tests/integration/emacs_eglot_test.el" </dev/null
rc=$?
[ $rc -eq 0 ] || fail "Emacs/eglot test exited with $rc"

if ! command -v kak >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq kakoune >/dev/null || fail "apt-get install kakoune failed"
fi
awk '/^## Kakoune/ {s=1} s && /^```kak/ {c=1; next} c && /^```/ {exit} c && /BufCreate/ {print}' \
  "$src/editors/README.md" >"$work/ft.kak"
[ -s "$work/ft.kak" ] || fail "no Kakoune BufCreate hook under '## Kakoune' in editors/README.md"
mkdir -p "$work/kak/d"
n=0
while read -r want f; do
  case "$want" in yes) want=modelfile ;; no) want= ;; *) continue ;; esac
  for p in "$f" "d/$f"; do
    rm -f "$work/kak/ft"
    (cd "$work/kak" && HOME="$work/home" timeout 20 kak -n -ui dummy \
       -e "source '$work/ft.kak'; edit '$p'; echo -to-file '$work/kak/ft' %opt{filetype}; quit!") >/dev/null 2>&1
    got=$(cat "$work/kak/ft" 2>/dev/null)
    [ "$got" = "$want" ] || fail "Kakoune: filetype of $p is '$got', want '$want'"
    n=$((n + 1))
  done
done <"$src/tests/integration/modelfile-names.txt"
[ $n -gt 20 ] || fail "only $n names checked"
echo "PASS $name: Emacs/eglot: detection, font-lock, plain hover, quick fix through modelfile-lsp; Kakoune filetype hook on $n names"
