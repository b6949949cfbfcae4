#!/usr/bin/env bash
# Installs what a fresh Debian 12 / Ubuntu machine lacks (as root, or with
# sudo), then configures and builds.
# Usage: tools/setup.sh [--build-only] [--target T] [BUILD_DIR] [extra cmake args...]
#   --build-only  only the packages the programs need to build (no test tools)
#   --target T    build only target T (default: everything)
# An existing build folder keeps its configuration (build type and all):
# it is configured again only with the extra cmake args given.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_only=0
target=()
while [ $# -gt 0 ]; do
  case "$1" in
    --build-only) build_only=1; shift ;;
    --target) target=(--target "$2"); shift 2 ;;
    *) break ;;
  esac
done
build=${1:-$root/build}; shift || true

pkgs=(build-essential cmake pkg-config libtree-sitter-dev libjansson-dev libuv1-dev)
if [ $build_only = 0 ]; then
  # The unit tests, the valgrind and fuzz runs, and the integration tests'
  # real programs: Node.js (VS Code's protocol libraries, vsce), pre-commit,
  # Vim + ALE, Emacs + eglot, Kakoune, Debian 12's Neovim and tmux (a real
  # terminal for Neovim 0.10, which tools/debian13-tool.sh fetches).
  pkgs+=(libcmocka-dev valgrind python3 git pre-commit clang-format vim vim-ale emacs-nox elpa-eglot
         kakoune neovim tmux man-db bsdextrautils)
  command -v node >/dev/null || pkgs+=(nodejs)
  command -v npm >/dev/null || pkgs+=(npm)
fi
missing=()
# The native instance (dpkg -s is ambiguous once another architecture's
# instance is installed too, as tools/setup-platforms.sh does).
installed() {
  dpkg-query -W -f='${db:Status-Abbrev}\n' "$1:$(dpkg --print-architecture)" 2>/dev/null | grep -q '^ii' ||
    dpkg-query -W -f='${db:Status-Abbrev}\n' "$1" 2>/dev/null | grep -q '^ii'
}
for p in "${pkgs[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "setup.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -f "$build/CMakeCache.txt" ] || [ $# -gt 0 ]; then
  cmake -S "$root" -B "$build" "$@" >/dev/null
fi
cmake --build "$build" -j"$(nproc)" "${target[@]}"
