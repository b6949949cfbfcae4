#!/usr/bin/env bash
# Regenerates every generated file: the parser (from grammar/grammar.js, with a
# tree-sitter CLI >= 0.22 on PATH or Debian 13's via tools/debian13-tool.sh),
# the IsPrint and letter/digit tables (need libutf8proc-dev), the model data's
# C table and docs/models.md (from lint/data/models, needs python3 >= 3.11),
# and docs/rules.md (from the rule metadata, via a built modelfile-lint: pass
# its path or build/ is used).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lint=${1:-$root/build/lint/modelfile-lint}
if command -v tree-sitter >/dev/null && tree-sitter --version | awk '{split($2,v,"."); exit !(v[1]>0 || v[2]>=22)}'; then
  ts=(tree-sitter)
else
  ts=("$root/tools/debian13-tool.sh" tree-sitter)
fi
(cd "$root/grammar" && "${ts[@]}" generate --abi 14)
if [ -f /usr/include/utf8proc.h ]; then
  cc -O1 -o /tmp/mfl-gen-isprint "$root/tools/gen_isprint.c" -lutf8proc
  /tmp/mfl-gen-isprint > "$root/grammar/src/isprint.h"
  cc -O1 -o /tmp/mfl-gen-alnum "$root/tools/gen_alnum.c" -lutf8proc
  /tmp/mfl-gen-alnum > "$root/lint/src/unialnum.h"
fi
python3 "$root/tools/gen-models.py" --write
if [ -x "$lint" ]; then
  cmake --build "$(dirname "$(dirname "$lint")")" -j2 >/dev/null
  "$lint" --list-rules --format markdown > "$root/docs/rules.md"
fi
echo "regenerated"
