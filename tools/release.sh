#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds every release artifact into dist/ and checks each one by unpacking
# it and running what is inside (under qemu-user or Wine where needed):
#   modelfile-lint_VERSION_amd64.deb, modelfile-lint_VERSION_arm64.deb
#   modelfile-lint-VERSION-windows-x86_64.zip   modelfile-lint.exe, modelfile-lsp.exe
#   modelfile-lsp-VERSION-wasm32-wasi.zip        the WebAssembly server + its JavaScript
#   modelfile-lint-VERSION-{linux-x64,linux-arm64,win32-x64}.vsix   platform packages
#   modelfile-lint-VERSION.vsix                   universal (WebAssembly server)
# The native programs are self-contained: tree-sitter, jansson and libuv are
# linked in (Linux: only glibc is loaded; Windows: only system DLLs), and
# stripped. Prints each artifact's size and start-up time.
# Needs tools/setup.sh and tools/setup-platforms.sh's packages (it runs them).
# Usage: tools/release.sh [DIST_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=$(realpath -m "${1:-$root/dist}")
jobs=${MFL_JOBS:-2}
version=$(sed -n 's/^project(modelfile-lint VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
export WINEPREFIX=${WINEPREFIX:-${MFL_CACHE:-$HOME/.cache/modelfile-lint}/wine} WINEDEBUG=-all
fail() { echo "FAIL release.sh: $*" >&2; exit 1; }
step() { echo "== release.sh: $* ($(date +%T))"; }
ok() { echo "   ok: $*"; }
rm -rf "$dist" && mkdir -p "$dist"
work=$(mktemp -d)
trap 'rm -rf "$work"; wineserver -k 2>/dev/null || true' EXIT

"$root/tools/setup.sh" "$root/build" >/dev/null
"$root/tools/setup-platforms.sh" arm64 win64 wasm
[ -d "$root/editors/vscode/node_modules/@vscode/vsce" ] ||
  (cd "$root/editors/vscode" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

# Median wall time of a command over N runs, spawned from Node with no shell
# in between (spawning /bin/true the same way is reported as the floor).
startup() { # N cmd...
  node -e '
const { spawnSync } = require("child_process");
const [n, cmd, ...args] = process.argv.slice(1);
const t = [];
for (let i = 0; i < Number(n) + 2; i++) {
  const t0 = process.hrtime.bigint();
  spawnSync(cmd, args, { stdio: "ignore" });
  if (i >= 2) t.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
t.sort((a, b) => a - b);
console.log(t[t.length >> 1].toFixed(2) + " ms");' "$@"
}
size() { du -k "$1" | cut -f1 | awk '{printf "%d KiB", $1}'; }
report=()
record() { report+=("$(printf '%-52s %9s   start-up %s' "$@")"); }

# A sample to lint, and the LSP smoke test (vscode-jsonrpc, as VS Code starts a server).
printf 'FROM qwen3-coder:30b\r\nPARAMETER num_ctx 131072\r\n' >"$work/Modelfile"
smoke() { node "$root/editors/vscode/scripts/smoke-server.js" "$1" >/dev/null || fail "LSP smoke test of $1"; }
wrap() { # name emulator... -> a script running $program under the emulator
  local f=$work/$1; shift
  printf '#!/bin/sh\nexec %s "$@"\n' "$*" >"$f"
  chmod +x "$f"
  echo "$f"
}
lint_check() { # runner... : lints the CRLF sample, expects MF301
  local out
  out=$("$@" --no-config "$work/Modelfile" 2>&1) || true
  grep -q 'MF301' <<<"$out" || fail "$* did not report MF301: $out"
}
elf_check() { # binary: only glibc's libraries, stripped
  local needed
  needed=$(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
  for lib in $needed; do
    case "$lib" in libc.so.6|libm.so.6|ld-linux*) ;; *) fail "$1 needs $lib" ;; esac
  done
  readelf -S "$1" | grep -q '\.symtab' && fail "$1 is not stripped"
  local glibc
  glibc=$(objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' | sort -t. -k2,2n -k3,3n -u | tail -1)
  ok "$(basename "$1"): needs only $needed; newest symbol $glibc; stripped"
}

# ---- native builds (self-contained, Release) -------------------------------------
release_build() { # dir toolchain-or-empty extra...
  local dir=$1 tc=$2; shift 2
  rm -rf "$dir" # a release is built from scratch
  cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DMFL_BUILD_TESTS=OFF -DMFL_STATIC_DEPS=ON \
    -DMFL_STATIC_LIBUV=ON ${tc:+-DCMAKE_TOOLCHAIN_FILE="$tc"} "$@" >/dev/null
  cmake --build "$dir" -j"$jobs" >/dev/null
}

step "Linux amd64"
release_build "$root/build-release-amd64" ""
(cd "$root/build-release-amd64" && cpack -G DEB -B "$work/deb-amd64" >/dev/null) || fail "cpack amd64"
deb=$(ls "$work"/deb-amd64/*.deb); cp "$deb" "$dist/"; deb=$dist/$(basename "$deb")
[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] || fail "amd64 .deb architecture"
[ "$(dpkg-deb -f "$deb" Depends)" = "libc6 (>= 2.34)" ] || fail "amd64 .deb depends on $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -x "$deb" "$work/x-amd64"
elf_check "$work/x-amd64/usr/bin/modelfile-lint"
elf_check "$work/x-amd64/usr/bin/modelfile-lsp"
lint_check "$work/x-amd64/usr/bin/modelfile-lint"
smoke "$work/x-amd64/usr/bin/modelfile-lsp"
zcat "$work/x-amd64/usr/share/man/man1/modelfile-lint.1.gz" | grep -q '^\.TH MODELFILE-LINT' || fail "amd64 man page"
ok "$(basename "$deb"): unpacked, the CLI lints, the server answers vscode-jsonrpc, man pages present"
record "$(basename "$deb")" "$(size "$deb")" \
  "lint $(startup 21 "$work/x-amd64/usr/bin/modelfile-lint" --no-config "$work/Modelfile"), lsp --version $(startup 21 "$work/x-amd64/usr/bin/modelfile-lsp" --version)"

step "Linux arm64 (qemu-aarch64)"
release_build "$root/build-release-arm64" "$root/cmake/toolchains/aarch64-linux-gnu.cmake"
(cd "$root/build-release-arm64" && cpack -G DEB -B "$work/deb-arm64" >/dev/null) || fail "cpack arm64"
deb=$(ls "$work"/deb-arm64/*.deb); cp "$deb" "$dist/"; deb=$dist/$(basename "$deb")
[ "$(dpkg-deb -f "$deb" Architecture)" = arm64 ] || fail "arm64 .deb architecture"
dpkg-deb -x "$deb" "$work/x-arm64"
file "$work/x-arm64/usr/bin/modelfile-lint" | grep -q 'ARM aarch64' || fail "arm64 .deb holds no arm64 program"
elf_check "$work/x-arm64/usr/bin/modelfile-lint"
elf_check "$work/x-arm64/usr/bin/modelfile-lsp"
lint_check qemu-aarch64 -L / "$work/x-arm64/usr/bin/modelfile-lint"
smoke "$(wrap lsp-arm64 qemu-aarch64 -L / "$work/x-arm64/usr/bin/modelfile-lsp")"
zcat "$work/x-arm64/usr/share/man/man1/modelfile-lint.1.gz" | grep -q '^\.TH MODELFILE-LINT' || fail "arm64 man page"
ok "$(basename "$deb"): unpacked, runs under qemu-aarch64, man pages generated under qemu"
record "$(basename "$deb")" "$(size "$deb")" \
  "lint $(startup 11 qemu-aarch64 -L / "$work/x-arm64/usr/bin/modelfile-lint" --no-config "$work/Modelfile") under qemu"

step "Windows x86-64 (Wine)"
prefix=$("$root/tools/deps.sh" win64)
release_build "$root/build-release-win64" "$root/cmake/toolchains/mingw-w64-x86_64.cmake" -DMFL_DEPS_PREFIX="$prefix"
wdir=$work/modelfile-lint-$version-windows-x86_64
mkdir -p "$wdir"
for p in modelfile-lint modelfile-lsp; do
  cp "$root/build-release-win64/$([ $p = modelfile-lint ] && echo lint || echo lsp)/$p.exe" "$wdir/"
  x86_64-w64-mingw32-strip "$wdir/$p.exe"
done
cp "$root/schema/modelfile-lint.schema.json" "$wdir/"
[ -f "$root/LICENSE" ] && cp "$root/LICENSE" "$wdir/LICENSE.txt"
printf 'modelfile-lint %s for Windows x86-64\r\n\r\nmodelfile-lint.exe: the linter (modelfile-lint --help).\r\nmodelfile-lsp.exe: the language server (editors start it).\r\nPut this folder on PATH. Nothing else is needed.\r\nhttps://github.com/modelfile-lint/modelfile-lint\r\n' "$version" >"$wdir/README.txt"
zip="$dist/modelfile-lint-$version-windows-x86_64.zip"
(cd "$work" && zip -qr "$zip" "$(basename "$wdir")")
mkdir "$work/x-win" && (cd "$work/x-win" && unzip -q "$zip")
xw=$work/x-win/$(basename "$wdir")
for p in modelfile-lint modelfile-lsp; do
  dlls=$(x86_64-w64-mingw32-objdump -p "$xw/$p.exe" | sed -n 's/.*DLL Name: //p' | tr '\n' ' ')
  for d in $dlls; do
    case "${d,,}" in kernel32.dll|msvcrt.dll|ws2_32.dll|iphlpapi.dll|userenv.dll|psapi.dll|dbghelp.dll|ole32.dll|shell32.dll|advapi32.dll|user32.dll|api-ms-win-*) ;;
      *) fail "$p.exe needs $d" ;; esac
  done
  x86_64-w64-mingw32-objdump -h "$xw/$p.exe" | grep -q '\.debug' && fail "$p.exe is not stripped"
  ok "$p.exe: system DLLs only ($dlls), stripped"
done
wineserver -k >/dev/null 2>&1 || true
wineserver -p </dev/null >/dev/null 2>&1 || true
wineboot -i </dev/null >/dev/null 2>&1 || true
lint_check wine "$xw/modelfile-lint.exe"
smoke "$(wrap lsp-win wine "$xw/modelfile-lsp.exe")"
ok "$(basename "$zip"): unzipped, both programs run under Wine"
record "$(basename "$zip")" "$(size "$zip")" \
  "lint $(startup 11 wine "$xw/modelfile-lint.exe" --no-config "$work/Modelfile") under Wine (server running)"

step "WebAssembly"
prefix=$("$root/tools/deps.sh" wasm32-wasi)
rm -rf "$root/build-release-wasm"
cmake -S "$root" -B "$root/build-release-wasm" -DCMAKE_BUILD_TYPE=Release -DMFL_BUILD_TESTS=OFF \
  -DCMAKE_TOOLCHAIN_FILE="$root/cmake/toolchains/wasm32-wasi.cmake" -DMFL_DEPS_PREFIX="$prefix" >/dev/null
cmake --build "$root/build-release-wasm" -j"$jobs" >/dev/null
wasm=$root/build-release-wasm/lsp/modelfile-lsp.wasm
wdir=$work/modelfile-lsp-$version-wasm32-wasi
mkdir -p "$wdir"
cp "$wasm" "$root"/wasm/*.mjs "$root"/wasm/*.d.mts "$root/wasm/README.md" "$wdir/"
zip="$dist/modelfile-lsp-$version-wasm32-wasi.zip"
(cd "$work" && zip -qr "$zip" "$(basename "$wdir")")
mkdir "$work/x-wasm" && (cd "$work/x-wasm" && unzip -q "$zip")
xw=$work/x-wasm/$(basename "$wdir")
[ "$(node "$xw/run-wasi.mjs" "$xw/modelfile-lsp.wasm" --version)" = "modelfile-lsp $version" ] || fail "wasm --version"
smoke "$(wrap lsp-wasm node "$xw/run-wasi.mjs" "$xw/modelfile-lsp.wasm")"
node --input-type=module -e "
import { ModelfileTools } from '$xw/session.mjs';
// With the story's Mac as the budget the raise is safe (without one it is not).
const t = await ModelfileTools.create({ wasm: '$xw/modelfile-lsp.wasm', fileSystem: 'none',
  settings: { hardware: 'mac-studio-m2-ultra-64' } });
const fixed = t.fix('FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n');
if (!fixed.includes('num_ctx 262144')) { console.error(fixed); process.exit(1); }
t.dispose();" || fail "wasm in-process fix"
ok "$(basename "$zip"): unzipped, the stdio server answers vscode-jsonrpc under Node, the in-process session fixes"
inproc=$(node --input-type=module -e "
import { ModelfileServer } from '$xw/session.mjs';
import { readFileSync } from 'node:fs';
const bytes = readFileSync('$xw/modelfile-lsp.wasm'); const t = [];
for (let i = 0; i < 11; i++) { const t0 = performance.now(); const s = await ModelfileServer.create({ wasm: bytes, fileSystem: 'none' }); t.push(performance.now() - t0); s.dispose(); }
t.sort((a, b) => a - b); console.log(t[5].toFixed(1) + ' ms');")
record "$(basename "$zip")" "$(size "$zip")" \
  "stdio server --version $(startup 11 node "$xw/run-wasi.mjs" "$xw/modelfile-lsp.wasm" --version) (Node start + compile); in-process session $inproc"
record "  modelfile-lsp.wasm" "$(size "$wasm")" ""

step "VS Code packages"
pkg=$root/editors/vscode/scripts/package.sh
"$pkg" "$dist/modelfile-lint-$version.vsix" "$wasm" >/dev/null
"$pkg" "$dist/modelfile-lint-$version-linux-x64.vsix" "$wasm" linux-x64 "$root/build-release-amd64/lsp/modelfile-lsp" >/dev/null
"$pkg" "$dist/modelfile-lint-$version-linux-arm64.vsix" "$wasm" linux-arm64 "$root/build-release-arm64/lsp/modelfile-lsp" >/dev/null
"$pkg" "$dist/modelfile-lint-$version-win32-x64.vsix" "$wasm" win32-x64 "$root/build-release-win64/lsp/modelfile-lsp.exe" >/dev/null
schema=$root/schema/modelfile-lint.schema.json
check=$root/editors/vscode/scripts/check-package.js
for target in universal linux-x64 linux-arm64 win32-x64; do
  if [ $target = universal ]; then v=$dist/modelfile-lint-$version.vsix; else v=$dist/modelfile-lint-$version-$target.vsix; fi
  x=$work/vsix-$target
  mkdir "$x" && (cd "$x" && unzip -q "$v")
  grep -q "TargetPlatform=\"$target\"" "$x/extension.vsixmanifest" || [ $target = universal ] || fail "$v: no target platform $target"
  case $target in
    universal) (cd "$root/editors/vscode" && node "$check" "$x" "$schema" 0 --source=.) >/dev/null || fail "$v"
               (cd "$root/editors/vscode" && MFL_WASM="$x/extension/wasm/modelfile-lsp.wasm" node --test test/wasmServer.test.mjs) >/dev/null ||
                 fail "$v: the WebAssembly server in process" ;;
    linux-x64) node "$check" "$x" "$schema" 1 --target=$target >/dev/null || fail "$v"
               elf_check "$x/extension/bin/modelfile-lsp"; smoke "$x/extension/bin/modelfile-lsp" ;;
    linux-arm64) node "$check" "$x" "$schema" 1 --target=$target >/dev/null || fail "$v"
                 elf_check "$x/extension/bin/modelfile-lsp"
                 smoke "$(wrap vsix-arm64 qemu-aarch64 -L / "$x/extension/bin/modelfile-lsp")" ;;
    win32-x64) node "$check" "$x" "$schema" 1 --target=$target >/dev/null || fail "$v"
               smoke "$(wrap vsix-win wine "$x/extension/bin/modelfile-lsp.exe")" ;;
  esac
  ok "$(basename "$v"): unpacked, checked, its server answers"
  record "$(basename "$v")" "$(size "$v")" ""
done

echo
echo "Artifacts in $dist (size, start-up: median wall time of one run on this machine;"
echo "spawning /bin/true the same way takes $(startup 21 /bin/true)):"
printf '  %s\n' "${report[@]}"
