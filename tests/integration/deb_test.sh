#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb with CPack from a configured and built tree, checks its
# control data and contents, installs it with dpkg (apt-get install -f for the
# dependencies), runs the installed programs on a sample Modelfile, and
# removes the package again if it was not installed before.
# Usage: deb_test.sh BUILD_DIR [SOURCE_DIR]
set -uo pipefail
# (grep -q reads a here-string, never a pipe: under pipefail a writer killed
# by SIGPIPE when grep exits at its first match fails the pipeline.)
name=deb_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
build=${1:?usage: deb_test.sh BUILD_DIR [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
[ -f "$build/CPackConfig.cmake" ] || fail "$build/CPackConfig.cmake missing (include cmake/Packaging.cmake)"
if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
export DEBIAN_FRONTEND=noninteractive

work=$(mktemp -d)
was_installed=0
dpkg-query -W -f='${Status}' modelfile-lint 2>/dev/null | grep -q 'install ok installed' && was_installed=1
cleanup() {
  if [ "$was_installed" = 0 ] && dpkg-query -W modelfile-lint >/dev/null 2>&1; then
    $sudo dpkg -r modelfile-lint >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$work" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$work"/out/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no .deb produced"
echo "$name: built $(basename "$deb")"

# Control data.
depends=$(dpkg-deb -f "$deb" Depends)
echo "$name: Depends: $depends"
# libuv is shared unless MFL_STATIC_LIBUV; tree-sitter and jansson are
# linked in when their static archives exist (MFL_STATIC_DEPS). The ldd check
# below ties the rest.
for lib in libc6 $(grep -q '^MFL_STATIC_LIBUV:BOOL=ON' "$build/CMakeCache.txt" || echo libuv1); do
  grep -q "\b$lib\b" <<<"$depends" || fail "Depends lacks $lib"
done
[ "$(dpkg-deb -f "$deb" Package)" = modelfile-lint ] || fail "package name"
# Suggests: each package exists in this release, and none is pinned to a
# version this release does not have (Debian 12's Neovim is 0.7, which the
# plugin supports without tree-sitter: neovim_tty_test.sh checks it).
suggests=$(dpkg-deb -f "$deb" Suggests)
echo "$name: Suggests: $suggests"
grep -q '(' <<<"$suggests" && fail "Suggests pins a version: $suggests"
for p in $(echo "$suggests" | tr ',|' '  '); do
  apt-cache show "$p" >/dev/null 2>&1 || fail "Suggests names $p, which this release does not have"
done
# Contents.
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents"
for f in ./usr/bin/modelfile-lint ./usr/bin/modelfile-lsp \
         ./usr/share/man/man1/modelfile-lint.1.gz ./usr/share/man/man1/modelfile-lsp.1.gz \
         ./usr/share/modelfile-lint/queries/highlights.scm ./usr/share/modelfile-lint/queries/injections.scm \
         ./usr/share/modelfile-lint/modelfile-lint.schema.json \
         ./usr/share/nvim/site/ftdetect/modelfile.lua ./usr/share/nvim/site/lsp/modelfile_lsp.lua \
         ./usr/share/nvim/site/parser/modelfile.so ./usr/share/nvim/site/syntax/modelfile.vim \
         ./usr/share/vim/vimfiles/ftdetect/modelfile.vim ./usr/share/vim/vimfiles/syntax/modelfile.vim \
         ./usr/share/vim/vimfiles/ftplugin/modelfile.vim \
         ./usr/share/vim/vimfiles/ale_linters/modelfile/modelfile_lsp.vim \
         ./usr/share/emacs/site-lisp/modelfile-mode.el ./usr/share/doc/modelfile-lint/copyright \
         ./usr/share/modelfile-lint/grammar/src/parser.c ./usr/share/modelfile-lint/grammar/src/scanner.c \
         ./usr/share/modelfile-lint/grammar/src/tree_sitter/parser.h; do
  grep -qx "$f" "$work/contents" || fail "package lacks $f"
done

# Install; pull in missing dependencies if dpkg stops on them.
if ! $sudo dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
  cat "$work/dpkg.log"
  $sudo apt-get install -f -y -qq >/dev/null || fail "apt-get install -f"
fi
dpkg-query -W -f='${Status}\n' modelfile-lint | grep -q 'install ok installed' || fail "package not installed"
# Every shared library the installed programs load must come from a package
# that Depends names (catches a new library linked without a new dependency).
deps_names=$(echo "$depends" | tr ',' '\n' | sed 's/(.*//; s/|.*//; s/ //g')
loaded=""
for b in /usr/bin/modelfile-lint /usr/bin/modelfile-lsp; do
  ldd "$b" | grep -q 'not found' && fail "$b: unresolved shared library: $(ldd "$b" | grep 'not found')"
  for lib in $(ldd "$b" | awk '$3 ~ /^\// {print $3}'); do
    real=$(readlink -f "$lib")
    pkg=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || dpkg -S "/usr$lib" 2>/dev/null)
    pkg=$(echo "$pkg" | head -n 1 | cut -d: -f1)
    [ -n "$pkg" ] || fail "$b loads $lib, which no package owns"
    grep -qx "$pkg" <<<"$deps_names" || fail "$b loads $lib from package $pkg, which Depends does not name"
    loaded="$loaded $pkg"
  done
done
# And every package Depends names is loaded by one of them (none left over
# from before a library was linked in).
for pkg in $deps_names; do
  case " $loaded " in *" $pkg "*) ;; *) fail "Depends names $pkg, which no installed program loads" ;; esac
