#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The repository's .pre-commit-hooks.yaml, run by Debian's real pre-commit:
#  1. a throwaway git repository commits a bad Modelfile (the story's file);
#  2. `pre-commit try-repo <this repo> modelfile-lint` fails and shows our
#     diagnostic;
#  3. `pre-commit try-repo <this repo> modelfile-lint-fix` repairs the file
#     (pre-commit reports the modification and fails, as it does for fixers);
#  4. the next modelfile-lint run passes;
#  5. the same through a .pre-commit-config.yaml and `pre-commit install`: a
#     `git commit` of a bad Modelfile is refused by the hook, a good one lands;
#     documentation and backups (docs/Modelfile.md, Modelfile.bak) are not
#     linted;
#  6. the README's .pre-commit-config.yaml, as written, on Ollama's own
#     example Modelfile (FROM llama3.2, PARAMETER temperature 1, SYSTEM; from
#     the real corpus): passes with the output the README shows; on a bad
#     Modelfile it fails with our diagnostic.
# Usage: precommit_test.sh MODELFILE_LINT_BINARY [SOURCE_DIR] [CORPUS_DIR]
set -uo pipefail
name=precommit_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
lint=${1:?usage: precommit_test.sh MODELFILE_LINT_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
src=$(cd "$src" && pwd)
corpus=${3:-$src/../shared/corpus/real}
[ -x "$lint" ] || fail "no executable at $lint"
lint=$(cd "$(dirname "$lint")" && pwd)/$(basename "$lint")
[ -f "$src/.pre-commit-hooks.yaml" ] || fail "$src/.pre-commit-hooks.yaml missing"

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "$name: installing Debian's pre-commit package"
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pre-commit >/dev/null ||
    fail "apt-get install pre-commit failed"
fi
echo "$name: $(pre-commit --version)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# modelfile-lint on PATH from the build folder, as `language: system` expects.
mkdir -p "$work/bin"
ln -s "$lint" "$work/bin/modelfile-lint"
export PATH="$work/bin:$PATH"
export PRE_COMMIT_HOME="$work/pre-commit-home"
export GIT_CONFIG_GLOBAL="$work/gitconfig" GIT_CONFIG_NOSYSTEM=1
git config --global user.name "pre-commit test"
git config --global user.email "test@example.invalid"
git config --global init.defaultBranch main
git config --global commit.gpgsign false

# try-repo needs the hooks file committed: snapshot it into its own repository.
hooks="$work/hooks-repo"
mkdir -p "$hooks"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -qm hooks ||
  fail "could not commit the hooks snapshot"
rev=$(git -C "$hooks" rev-parse HEAD)

repo="$work/project"
mkdir -p "$repo/models/coder"
cd "$repo" && git init -q || fail "git init"
bad=$'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n'
printf '%s' "$bad" > models/coder/Modelfile
# The project's machine: with a memory budget the raise is known to fit, so
# the fix hook (safe fixes only) may make it.
printf '{"hardware": "mac-studio-m2-ultra-64"}\n' > .modelfile-lint.json
printf 'not a modelfile, never linted\n' > README.txt
git add -A && git commit -qm "bad Modelfile" || fail "commit of the bad Modelfile"

# 2. The lint hook fails and shows our diagnostic.
out=$(pre-commit try-repo "$hooks" modelfile-lint --all-files 2>&1); rc=$?
echo "$out" | sed 's/^/  | /'
[ $rc -ne 0 ] || fail "modelfile-lint hook passed on the bad Modelfile"
grep -q 'models/coder/Modelfile:2:[0-9]*: .*MF[0-9]' <<<"$out" ||
  fail "hook output lacks our diagnostic (path:line:col: ... MFxxx) for line 2"
grep -q 'README.txt' <<<"$out" && fail "hook ran on README.txt"

# 3. The fix hook repairs the file.
out=$(pre-commit try-repo "$hooks" modelfile-lint-fix --all-files 2>&1); rc=$?
echo "$out" | sed 's/^/  | /'
[ $rc -ne 0 ] || fail "fix hook should report that it modified files"
grep -q 'files were modified by this hook' <<<"$out" || fail "fix hook changed nothing"
grep -q '^PARAMETER num_ctx 262144$' models/coder/Modelfile ||
  fail "fixed file does not say num_ctx 262144: $(cat models/coder/Modelfile)"
git -C "$repo" diff --stat

# 4. The next run passes.
out=$(pre-commit try-repo "$hooks" modelfile-lint --all-files 2>&1); rc=$?
echo "$out" | sed 's/^/  | /'
[ $rc -eq 0 ] || fail "modelfile-lint hook still fails after the fix"
git commit -qam "fixed" || fail "commit of the fixed file"

# 5. A .pre-commit-config.yaml pointing at the hooks repository, installed as
#    the git pre-commit hook: a bad Modelfile cannot be committed.
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: modelfile-lint
YAML
git add .pre-commit-config.yaml && git commit -qm "pre-commit config" || fail "commit config"
pre-commit install >/dev/null || fail "pre-commit install"
printf '%s' "$bad" > chat.modelfile
# Documentation and backups of a bad Modelfile are not Modelfiles.
mkdir -p docs && printf '%s' "$bad" > docs/Modelfile.md && printf '%s' "$bad" > Modelfile.bak
git add chat.modelfile docs/Modelfile.md Modelfile.bak
out=$(git commit -qm "bad again" 2>&1); rc=$?
echo "$out" | sed 's/^/  | /'
[ $rc -ne 0 ] || fail "git commit of a bad chat.modelfile was not refused"
grep -q 'chat.modelfile:2:[0-9]*: .*MF[0-9]' <<<"$out" || fail "refused commit lacks our diagnostic"
grep -Eq 'Modelfile\.md|Modelfile\.bak' <<<"$out" && fail "the hook linted docs/Modelfile.md or Modelfile.bak"
printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 262144\n' > chat.modelfile
git add chat.modelfile
out=$(git commit -qm "good" 2>&1); rc=$?
[ $rc -eq 0 ] || { echo "$out"; fail "git commit of a good chat.modelfile was refused"; }

# 6. The README's snippet, exactly as written.
readme="$work/readme"
mkdir -p "$readme/docs" && cd "$readme" && git init -q || fail "git init"
awk '/^```yaml/ {c=1; b=""; next} c && /^```/ {c=0; if (b ~ /repo: local/) {printf "%s", b; exit}; next} c {b = b $0 "\n"}' \
  "$src/README.md" >.pre-commit-config.yaml
grep -q 'repo: local' .pre-commit-config.yaml || fail "no .pre-commit-config.yaml (repo: local) block in README.md"
# Its name patterns are the hooks' own.
python3 - "$src/.pre-commit-hooks.yaml" .pre-commit-config.yaml <<'PY' || fail "README's patterns differ from .pre-commit-hooks.yaml"
import re, sys
def pats(path):
    t = open(path).read()
    return re.findall(r"files: '([^']*)'", t)[0], re.findall(r"exclude: '([^']*)'", t)[0]
assert pats(sys.argv[1]) == pats(sys.argv[2]), (pats(sys.argv[1]), pats(sys.argv[2]))
PY
example="$corpus/ollama__ollama__examples__modelfile-mario__Modelfile"
[ -f "$example" ] || fail "Ollama's example Modelfile not found in the corpus ($example)"
cp "$example" Modelfile
printf '%s' "$bad" > docs/Modelfile.md
git add -A && git commit -qm "Ollama's example" || fail "commit"
want=$(awk '/^\$ pre-commit run --all-files/ {getline; print; exit}' "$src/README.md")
[ -n "$want" ] || fail "README.md shows no output for pre-commit run --all-files"
out=$(pre-commit run --all-files 2>&1); rc=$?
echo "$out" | sed 's/^/  | /'
if [ $rc -ne 0 ]; then
  findings=$(echo "$out" | grep -Eo ' MF[0-9]{3} ' | sort -u | tr -d ' ')
  if [ "$findings" = MF302 ]; then
    fail "the README's config fails on Ollama's own example ONLY because of MF302 (a warning in this branch; another change makes it information-only): re-run after merging that change"
  fi
  fail "the README's config fails on Ollama's own example (exit $rc)"
fi
grep -qxF "$want" <<<"$out" || fail "output differs from the README's: want '$want'"
printf '%s' "$bad" > Modelfile
out=$(pre-commit run --all-files 2>&1); rc=$?
[ $rc -ne 0 ] || fail "the README's config passed a bad Modelfile"
grep -q '^Modelfile:2:[0-9]*: .*MF[0-9]' <<<"$out" || fail "no diagnostic for the bad Modelfile"

echo "PASS $name: hook failed with our diagnostics, fix hook repaired the file, next run and a real commit passed; docs and backups skipped; the README's config passes Ollama's example and fails a bad file"
