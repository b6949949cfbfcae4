#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's commands, from a fresh clone of this repository (its committed
# HEAD), give what the README shows:
#  1. tools/demo.sh on a clone whose build/ is a user's Release build: lints
#     the examples, installs nothing (no apt-get: the build packages are
#     there), builds only modelfile-lint, and leaves build/ a Release build;
#  2. the story's command at the top of README.md prints the lines shown;
#  3. tools/setup.sh's package check on a multi-arch machine (dpkg-query
#     listing two instances of each package) runs no apt-get;
#  4. the plain build (`cmake -S . -B build && cmake --build build -j`)
#     without cmocka: a warning, the programs built, no tests;
#  5. editors/README.md's console block (the story's file, the CLI and --diff).
# The editors' snippets are run by their own tests, the pre-commit config by
# precommit_test.sh.
# Usage: readme_test.sh [SOURCE_DIR]
set -uo pipefail
name=readme_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
src=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
git -C "$src" rev-parse HEAD >/dev/null 2>&1 || { echo "$name: $src is not a Git clone (skipped)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$src" "$work/clone" || fail "git clone"
cd "$work/clone" || fail "cd"
echo "$name: fresh clone of $(git rev-parse --short HEAD)"

# apt-get and sudo that only record being called.
mkdir -p "$work/fake"
for t in apt-get sudo; do
  printf '#!/bin/sh\necho "%s $*" >>"%s/calls"\nexit 1\n' "$t" "$work" >"$work/fake/$t"
  chmod +x "$work/fake/$t"
done

# 1. demo.sh over a user's Release build.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMFL_BUILD_TESTS=OFF >/dev/null || fail "configure"
t0=$(date +%s)
PATH="$work/fake:$PATH" ./tools/demo.sh >"$work/demo.raw" 2>&1; rc=$?
sed 's/\x1b\[[0-9;]*m//g' "$work/demo.raw" >"$work/demo.out"   # demo.sh asks for colour
[ $rc -eq 0 ] || { tail -n 20 "$work/demo.out"; fail "tools/demo.sh exit $rc"; }
[ ! -s "$work/calls" ] || fail "demo.sh ran $(cat "$work/calls") though every build package is installed"
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' build/CMakeCache.txt || fail "demo.sh changed build/'s build type: $(grep ^CMAKE_BUILD_TYPE build/CMakeCache.txt)"
[ -x build/lint/modelfile-lint ] || fail "demo.sh did not build modelfile-lint"
[ ! -e build/lsp/modelfile-lsp ] || fail "demo.sh built more than modelfile-lint (modelfile-lsp)"
grep -q 'examples/story/Modelfile.v-128k:3:19: .*MF301' "$work/demo.out" || fail "demo output lacks the story's MF301"
grep -q '^== what --fix would change:' "$work/demo.out" || fail "demo output lacks the --diff part"
echo "$name: demo.sh: $(( $(date +%s) - t0 )) s, no apt-get, build/ still Release, only modelfile-lint built"

# 2. The story's command, as README.md shows it.
# Every line up to the next command or the end of the block (the full
# output: the problem, its source line and fix, the summary).
want=$(awk '$0 == "$ modelfile-lint examples/story/Modelfile.v-128k" {f=1; next} f && /^(\$ |```)/ {exit} f' README.md)
[ -n "$want" ] || fail "README.md shows no output for modelfile-lint examples/story/Modelfile.v-128k"
got=$(build/lint/modelfile-lint examples/story/Modelfile.v-128k 2>&1)
[ "$got" = "$want" ] || fail "README's story output differs:
want: $want
got:  $got"
# Without a budget --fix leaves the deliberate context alone (the raise is unsafe).
cp examples/story/Modelfile.v-128k "$work/story"
build/lint/modelfile-lint --fix "$work/story" >/dev/null 2>&1
cmp -s examples/story/Modelfile.v-128k "$work/story" || fail "--fix without a budget changed the story's file"
# The README's --fix command with the story's Mac, on a copy at the same path.
fixcmd='modelfile-lint --fix --hardware mac-studio-m2-ultra-64 examples/story/Modelfile.v-128k'
want=$(awk -v c="\$ $fixcmd" '$0 == c {f=1; next} f && /^(\$ |```)/ {exit} f' README.md)
[ -n "$want" ] || fail "README.md shows no output for $fixcmd"
mkdir -p "$work/fixcopy/examples/story" && cp examples/story/Modelfile.v-128k "$work/fixcopy/examples/story/"
got=$(cd "$work/fixcopy" && "$work/clone/build/lint/modelfile-lint" --fix --hardware mac-studio-m2-ultra-64 examples/story/Modelfile.v-128k 2>&1)
[ "$got" = "$want" ] || fail "README's --fix output differs:
want: $want
got:  $got"
grep -qx 'PARAMETER num_ctx 262144' "$work/fixcopy/examples/story/Modelfile.v-128k" || fail "--fix --hardware did not rewrite it to PARAMETER num_ctx 262144"
echo "$name: README's story command and --fix as shown"

# 3. A multi-arch machine: dpkg-query lists two instances of each package.
printf '#!/bin/sh\nprintf "ii \\nii \\n"\n' >"$work/fake/dpkg-query"
chmod +x "$work/fake/dpkg-query"
rm -f "$work/calls"
PATH="$work/fake:$PATH" ./tools/setup.sh --build-only --target modelfile-lint build >/dev/null 2>&1 ||
  fail "setup.sh failed on a multi-arch machine"
[ ! -s "$work/calls" ] || fail "setup.sh ran $(cat "$work/calls") on a multi-arch machine that has everything"
rm -f "$work/fake/dpkg-query"
echo "$name: setup.sh's package check works with packages installed for several architectures"

# 4. The plain build without cmocka (pkg-config without cmocka.pc).
mkdir -p "$work/pc"
for d in $(pkg-config --variable pc_path pkg-config | tr : ' '); do
  for pc in "$d"/*.pc; do
    [ -e "$pc" ] || continue
    case "$(basename "$pc")" in cmocka.pc) ;; *) ln -sf "$pc" "$work/pc/" ;; esac
  done
done
t0=$(date +%s)
out=$(PKG_CONFIG_LIBDIR="$work/pc" cmake -S . -B build-plain 2>&1) || { echo "$out"; fail "configure without cmocka"; }
grep -q 'cmocka not found: building without the tests' <<<"$out" || fail "no message about the tests being off"
PKG_CONFIG_LIBDIR="$work/pc" cmake --build build-plain -j2 >"$work/plain.log" 2>&1 || { tail -n 20 "$work/plain.log"; fail "the plain build fails without cmocka"; }
[ -x build-plain/lint/modelfile-lint ] && [ -x build-plain/lsp/modelfile-lsp ] || fail "the plain build did not build both programs"
[ ! -e build-plain/tests ] || fail "tests configured without cmocka"
echo "$name: plain build without cmocka: $(( $(date +%s) - t0 )) s, programs built, tests off with a warning"

# 5. editors/README.md's console block.
mkdir -p "$work/ed" && cd "$work/ed" || fail "cd"
printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' >Modelfile
# The folder's config names the machine, as editors/README.md says.
printf '{ "hardware": "mac-studio-m2-ultra-64" }\n' >.modelfile-lint.json
awk '/^```console/ {c=1; next} c && /^```/ {exit} c' "$src/editors/README.md" >"$work/console.md"
[ -s "$work/console.md" ] || fail "no console block in editors/README.md"
# Each "$ command" followed by its output lines.
python3 - "$work/console.md" "$work/clone/build/lint/modelfile-lint" <<'PY' || fail "editors/README.md's console block differs"
import subprocess, sys, shlex
lines = open(sys.argv[1]).read().splitlines()
blocks, cur = [], None
for l in lines:
    if l.startswith('$ '):
        cur = [l[2:], []]
        blocks.append(cur)
    elif cur:
        cur[1].append(l)
for cmd, want in blocks:
    argv = shlex.split(cmd)
    assert argv[0] == 'modelfile-lint', cmd
    got = subprocess.run([sys.argv[2]] + argv[1:], capture_output=True, text=True).stdout.splitlines()
    if got != want:
        print(f'$ {cmd}\nwant:\n' + '\n'.join(want) + '\ngot:\n' + '\n'.join(got))
        sys.exit(1)
print(f'{len(blocks)} commands as shown')
PY
echo "PASS $name: quick start, the story's command, setup.sh, the plain build and editors/README's console block give what the READMEs show"
