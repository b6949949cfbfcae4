#!/usr/bin/env bash
# Fetch a tool from Debian 13 (trixie) into a private cache and run it on
# Debian 12, without touching the system's apt state or needing root.
# Usage: tools/debian13-tool.sh tree-sitter|nvim [ARGS...]
# Environment: MFL_TOOL_CACHE (default: ~/.cache/modelfile-lint/debian13)
# The packages are this machine's architecture's; exits 77 on one it does not
# know the loader of.
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
# The loader and library folder of this machine's architecture (dpkg names).
arch=$(dpkg --print-architecture 2>/dev/null || echo unknown)
case "$arch" in
  amd64) triplet=x86_64-linux-gnu; loader=ld-linux-x86-64.so.2 ;;
  arm64) triplet=aarch64-linux-gnu; loader=ld-linux-aarch64.so.1 ;;
  i386) triplet=i386-linux-gnu; loader=ld-linux.so.2 ;;
  armhf) triplet=arm-linux-gnueabihf; loader=ld-linux-armhf.so.3 ;;
  ppc64el) triplet=powerpc64le-linux-gnu; loader=ld64.so.2 ;;
  s390x) triplet=s390x-linux-gnu; loader=ld64.so.1 ;;
  riscv64) triplet=riscv64-linux-gnu; loader=ld-linux-riscv64-lp64d.so.1 ;;
  *) echo "debian13-tool.sh: no Debian 13 loader known for architecture '$arch'" >&2; exit 77 ;;
esac
root="$cache/$tool"
lib="$root/usr/lib/$triplet"
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
    tlib="$tmp/usr/lib/$triplet"
    # The final paths (after the rename below), written into the binary.
    "$tlib/$loader" --library-path "$tlib" "$tmp/usr/bin/patchelf" \
      --set-interpreter "$lib/$loader" --force-rpath --set-rpath "$lib" "$tmp/$bin"
  fi
  touch "$tmp/.ready"
  rm -rf "$root" && mv "$tmp" "$root"
fi
if [ "$tool" = nvim ]; then
  export VIMRUNTIME="$root/usr/share/nvim/runtime"
  exec "$root/$bin" "$@"
fi
exec "$lib/$loader" --library-path "$lib" "$root/$bin" "$@"
