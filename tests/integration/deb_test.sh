#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb with CPack from a configured and built tree, checks its
# control data and contents, installs it with dpkg (apt-get install -f for the
# dependencies), runs the installed programs on a sample Modelfile, and
# removes the package again if it was not installed before.
# Usage: deb_test.sh BUILD_DIR [SOURCE_DIR]
set -uo pipefail
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
# libuv is always shared; tree-sitter and jansson are linked in when their
# static archives exist (MFL_STATIC_DEPS). The ldd check below ties the rest.
for lib in libc6 libuv1; do
  echo "$depends" | grep -q "\b$lib\b" || fail "Depends lacks $lib"
done
[ "$(dpkg-deb -f "$deb" Package)" = modelfile-lint ] || fail "package name"
# Contents.
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents"
for f in ./usr/bin/modelfile-lint ./usr/bin/modelfile-lsp \
         ./usr/share/man/man1/modelfile-lint.1.gz ./usr/share/man/man1/modelfile-lsp.1.gz \
         ./usr/share/modelfile-lint/queries/highlights.scm ./usr/share/modelfile-lint/queries/injections.scm \
         ./usr/share/modelfile-lint/modelfile-lint.schema.json \
         ./usr/share/nvim/site/ftdetect/modelfile.lua ./usr/share/nvim/site/lsp/modelfile_lsp.lua \
         ./usr/share/nvim/site/parser/modelfile.so; do
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
    echo "$deps_names" | grep -qx "$pkg" || fail "$b loads $lib from package $pkg, which Depends does not name"
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
echo "$out" | grep -q '^Modelfile:2:[0-9]*: .*MF[0-9]' || fail "no diagnostic for line 2"
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
zcat /usr/share/man/man1/modelfile-lint.1.gz | grep -q '^\.TH' || fail "modelfile-lint.1 is not a man page"
man -w modelfile-lint >/dev/null 2>&1 || fail "man cannot find modelfile-lint(1)"
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

echo "PASS $name: $(basename "$deb") installed with its dependencies; the installed modelfile-lint, --fix and modelfile-lsp work$nvim_msg"
