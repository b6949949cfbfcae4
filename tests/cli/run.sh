#!/usr/bin/env bash
# End-to-end cases for the modelfile-lint CLI: formats, exit codes, stdin,
# directories, --fix, --diff, config files, and the whole real-world corpus.
# Usage: tests/cli/run.sh PATH/TO/modelfile-lint [CORPUS_DIR]
set -u
lint=${1:?usage: run.sh modelfile-lint [corpus]}
corpus=${2:-}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { local name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }

story="$tmp/story"; mkdir -p "$story"
printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' > "$story/Modelfile"
clean="$tmp/clean"; mkdir -p "$clean"
printf 'FROM llama3.2\nPARAMETER temperature 0.7\nSYSTEM You are terse.\n' > "$clean/Modelfile"
broken="$tmp/broken"; mkdir -p "$broken/sub" "$broken/.hidden"
printf 'FROM llama3.2\nMESSAGE User hi\nSYSTM x\n' > "$broken/Modelfile"
printf 'FROM llama3.2\nMESSAGE User hi\n' > "$broken/sub/coder.modelfile"
printf 'FROM llama3.2\nMESSAGE User hi\n' > "$broken/.hidden/Modelfile"
printf 'not a modelfile' > "$broken/README.md"

# Exit codes: 0 clean, 1 findings, 2 usage/IO.
"$lint" --no-config --ignore MF3 "$clean/Modelfile" >/dev/null; check "clean exits 0" test $? -eq 0
"$lint" --no-config "$broken/Modelfile" >/dev/null; check "findings exit 1" test $? -eq 1
"$lint" --no-config "$tmp/does-not-exist" 2>/dev/null; check "missing file exits 2" test $? -eq 2
"$lint" --bogus 2>/dev/null; check "bad option exits 2" test $? -eq 2
"$lint" --format yaml "$clean/Modelfile" 2>/dev/null; check "bad format exits 2" test $? -eq 2
"$lint" --select MF777 "$clean/Modelfile" 2>/dev/null; check "unknown rule exits 2" test $? -eq 2
"$lint" --no-config "$tmp" >/dev/null 2>&1; check "directory with findings exits 1" test $? -eq 1

# Text format: path:line:col: severity CODE message.
out=$("$lint" --no-config "$broken/Modelfile")
check "text line" grep -q "^$broken/Modelfile:2:9: error MF006 " <<<"$out"
check "text second" grep -q "^$broken/Modelfile:3:1: error MF002 unknown instruction \`SYSTM\`; did you mean SYSTEM?" <<<"$out"

# Directories: recursive, Modelfile / *.modelfile, hidden folders skipped.
out=$("$lint" --no-config --format json "$broken")
check "dir finds nested" grep -q "sub/coder.modelfile" <<<"$out"
check "dir skips hidden" bash -c '! grep -q ".hidden" <<<"$1"' _ "$out"
check "dir skips others" bash -c '! grep -q "README" <<<"$1"' _ "$out"

# JSON: exactly the documented keys; columns in characters.
printf 'FROM llama3.2\nSYSTEM h\xc3\xa9llo\xe2\x80\x8b\n' > "$tmp/uni.Modelfile"
json=$("$lint" --no-config --format json --select MF009 "$tmp/uni.Modelfile")
check "json keys" node -e '
const a = JSON.parse(process.argv[1]); const want = "code,column,end_column,end_line,file,fix,line,message,rule,severity";
if (a.length !== 1) process.exit(1);
if (Object.keys(a[0]).sort().join(",") !== want) process.exit(2);
if (a[0].column !== 13 || a[0].end_column !== 14) process.exit(3);
if (a[0].fix.applicability !== "safe" || a[0].fix.edits[0].new_text !== "") process.exit(4);' "$json"

# SARIF 2.1.0, GitHub annotations, checkstyle.
sarif=$("$lint" --no-config --format sarif "$broken/Modelfile")
check "sarif shape" node -e '
const s = JSON.parse(process.argv[1]); const run = s.runs[0];
if (s.version !== "2.1.0" || run.tool.driver.name !== "modelfile-lint") process.exit(1);
if (!run.results.length || !run.tool.driver.rules.find(r => r.id === run.results[0].ruleId)) process.exit(2);
const r = run.results[0]; if (run.tool.driver.rules[r.ruleIndex].id !== r.ruleId) process.exit(3);
if (!r.locations[0].physicalLocation.region.startLine) process.exit(4);' "$sarif"
gh=$("$lint" --no-config --format github "$broken/Modelfile")
check "github annotation" grep -q "^::error file=$broken/Modelfile,line=2,col=9,endLine=2,endColumn=13,title=MF006 invalid-message-role::" <<<"$gh"
cs=$("$lint" --no-config --format checkstyle "$broken/Modelfile")
check "checkstyle" grep -q '<error line="2" column="9" severity="error" message="MESSAGE role `User` must be lowercase `user` (roles are case-sensitive)" source="modelfile-lint.MF006"/>' <<<"$cs"

