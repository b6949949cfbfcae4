#!/usr/bin/env bash
# Fails when a committed generated file is stale:
#  - docs/rules.md must equal `modelfile-lint --list-rules --format markdown`;
#  - grammar/src/parser.c (and grammar.json, node-types.json) must be what
#    `tree-sitter generate --abi 14` makes of grammar/grammar.js, checked with
#    a tree-sitter CLI >= 0.22 (on PATH, or Debian 13's via tools/debian13-tool.sh);
#  - the parser must be ABI 14 (Debian 12's libtree-sitter loads 13-14 only);
#  - lint/data/models must validate, and lint/src/knowledge/models_data.c and
#    docs/models.md must be what tools/gen-models.py makes of it.
# Exits 77 (skipped) when everything it could check is current but no
# tree-sitter CLI runs on this machine.
# Usage: tools/check-generated.sh PATH/TO/modelfile-lint
set -euo pipefail
lint=${1:?usage: check-generated.sh modelfile-lint}
root=$(cd "$(dirname "$0")/.." && pwd)
fail=0
if ! diff -u "$root/docs/rules.md" <("$lint" --list-rules --format markdown) >/tmp/mfl-rules.diff; then
  echo "docs/rules.md is stale: run tools/regenerate.sh" >&2
  head -40 /tmp/mfl-rules.diff >&2
  fail=1
fi
if ! python3 "$root/tools/gen-models.py" --validate >/dev/null || ! python3 "$root/tools/gen-models.py" --check; then
  echo "the model data is invalid or its generated files are stale: run tools/regenerate.sh" >&2
  fail=1
fi
grep -q '#define LANGUAGE_VERSION 14' "$root/grammar/src/parser.c" || { echo "parser.c is not ABI 14" >&2; fail=1; }
ts=()
if command -v tree-sitter >/dev/null && tree-sitter --version | awk '{split($2,v,"."); exit !(v[1]>0 || v[2]>=22)}'; then
  ts=(tree-sitter)
elif [ "${MFL_SKIP_TS_CLI:-0}" != 1 ]; then
  ts=("$root/tools/debian13-tool.sh" tree-sitter)
fi
skipped=0
if [ ${#ts[@]} -gt 0 ] && ! "${ts[@]}" --version >/dev/null 2>&1; then
  echo "no tree-sitter CLI runs on this machine: the parser is not checked against grammar.js (skipped)" >&2
  ts=()
  skipped=1
fi
if [ ${#ts[@]} -gt 0 ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cp "$root/grammar/grammar.js" "$tmp/"
  (cd "$tmp" && "${ts[@]}" generate --abi 14 >/dev/null)
  for f in parser.c grammar.json node-types.json; do
    if ! cmp -s "$tmp/src/$f" "$root/grammar/src/$f"; then
      echo "grammar/src/$f does not match grammar.js: run tools/regenerate.sh" >&2
      fail=1
    fi
  done
  # The grammar's corpus tests with the real CLI too.
  (cd "$root/grammar" && "${ts[@]}" test >/tmp/mfl-ts-test.log 2>&1) || {
    echo "tree-sitter test failed:" >&2; tail -30 /tmp/mfl-ts-test.log >&2; fail=1; }
fi
[ $fail = 0 ] && [ $skipped = 0 ] && echo "generated files are up to date"
[ $fail = 0 ] && [ $skipped = 1 ] && exit 77
exit $fail