done

# The installed CLI on the story's Modelfile.
mkdir -p "$work/sample"
printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' >"$work/sample/Modelfile"
# The story's machine: with a memory budget --fix may raise num_ctx.
printf '{"hardware": "mac-studio-m2-ultra-64"}\n' >"$work/sample/.modelfile-lint.json"
out=$(cd "$work/sample" && /usr/bin/modelfile-lint Modelfile 2>&1); rc=$?
echo "$out" | sed 's/^/  | /'
[ $rc -eq 1 ] || fail "modelfile-lint exit status $rc on the story file, want 1"
grep -q '^Modelfile:2:[0-9]*: .*MF[0-9]' <<<"$out" || fail "no diagnostic for line 2"
(cd "$work/sample" && /usr/bin/modelfile-lint --fix Modelfile >/dev/null 2>&1)
grep -q '^PARAMETER num_ctx 262144$' "$work/sample/Modelfile" || fail "--fix did not repair: $(cat "$work/sample/Modelfile")"
/usr/bin/modelfile-lint "$work/sample/Modelfile" >/dev/null 2>&1 || fail "fixed file still fails"
/usr/bin/modelfile-lint --list-rules >/dev/null 2>&1 || fail "--list-rules"

# The installed server: initialize, shutdown, exit over stdio.
frame() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
{
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
  frame '{"jsonrpc":"2.0","method":"initialized","params":{}}'
  frame '{"jsonrpc":"2.0","id":2,"method":"shutdown"}'
  frame '{"jsonrpc":"2.0","method":"exit"}'
} >"$work/lsp-in"
timeout 10 /usr/bin/modelfile-lsp --stdio <"$work/lsp-in" >"$work/lsp-out"; rc=$?
[ $rc -eq 0 ] || fail "modelfile-lsp exit status $rc after shutdown+exit"
grep -q '"capabilities"' "$work/lsp-out" || fail "modelfile-lsp sent no initialize result"

# Man pages and data files.
grep -q '^\.TH' <<<"$(zcat /usr/share/man/man1/modelfile-lint.1.gz)" || fail "modelfile-lint.1 is not a man page"
man -w modelfile-lint >/dev/null 2>&1 || fail "man cannot find modelfile-lint(1)"
man -w modelfile-lsp >/dev/null 2>&1 || fail "man cannot find modelfile-lsp(1)"
for page in modelfile-lint modelfile-lsp; do
  text=$(MANWIDTH=200 man "$page" 2>/dev/null | col -b)
  [ -n "$text" ] || fail "man $page renders nothing"
  # The FILES section: the config file, its keys and the installed schema.
  files=$(echo "$text" | awk '/^FILES/ {f=1; next} /^[A-Z][A-Z ]+$/ {f=0} f')
  for want in .modelfile-lint.json rules select ignore /usr/share/modelfile-lint/modelfile-lint.schema.json; do
    grep -qF -- "$want" <<<"$files" || fail "man $page: FILES does not name $want"
  done
  grep -q 'ollama(1)' <<<"$text" && fail "man $page names ollama(1), which does not exist"
done
lsp_man=$(MANWIDTH=200 man modelfile-lsp 2>/dev/null | col -b)
for section in ENVIRONMENT EDITORS SETTINGS; do
  grep -q "^$section" <<<"$lsp_man" || fail "man modelfile-lsp has no $section section"
