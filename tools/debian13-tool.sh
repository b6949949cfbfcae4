#!/usr/bin/env bash
# Fetch a tool from Debian 13 (trixie) into a private cache and run it on
# Debian 12, without touching the system's apt state or needing root.
# Usage: tools/debian13-tool.sh tree-sitter|nvim [ARGS...]
# Environment: MFL_TOOL_CACHE (default: ~/.cache/modelfile-lint/debian13)
#
# tree-sitter runs through trixie's own dynamic loader. Neovim cannot: in a
# terminal it starts itself again (/proc/self/exe --embed), which would be
# Debian 12's loader. So its private copy gets trixie's loader and library
# folder written into the binary (patchelf, also from trixie), and runs
# directly: headless and in a real terminal alike.
set -euo pipefail
tool=${1:?usage: debian13-tool.sh tree-sitter|nvim [args...]}
shift
cache=${MFL_TOOL_CACHE:-$HOME/.cache/modelfile-lint/debian13}
case "$tool" in
  tree-sitter) pkgs="tree-sitter-cli libc6 libgcc-s1"; bin=usr/bin/tree-sitter ;;
  nvim) pkgs="neovim neovim-runtime libluajit-5.1-2 libmsgpack-c2 libtree-sitter0.22 libunibilium4 libuv1t64 libvterm0 lua-lpeg lua-luv libc6 libgcc-s1 patchelf libstdc++6"
        bin=usr/bin/nvim ;;
  *) echo "debian13-tool.sh: unknown tool '$tool'" >&2; exit 2 ;;
esac
root="$cache/$tool"
lib="$root/usr/lib/x86_64-linux-gnu"
if [ ! -x "$root/$bin" ] || [ ! -f "$root/.ready" ]; then
  mkdir -p "$cache/lists/partial" "$cache/debs-$tool"
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  echo "deb [trusted=yes] $mirror trixie main" > "$cache/sources.list"
  opts=(-o Dir::Etc::SourceList="$cache/sources.list" -o Dir::Etc::SourceParts=/dev/null
        -o Dir::State::Lists="$cache/lists" -o APT::Sandbox::User="$(id -un)")
  apt-get "${opts[@]}" update -qq >&2
  (cd "$cache/debs-$tool" && apt-get "${opts[@]}" download $pkgs >&2)
  tmp="$root.tmp"
  rm -rf "$tmp" && mkdir -p "$tmp"
  for d in "$cache/debs-$tool"/*.deb; do dpkg -x "$d" "$tmp"; done
  if [ "$tool" = nvim ]; then
    tlib="$tmp/usr/lib/x86_64-linux-gnu"
    # The final paths (after the rename below), written into the binary.
    "$tlib/ld-linux-x86-64.so.2" --library-path "$tlib" "$tmp/usr/bin/patchelf" \
      --set-interpreter "$lib/ld-linux-x86-64.so.2" --force-rpath --set-rpath "$lib" "$tmp/$bin"
  fi
  touch "$tmp/.ready"
  rm -rf "$root" && mv "$tmp" "$root"
fi
if [ "$tool" = nvim ]; then
  export VIMRUNTIME="$root/usr/share/nvim/runtime"
  exec "$root/$bin" "$@"
fi
exec "$lib/ld-linux-x86-64.so.2" --library-path "$lib" "$root/$bin" "$@"