# stdin, with and without a name.
out=$(printf 'FROM x\nMESSAGE User hi\n' | "$lint" --no-config -)
check "stdin" grep -q "^<stdin>:2:9: error MF006" <<<"$out"
out=$(printf 'FROM x\nMESSAGE User hi\n' | "$lint" --no-config --stdin-filename models/a.Modelfile -)
check "stdin filename" grep -q "^models/a.Modelfile:2:9:" <<<"$out"

# --diff writes nothing and exits 1 on a change; --fix writes, keeps the mode, is idempotent.
cp "$broken/Modelfile" "$tmp/fixme.Modelfile"; chmod 640 "$tmp/fixme.Modelfile"
before=$(cat "$tmp/fixme.Modelfile")
d=$("$lint" --no-config --diff "$tmp/fixme.Modelfile"); rc=$?
check "diff exit 1" test $rc -eq 1
check "diff hunk" grep -q '^+MESSAGE user hi$' <<<"$d"
check "diff wrote nothing" test "$before" = "$(cat "$tmp/fixme.Modelfile")"
"$lint" --no-config --fix "$tmp/fixme.Modelfile" >/dev/null
check "fix applied" grep -q '^MESSAGE user hi$' "$tmp/fixme.Modelfile"
check "fix kept mode" test "$(stat -c %a "$tmp/fixme.Modelfile")" = 640
cp "$tmp/fixme.Modelfile" "$tmp/once"
"$lint" --no-config --fix "$tmp/fixme.Modelfile" >/dev/null
check "fix idempotent" cmp -s "$tmp/once" "$tmp/fixme.Modelfile"
"$lint" --no-config --diff "$tmp/fixme.Modelfile" >/dev/null; check "diff after fix exits 0" test $? -eq 0

# --fix through a symlink rewrites the target and keeps the link.
cp "$broken/sub/coder.modelfile" "$tmp/target.modelfile"; ln -s "$tmp/target.modelfile" "$tmp/link.modelfile"
"$lint" --no-config --fix "$tmp/link.modelfile" >/dev/null
check "symlink kept" test -L "$tmp/link.modelfile"
check "symlink target fixed" grep -q '^MESSAGE user hi$' "$tmp/target.modelfile"

# --fix on a read-only file fails cleanly and leaves it intact.
cp "$broken/sub/coder.modelfile" "$tmp/ro.modelfile"; chmod 444 "$tmp/ro.modelfile"
"$lint" --no-config --fix "$tmp/ro.modelfile" >/dev/null 2>"$tmp/err"; rc=$?
check "read-only exits 2" test $rc -eq 2
check "read-only message" grep -q "read-only" "$tmp/err"
check "read-only intact" grep -q '^MESSAGE User hi$' "$tmp/ro.modelfile"

# UTF-16 files are fixed in UTF-16.
printf '\xff\xfeF\x00R\x00O\x00M\x00 \x00x\x00\n\x00m\x00e\x00s\x00s\x00a\x00g\x00e\x00 \x00u\x00s\x00e\x00r\x00 \x00h\x00\n\x00' > "$tmp/u16.Modelfile"
"$lint" --no-config --extend-select MF901 --fix "$tmp/u16.Modelfile" >/dev/null 2>&1
check "utf16 stays utf16" bash -c "head -c 2 '$tmp/u16.Modelfile' | od -An -tx1 | grep -q 'ff fe'"
check "utf16 fixed" bash -c "iconv -f UTF-16 -t UTF-8 '$tmp/u16.Modelfile' | grep -q '^MESSAGE user h'"

# Config files: found by walking up; severities, per-path ignores; errors say where.
cfgdir="$tmp/cfg"; mkdir -p "$cfgdir/deep/er"
printf 'FROM llama3.2\nMESSAGE User hi\n' > "$cfgdir/deep/er/Modelfile"
printf '{"rules": {"MF006": "warning"}}' > "$cfgdir/.modelfile-lint.json"
out=$("$lint" "$cfgdir/deep/er/Modelfile")
check "config severity" grep -q "warning MF006" <<<"$out"
printf '{"per-path-ignores": {"deep/**/Modelfile": ["MF006"]}}' > "$cfgdir/.modelfile-lint.json"
out=$("$lint" "$cfgdir/deep/er/Modelfile")
check "per-path ignore" bash -c '! grep -q MF006 <<<"$1"' _ "$out"
printf '{"rules": {"MF006": "loud"}}' > "$cfgdir/.modelfile-lint.json"
"$lint" "$cfgdir/deep/er/Modelfile" >/dev/null 2>"$tmp/err"; rc=$?
check "bad config exits 2" test $rc -eq 2
check "bad config says where" grep -q 'rules.MF006: unknown severity "loud"' "$tmp/err"
printf '{"rules": {' > "$cfgdir/.modelfile-lint.json"
"$lint" "$cfgdir/deep/er/Modelfile" >/dev/null 2>"$tmp/err"; rc=$?
check "broken json exits 2" test $rc -eq 2
check "broken json line:col" grep -q '.modelfile-lint.json:1:' "$tmp/err"

