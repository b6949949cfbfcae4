#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what the other-platform builds need on Debian 12 (as root, or with
# sudo), beside tools/setup.sh's packages:
#   arm64     gcc-aarch64-linux-gnu, qemu-user, the arm64 multiarch -dev packages
#   i686      gcc-i686-linux-gnu (not gcc-multilib: it would remove the arm64
#             cross compiler), libc6-dev:i386 and the i386 -dev packages
#   win64     gcc-mingw-w64-x86-64, Wine (wine64), dpkg-dev (tools/deps.sh
#             builds the libraries from Debian's source packages)
#   wasm      clang 14, lld-14, wasi-libc, libclang-rt-14-dev-wasm32, and
#             Debian's chromium for the playground's browser tests
# Usage: tools/setup-platforms.sh [arm64] [i686] [win64] [wasm]  (default: all)
set -euo pipefail
want=("$@")
[ ${#want[@]} -gt 0 ] || want=(arm64 i686 win64 wasm)
libs=(libtree-sitter-dev libjansson-dev libuv1-dev libcmocka-dev)
pkgs=() arches=()
for t in "${want[@]}"; do
  case "$t" in
    arm64) arches+=(arm64); pkgs+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user "${libs[@]/%/:arm64}") ;;
    i686) arches+=(i386); pkgs+=(gcc-i686-linux-gnu qemu-user libc6-dev:i386 "${libs[@]/%/:i386}") ;;
    win64) pkgs+=(gcc-mingw-w64-x86-64 wine64 wine dpkg-dev xz-utils) ;;
    wasm) pkgs+=(clang lld-14 llvm-14 wasi-libc libclang-rt-14-dev-wasm32 dpkg-dev xz-utils chromium fonts-dejavu-core) ;;
    *) echo "setup-platforms.sh: unknown platform '$t'" >&2; exit 2 ;;
  esac
done
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
added=0
for a in "${arches[@]}"; do
  if ! dpkg --print-foreign-architectures | grep -qx "$a"; then
    $sudo dpkg --add-architecture "$a"
    added=1
  fi
done
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ] || [ $added = 1 ]; then
  $sudo apt-get update -qq
  [ ${#missing[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
