#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the C libraries modelfile-lint links for a target Debian has no
# packages of, from Debian 12's own source packages, and prints the prefix
# they are installed in (include/, lib/, lib/pkgconfig/):
#   win64        Windows x86-64 (mingw-w64): tree-sitter, jansson, libuv, cmocka,
#                and PCRE2 (the server's #match? predicates: mingw's C library
#                has no <regex.h>; PCRE2's POSIX API stands in for it)
#   wasm32-wasi  WebAssembly (clang + wasi-libc): tree-sitter, jansson
# Sources: `apt-get source --download-only NAME=VERSION` through a private
# deb-src list of the machine's Debian mirror (the system's apt state is not
# touched). Each .dsc must have the SHA-256 pinned below, and every file it
# lists must match the .dsc's Checksums-Sha256 before dpkg-source unpacks it
# (Debian's patches applied). Nothing prebuilt is downloaded.
# Cache: ~/.cache/modelfile-lint (MFL_CACHE): sources in src/, builds in
# deps/<target>-<key>, where the key hashes the pins, the recipe version and
# the toolchain file, so a machine builds each set once.
# Usage: tools/deps.sh win64|wasm32-wasi
set -euo pipefail
target=${1:?usage: deps.sh win64|wasm32-wasi}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${MFL_CACHE:-$HOME/.cache/modelfile-lint}
jobs=${MFL_JOBS:-2}

# name version dsc-sha256
pins=(
  "tree-sitter 0.20.7-1 e20be3f8d552f4f59d9d38a5be597ff4745beef54430fd82cf00f45edbd35a94"
  "jansson 2.14-2 6296ddd9c0a022bd1b70074aefb171cfcdf5694a04ffd32b35fd66097621af87"
  "libuv1 1.44.2-1+deb12u1 798be0a2bcbcd40bb85302f6ccbf02b240e1958d4ad9cf153b8101c3a82f21b9"
  "cmocka 1.1.5-2.1 9f94190b571e059dd6a359c7effd40b982c6c2796959ea201cf41e7cac0b6730"
  # 10.42-1 is the version Debian 12's own libpcre2-8-0 has; the security
  # update's source (+deb12u2) is listed but not served by every mirror.
  "pcre2 10.42-1 726dafe7a8d07332d4df61edf23f384ddb158b2b263846273d1103b6b9a7c176"
)

case "$target" in
  win64) toolchain=$root/cmake/toolchains/mingw-w64-x86_64.cmake; libs="tree-sitter jansson libuv1 cmocka pcre2"
         cc=x86_64-w64-mingw32-gcc; ar=x86_64-w64-mingw32-ar ;;
  wasm32-wasi) toolchain=$root/cmake/toolchains/wasm32-wasi.cmake; libs="tree-sitter jansson"
               cc="clang --target=wasm32-wasi"; ar=llvm-ar-14 ;;
  *) echo "deps.sh: unknown target '$target' (win64 or wasm32-wasi)" >&2; exit 2 ;;
esac
command -v dpkg-source >/dev/null || { echo "deps.sh: dpkg-source missing (apt-get install dpkg-dev)" >&2; exit 2; }
# Bump when the way the libraries are built changes: a new key rebuilds them.
recipe=3
key=$( { printf '%s\n' "$recipe" "${pins[@]}"; cat "$toolchain"; } | sha256sum | cut -c1-12)
prefix=$cache/deps/$target-$key
if [ -f "$prefix/.complete" ]; then echo "$prefix"; exit 0; fi

log() { echo "deps.sh: $*" >&2; }