# Folders are walked while the workers lint: the output is in the walk's
# order whatever the number of workers, and a bad config file met halfway
# through the walk stops the run (exit 2, nothing on stdout).
many="$tmp/many"
for d in $(seq -w 1 40); do
  mkdir -p "$many/$d/sub"
  printf 'FROM llama3.2\nMESSAGE User hi %s\n' "$d" > "$many/$d/Modelfile"
  printf 'FROM llama3.2\nSYSTM x\n' > "$many/$d/sub/b.modelfile"
done
"$lint" --no-config --output-format concise -j1 "$many" > "$tmp/j1" 2>&1
for j in 2 3 8; do
  "$lint" --no-config --output-format concise -j$j "$many" > "$tmp/j$j" 2>&1
  check "same output with -j$j as with -j1" cmp -s "$tmp/j1" "$tmp/j$j"
done
check "walk order" bash -c 'grep "^/" "$1" | grep -o "^[^:]*" | uniq | LC_ALL=C sort -c' _ "$tmp/j1"
printf '{"rules": {' > "$many/33/.modelfile-lint.json"
"$lint" -j2 "$many" > "$tmp/out" 2>"$tmp/err"; rc=$?
check "bad config mid-walk exits 2" test $rc -eq 2
check "bad config mid-walk prints no findings" test ! -s "$tmp/out"
check "bad config mid-walk says where" grep -q "many/33/.modelfile-lint.json:1:" "$tmp/err"

# Rule docs and parse output.
check "explain" bash -c "'$lint' --explain MF006 | grep -q '## Why is this bad?'"
man=$("$lint" --man)
check "man page" bash -c 'head -1 <<<"$1" | grep -q "^\.TH MODELFILE-LINT 1" && [ "$(grep -c "^\\\\fBMF[0-9]" <<<"$1")" = "$("$2" --list-rules | wc -l)" ]' _ "$man" "$lint"
check "help lists every option" bash -c "'$lint' --help | grep -q -- '--client-timeout SEC'"
check "list-rules" bash -c "'$lint' --list-rules | grep -q '^MF001  missing-from'"
p=$("$lint" parse --format json "$story/Modelfile")
check "parse json" node -e 'const a = JSON.parse(process.argv[1]);
if (JSON.stringify(a) !== JSON.stringify([{name:"model",args:"qwen3-coder:30b"},{name:"num_ctx",args:"131072"}])) process.exit(1);' "$p"
"$lint" parse --format json "$broken/Modelfile" >"$tmp/perr"; rc=$?
check "parse error exit 1" test $rc -eq 1
check "parse error ollama text" grep -q 'message role must be one of' "$tmp/perr"

# The real corpus: no crash, every file read, exit 0 or 1 only.
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
  # The corpus's file names are mangled (not all match the directory search):
  # name every file.
  find "$corpus" -maxdepth 1 -type f ! -name '*.tsv' -print0 | sort -z |
    xargs -0 "$lint" --no-config --format json >"$tmp/corpus.json" 2>"$tmp/corpus.err"; rc=$?
  [ $rc = 123 ] && rc=1 # xargs: the command exited 1-125
  check "corpus run exits 1" test $rc -eq 1
  check "corpus no stderr" test ! -s "$tmp/corpus.err"
  check "corpus all create errors found" node -e '
const fs = require("fs"); const d = JSON.parse(fs.readFileSync(process.argv[1]));
const exp = fs.readFileSync(process.argv[2] + "/EXPECTED.tsv", "utf8").trim().split("\n").slice(1).map(l => l.split("\t"));
let missing = 0;
for (const [f, v] of exp) {
  if (v === "ok") continue;
  const errs = d.filter(x => x.file.endsWith("/" + f) && x.severity === "error");
  if (!errs.length) { console.error("no error for", v, f); missing++; }
}
const okErr = exp.filter(([f, v]) => v === "ok").filter(([f]) => d.some(x => x.file.endsWith("/" + f) && x.severity === "error" && /^MF0/.test(x.code)));
if (okErr.length) { console.error("syntax errors in ok files:", okErr.map(x => x[0])); missing++; }
process.exit(missing ? 1 : 0);' "$tmp/corpus.json" "$corpus"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