done
# Every environment variable the server reads is documented.
for var in $(grep -rhoE 'getenv\("[A-Z_]+"\)' "$src/lsp" "$src/lint/io" | sed 's/getenv("\(.*\)")/\1/' | sort -u); do
  grep -qw "$var" <<<"$(awk '/^ENVIRONMENT/ {f=1; next} /^[A-Z][A-Z ]+$/ {f=0} f' <<<"$lsp_man")" ||
    fail "man modelfile-lsp: ENVIRONMENT does not document $var"
done
# Debian's machine-readable copyright file.
head -n 1 /usr/share/doc/modelfile-lint/copyright | grep -qx 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
  fail "copyright is not in Debian's copyright format"
grep -q '^License: Expat$' /usr/share/doc/modelfile-lint/copyright || fail "copyright has no license text"
# The grammar sources Helix builds are complete: they compile.
cc -shared -fPIC -O0 -I /usr/share/modelfile-lint/grammar/src /usr/share/modelfile-lint/grammar/src/parser.c \
  /usr/share/modelfile-lint/grammar/src/scanner.c -o "$work/helix-modelfile.so" || fail "the installed grammar sources do not compile"
# Vim (Debian's, its default runtimepath) with the installed files: filetype,
# syntax, and the ALE linter definition.
if command -v vim >/dev/null; then
  printf 'FROM qwen3-coder:30b\n' >"$work/vim.Modelfile"
  HOME="$work" vim -N -u NONE -i NONE -es \
    -c 'filetype plugin on' -c 'syntax on' -c 'edit '"$work"'/vim.Modelfile' \
    -c 'packadd ale' -c 'runtime! plugin/ale.vim' \
    -c 'call writefile([&filetype, get(b:, "current_syntax", ""), join(map(ale#linter#Get("modelfile"), "v:val.name"))], "'"$work"'/vim.out")' \
    -c 'qall!' </dev/null >/dev/null 2>&1
  [ "$(sed -n 1p "$work/vim.out" 2>/dev/null)" = modelfile ] || fail "installed Vim files: filetype '$(sed -n 1p "$work/vim.out" 2>/dev/null)'"
  [ "$(sed -n 2p "$work/vim.out")" = modelfile ] || fail "installed Vim files: no syntax"
  if [ -d /usr/share/vim-ale ]; then
    sed -n 3p "$work/vim.out" | grep -qw modelfile_lsp || fail "installed ALE linter not found by ALE"
  fi
  vim_msg="; Vim finds the installed files"
fi
# Emacs, when installed: the mode loads from site-lisp with no set-up.
if command -v emacs >/dev/null; then
  emacs --batch --eval "(progn (require 'modelfile-mode) (find-file \"$work/vim.Modelfile\") (unless (eq major-mode 'modelfile-mode) (kill-emacs 1)))" \
    >/dev/null 2>&1 || fail "Emacs: (require 'modelfile-mode) from the installed site-lisp does not open a Modelfile in modelfile-mode"
  vim_msg="${vim_msg:-}; Emacs loads modelfile-mode"
fi
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' /usr/share/modelfile-lint/modelfile-lint.schema.json ||
  fail "installed schema is not JSON"
# The Neovim plugin as installed, when Neovim 0.10 can be run here
# (Debian 13's package through tools/debian13-tool.sh; needs the network once).
nvim_msg=""
if ver=$("$src/tools/debian13-tool.sh" nvim --version 2>/dev/null | head -n 1) && [ -n "$ver" ]; then
  mkdir -p "$work/nvim"
  printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' >"$work/nvim/Modelfile"
  printf '{"hardware": "mac-studio-m2-ultra-64"}\n' >"$work/nvim/.modelfile-lint.json"
  XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" XDG_STATE_HOME="$work/xdg/state" \
  MFL_WORK="$work/nvim" timeout 60 "$src/tools/debian13-tool.sh" nvim --headless -n -i NONE \
    -u "$src/tests/integration/deb_nvim_check.lua" || fail "the installed Neovim plugin does not work"
  nvim_msg="; the installed Neovim plugin works in $ver"
else
  echo "$name: Neovim 0.10 not available: installed Neovim plugin not checked"
fi

echo "PASS $name: $(basename "$deb") installed with its dependencies; the installed modelfile-lint, --fix and modelfile-lsp work; man pages, copyright, grammar sources$nvim_msg${vim_msg:-}"
