#!/usr/bin/env bash
# Installs what a fresh Debian 12 / Ubuntu machine lacks to build and test
# modelfile-lint (as root, or with sudo), then configures and builds.
# Usage: tools/setup.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}; shift || true
pkgs=(build-essential cmake pkg-config libtree-sitter-dev libjansson-dev libuv1-dev libcmocka-dev valgrind python3)
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)
command -v iconv >/dev/null || pkgs+=(libc-bin)
missing=()
# The native instance (dpkg -s is ambiguous once another architecture's
# instance is installed too, as tools/setup-platforms.sh does).
installed() {
  dpkg-query -W -f='${Status}\n' "$1:$(dpkg --print-architecture)" 2>/dev/null | grep -q 'install ok installed' ||
    dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q 'install ok installed'
}
for p in "${pkgs[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