# ---- sources ------------------------------------------------------------------
src=$cache/src
mkdir -p "$src/lists/partial"
fetch() { # name version sha
  local name=$1 version=$2 sha=$3 dsc
  dsc=$src/${name}_${version#*:}.dsc
  if [ ! -f "$dsc" ] || [ "$(sha256sum <"$dsc" | cut -d' ' -f1)" != "$sha" ]; then
    if [ ! -f "$src/sources.list" ] || [ -z "$(ls "$src/lists" 2>/dev/null | grep -v partial)" ]; then
      local mirror sec
      mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
      [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
      sec=$(awk '/^URIs:/ && /security/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
      [ -n "$sec" ] || sec=http://deb.debian.org/debian-security
      { echo "deb-src $mirror bookworm main"; echo "deb-src $mirror bookworm-updates main"
        echo "deb-src $sec bookworm-security main"; } >"$src/sources.list"
      apt-get "${aptopts[@]}" update -qq >&2
    fi
    log "downloading the source package $name $version"
    (cd "$src" && apt-get "${aptopts[@]}" -qq source --download-only "$name=$version" >/dev/null 2>&1) ||
      { log "$name $version is no longer in the archive: update the pin in tools/deps.sh"; exit 1; }
  fi
  local got
  got=$(sha256sum <"$dsc" | cut -d' ' -f1)
  [ "$got" = "$sha" ] || { log "$dsc: SHA-256 $got, pinned $sha"; exit 1; }
  # Every file the .dsc names must match its checksum.
  awk '/^Checksums-Sha256:/ {on=1; next} /^[^ ]/ {on=0} on && NF==3 {print $1, $3}' "$dsc" |
    while read -r sum file; do
      [ "$(sha256sum <"$src/$file" | cut -d' ' -f1)" = "$sum" ] || { log "$file: checksum mismatch with $dsc"; exit 1; }
    done
  echo "$dsc"
}
aptopts=(-o Dir::Etc::SourceList="$src/sources.list" -o Dir::Etc::SourceParts=/dev/null
         -o Dir::State::Lists="$src/lists" -o APT::Sandbox::User=root)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$prefix.tmp" && mkdir -p "$prefix.tmp"/{include,lib/pkgconfig}
p=$prefix.tmp
unpack() { # name -> prints the unpacked folder
  local line name version sha dsc
  for line in "${pins[@]}"; do
    read -r name version sha <<<"$line"
    [ "$name" = "$1" ] || continue
    dsc=$(fetch "$name" "$version" "$sha")
    (cd "$work" && dpkg-source --no-check -x "$dsc" "$work/$name" >/dev/null)
    echo "$work/$name"
    return
  done
  log "no pin for $1"; exit 1
}
cmake_build() { # srcdir builddir args...
  local s=$1 b=$2; shift 2
  cmake -S "$s" -B "$b" -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$p" -DCMAKE_POLICY_DEFAULT_CMP0077=NEW "$@" >"$b.log" 2>&1 ||
    { tail -30 "$b.log" >&2; exit 1; }
  cmake --build "$b" -j"$jobs" >>"$b.log" 2>&1 || { tail -30 "$b.log" >&2; exit 1; }
  cmake --install "$b" >>"$b.log" 2>&1 || { tail -30 "$b.log" >&2; exit 1; }
}

for lib in $libs; do
  t0=$SECONDS
  log "building $lib for $target"
  d=$(unpack "$lib")
  case "$lib" in
    tree-sitter)
      # The runtime is one translation unit (lib/src/lib.c), as its Makefile builds it.
      $cc -O2 -std=gnu99 -w -I"$d/lib/src" -I"$d/lib/include" -c "$d/lib/src/lib.c" -o "$work/ts.o"
      $ar rcs "$p/lib/libtree-sitter.a" "$work/ts.o"
      mkdir -p "$p/include/tree_sitter" && cp "$d"/lib/include/tree_sitter/*.h "$p/include/tree_sitter/"
      printf 'prefix=%s\nName: tree-sitter\nDescription: tree-sitter runtime (Debian source 0.20.7-1)\nVersion: 0.20.7\nCflags: -I${prefix}/include\nLibs: -L${prefix}/lib -ltree-sitter\n' "$prefix" >"$p/lib/pkgconfig/tree-sitter.pc" ;;
    jansson)
      cmake_build "$d" "$work/jansson-build" -DJANSSON_BUILD_DOCS=OFF -DJANSSON_WITHOUT_TESTS=ON \
        -DJANSSON_EXAMPLES=OFF -DJANSSON_BUILD_SHARED_LIBS=OFF -DUSE_URANDOM=OFF -DUSE_WINDOWS_CRYPTOAPI=ON
      printf 'prefix=%s\nName: jansson\nDescription: jansson (Debian source 2.14-2)\nVersion: 2.14\nCflags: -I${prefix}/include\nLibs: -L${prefix}/lib -ljansson\n' "$prefix" >"$p/lib/pkgconfig/jansson.pc" ;;
    libuv1)
      cmake_build "$d" "$work/libuv-build" -DLIBUV_BUILD_TESTS=OFF -DLIBUV_BUILD_BENCH=OFF
      printf 'prefix=%s\nName: libuv\nDescription: libuv (Debian source 1.44.2-1+deb12u1), static\nVersion: 1.44.2\nCflags: -I${prefix}/include\nLibs: -L${prefix}/lib -luv_a -lws2_32 -liphlpapi -luserenv -lpsapi -ldbghelp -lole32 -lshell32\n' "$prefix" >"$p/lib/pkgconfig/libuv.pc" ;;
    cmocka)
      cmake_build "$d" "$work/cmocka-build" -DWITH_STATIC_LIB=ON -DWITH_EXAMPLES=OFF -DUNIT_TESTING=OFF \
        -DBUILD_SHARED_LIBS=OFF
      rm -f "$p"/lib/libcmocka.dll.a "$p"/bin/*.dll
      printf 'prefix=%s\nName: cmocka\nDescription: cmocka (Debian source 1.1.5-2.1), static\nVersion: 1.1.5\nCflags: -I${prefix}/include\nLibs: -L${prefix}/lib -lcmocka-static\n' "$prefix" >"$p/lib/pkgconfig/cmocka.pc" ;;
    pcre2)
      cmake_build "$d" "$work/pcre2-build" -DBUILD_SHARED_LIBS=OFF -DBUILD_STATIC_LIBS=ON \
        -DPCRE2_BUILD_PCRE2_8=ON -DPCRE2_BUILD_PCRE2GREP=OFF -DPCRE2_BUILD_TESTS=OFF -DPCRE2_SUPPORT_UNICODE=ON
      rm -f "$p"/lib/pkgconfig/libpcre2-*.pc
      printf 'prefix=%s\nName: libpcre2-posix\nDescription: PCRE2 POSIX API (Debian source 10.42-1), static\nVersion: 10.42\nCflags: -I${prefix}/include -DPCRE2_STATIC\nLibs: -L${prefix}/lib -lpcre2-posix -lpcre2-8\n' "$prefix" >"$p/lib/pkgconfig/libpcre2-posix.pc" ;;
  esac
  log "$lib: $((SECONDS - t0)) s"
done
rm -f "$p"/lib/libuv.dll.a
for old in "$cache/deps/$target"-*; do [ "$old" = "$p" ] || rm -rf "$old"; done
mv "$p" "$prefix"
touch "$prefix/.complete"
log "installed in $prefix"
echo "$prefix"
