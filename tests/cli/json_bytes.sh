#!/usr/bin/env bash
# The json and sarif outputs are exactly what jansson writes for them: every
# rule fixture (quotes, backslashes, control characters, tabs, CRLF, UTF-16,
# invalid UTF-8, binary files: every fix and message shape) and a file name
# that is not UTF-8, re-dumped by jansson and compared byte for byte.
# Usage: tests/cli/json_bytes.sh modelfile-lint jansson_redump RULES_DIR
set -u
lint=$1 redump=$2 rules=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
cp -r "$rules" "$tmp/rules"
printf 'FROM llama3.2\nSYSTEM "a\\tb" \x01 caf\xe9\n' > "$tmp/rules/caf$(printf '\xe9').Modelfile"
printf 'FROM llama3.2\nMESSAGE User "hi"\n' > "$tmp/rules/tab$(printf '\t')ctl$(printf '\x1f')quote\"back\\slash.Modelfile"
find "$tmp/rules" -name '*.Modelfile' -print0 | sort -z > "$tmp/list"
for fmt in json sarif; do
  xargs -0 "$lint" --no-config --extend-select ALL --output-format $fmt < "$tmp/list" > "$tmp/out.$fmt" 2>"$tmp/err"
  n=$(grep -c '"line"\|"startLine"' "$tmp/out.$fmt")
  grep -q '\\u001F' "$tmp/out.$fmt" || { echo "FAIL: $fmt: no \\u escape was exercised" >&2; fail=1; }
  if "$redump" < "$tmp/out.$fmt"; then echo "ok: $fmt ($n positions) is jansson's own bytes"
  else echo "FAIL: $fmt" >&2; fail=1; fi
  "$lint" --no-config --select MF001 --output-format $fmt "$tmp/rules/MF001_missing-from/02_ok.Modelfile" > "$tmp/empty.$fmt"
  grep -q "\[\]" "$tmp/empty.$fmt" || { echo "FAIL: $fmt: not empty" >&2; fail=1; }
  if "$redump" < "$tmp/empty.$fmt"; then echo "ok: $fmt without problems"
  else echo "FAIL: $fmt without problems" >&2; fail=1; fi
done
exit $fail
