#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks that the C sources follow .clang-format (clang-format --dry-run
# -Werror). Exits 0 when every file is formatted, 1 when one is not, 77 when
# clang-format is missing (tools/setup.sh installs it).
# Usage: tools/check-format.sh [--count] [CLANG_FORMAT]
#   --count  print how many lines clang-format would change, per file
# Generated files are left out: lint/src/knowledge/models_data.c
# (tools/gen-models.py), lint/src/unialnum.h (tools/gen_alnum.c) and the
# grammar's (grammar/src: tree-sitter generate), which is outside the
# folders checked anyway.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=0
if [ "${1:-}" = --count ]; then count=1; shift; fi
cf=${1:-clang-format}
command -v "$cf" >/dev/null || { echo "check-format.sh: $cf not found" >&2; exit 77; }
cd "$root" || exit 1
mapfile -t files < <(git ls-files -- 'lint/*.[ch]' 'lsp/*.[ch]' 'fuzz/*.[ch]' 'tests/unit/*.[ch]' 2>/dev/null ||
                     find lint lsp fuzz tests/unit -name '*.[ch]')
keep=()
for f in "${files[@]}"; do
  case "$f" in
    lint/src/knowledge/models_data.c | lint/src/unialnum.h | grammar/src/*) continue ;;
  esac
  [ -f "$f" ] && keep+=("$f")
done
if [ $count = 1 ]; then
  total=0
  for f in "${keep[@]}"; do
    n=$("$cf" --style=file "$f" | diff "$f" - | grep -c '^<')
    [ "$n" -gt 0 ] && echo "$n $f"
    total=$((total + n))
  done
  echo "$total lines in ${#keep[@]} files would change"
  [ $total = 0 ]
  exit $?
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$cf" --style=file --dry-run -Werror "${keep[@]}" 2>"$log" && exit 0
grep -c 'error:' "$log" | sed 's/$/ places need formatting (clang-format -i FILE fixes them):/' >&2
grep 'error:' "$log" | cut -d: -f1 | sort | uniq -c | sort -rn | head -20 >&2
exit 1
