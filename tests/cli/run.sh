#!/usr/bin/env bash
# End-to-end cases for the modelfile-lint CLI: formats, exit codes, stdin,
# directories, --fix, --diff, config files, and the whole real-world corpus.
# Usage: tests/cli/run.sh PATH/TO/modelfile-lint [CORPUS_DIR]
# MFL_TARGET_OS=windows (set by CMake for the Windows build, run under Wine)
# skips the POSIX-only cases (modes, symlinks); tests/cli/windows.sh has the
# Windows ones.
set -u
lint=$(readlink -f "${1:?usage: run.sh modelfile-lint [corpus]}")
corpus=${2:-}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { local name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }
skip() { echo "skipped on $MFL_TARGET_OS: $*"; }
MFL_TARGET_OS=${MFL_TARGET_OS:-posix}
posix() { [ "$MFL_TARGET_OS" = posix ]; }

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
# (On standard input: the log, with every rule's documentation, is larger than
# one command-line argument may be.)
sarif=$("$lint" --no-config --format sarif "$broken/Modelfile")
check "sarif shape" node -e '
const s = JSON.parse(require("fs").readFileSync(0, "utf8")); const run = s.runs[0];
if (s.version !== "2.1.0" || run.tool.driver.name !== "modelfile-lint") process.exit(1);
if (!run.results.length || !run.tool.driver.rules.find(r => r.id === run.results[0].ruleId)) process.exit(2);
const r = run.results[0]; if (run.tool.driver.rules[r.ruleIndex].id !== r.ruleId) process.exit(3);
if (!r.locations[0].physicalLocation.region.startLine) process.exit(4);' <<<"$sarif"
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
# The mode, read portably (find -perm, not GNU stat -c).
if posix; then check "fix kept mode" test -n "$(find "$tmp/fixme.Modelfile" -prune -perm 640)"
else skip "fix kept mode (no POSIX modes)"; fi
cp "$tmp/fixme.Modelfile" "$tmp/once"
"$lint" --no-config --fix "$tmp/fixme.Modelfile" >/dev/null
check "fix idempotent" cmp -s "$tmp/once" "$tmp/fixme.Modelfile"
"$lint" --no-config --diff "$tmp/fixme.Modelfile" >/dev/null; check "diff after fix exits 0" test $? -eq 0

# --fix through a symlink rewrites the target and keeps the link.
if posix; then
cp "$broken/sub/coder.modelfile" "$tmp/target.modelfile"; ln -s "$tmp/target.modelfile" "$tmp/link.modelfile"
"$lint" --no-config --fix "$tmp/link.modelfile" >/dev/null
check "symlink kept" test -L "$tmp/link.modelfile"
check "symlink target fixed" grep -q '^MESSAGE user hi$' "$tmp/target.modelfile"
else skip "symlinks (Wine shows a Unix symlink as the file it points to)"; fi

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

# A GGUF over 4 GiB (sparse: a header, then one byte 5 GiB in) is read and
# weighed by every build, 32-bit ones too (large-file support).
mkdir -p "$tmp/big"
node -e '
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
const u64 = (n) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b; };
const str = (s) => { const b = Buffer.from(s); return Buffer.concat([u64(b.length), b]); };
const kv = [["general.architecture", 8, "llama"], ["llama.context_length", 4, 32768],
  ["llama.block_count", 4, 32], ["llama.attention.head_count", 4, 32],
  ["llama.attention.head_count_kv", 4, 8], ["llama.embedding_length", 4, 4096]];
const parts = [Buffer.from("GGUF"), u32(3), u64(0), u64(kv.length)];
for (const [k, t, v] of kv) parts.push(str(k), u32(t), t === 8 ? str(v) : u32(v));
process.stdout.write(Buffer.concat(parts));' >"$tmp/big/model.gguf"
dd if=/dev/zero of="$tmp/big/model.gguf" bs=1 count=1 seek=5368709120 conv=notrunc 2>/dev/null
printf 'FROM ./model.gguf\nPARAMETER num_ctx 8192\n' >"$tmp/big/Modelfile"
out=$("$lint" info "$tmp/big/Modelfile" 2>&1)
check "GGUF over 4 GiB: native context read" grep -q 'Native context *32,768 tokens' <<<"$out"
check "GGUF over 4 GiB: weighed" grep -q 'Weights *5.00 GiB' <<<"$out"
rm -f "$tmp/big/model.gguf"

# Config files: found by walking up; severities, per-path ignores; errors say where.
cfgdir="$tmp/cfg"; mkdir -p "$cfgdir/deep/er"
printf 'FROM llama3.2\nMESSAGE User hi\n' > "$cfgdir/deep/er/Modelfile"
printf '{"rules": {"MF006": "warning"}}' > "$cfgdir/.modelfile-lint.json"
out=$("$lint" "$cfgdir/deep/er/Modelfile")
check "config severity" grep -q "warning MF006" <<<"$out"
printf '{"per-path-ignores": {"deep/**/Modelfile": ["MF006"]}}' > "$cfgdir/.modelfile-lint.json"
out=$("$lint" "$cfgdir/deep/er/Modelfile")
if posix; then check "per-path ignore" bash -c '! grep -q MF006 <<<"$1"' _ "$out"
else skip "per-path ignore: lint/io/config.c compares the config's canonical folder (Z:/tmp/...) with the path as typed (/tmp/...); see docs/install.md"; fi
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
# ... and one at the walk's root (no path: the current folder) too.
(cd "$many/33" && "$lint") > "$tmp/out" 2>"$tmp/err"; rc=$?
check "bad config at the root exits 2" test $rc -eq 2
check "bad config at the root prints nothing on stdout" test ! -s "$tmp/out"

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

# ---- a newcomer's first hour -------------------------------------------------
mk() { mkdir -p "$(dirname "$1")"; printf 'FROM llama3.2\nMESSAGE User hi\n' > "$1"; }
files_of() { grep -o '^[^ :][^:]*' | grep -v '^[0-9]* problem\|^No problems\|^Fixed\|^Would' | sort -u; }

# No path means the current folder; `check` is the subcommand, ./check a folder.
nb="$tmp/noargs"; mk "$nb/Modelfile"; mk "$nb/check/Modelfile"
out=$(cd "$nb" && "$lint" --no-config --output-format concise)
check "no arguments lint ." grep -q '^\./Modelfile:2:9: error MF006' <<<"$out"
out=$(cd "$nb" && "$lint" check --no-config --output-format concise Modelfile)
check "check subcommand" grep -q '^Modelfile:2:9: error MF006' <<<"$out"
out=$(cd "$nb" && "$lint" --no-config --output-format concise ./check)
check "./check is a path" grep -q '^\./check/Modelfile:2:9:' <<<"$out"

# --select and friends name the unknown code.
"$lint" --no-config --select MF9999 "$nb/Modelfile" 2>"$tmp/err"; rc=$?
check "select MF9999 exits 2" test $rc -eq 2
check "select MF9999 named" grep -q 'unknown rule `MF9999`' "$tmp/err"
"$lint" --no-config --ignore MF006,bogus-rule "$nb/Modelfile" 2>"$tmp/err" >/dev/null
check "ignore names the bad one" grep -q 'unknown rule `bogus-rule`' "$tmp/err"

# Folder walks: Modelfile names, node_modules, hidden.
w="$tmp/walk"
for f in Modelfile docs/Modelfile.md docs/Modelfile.markdown docs/Modelfile.txt Modelfile.example \
         a.Modelfile b.modelfile Modelfile.bak Modelfile.orig Modelfile.rej Modelfile.old Modelfile.tmp \
         .Modelfile.swp Modelfile.swp Modelfile~ '#Modelfile#' .#Modelfile Modelfile.html \
         node_modules/pkg/Modelfile .cache/Modelfile deep/er/x.Modelfile; do mk "$w/$f"; done
got=$(cd "$w" && "$lint" --no-config --output-format concise . | files_of | tr '\n' ' ')
check "walk names" test "$got" = "./Modelfile ./Modelfile.example ./a.Modelfile ./b.modelfile ./deep/er/x.Modelfile ./docs/Modelfile.txt "
# The one name list (tests/integration/modelfile-names.txt; the editors'
# tests read it too): the walk finds exactly its "yes" names, at the top and
# in a subfolder (hidden names walked too: the names decide, not the default
# exclude), and .pre-commit-hooks.yaml's files/exclude patterns select the
# same names as pre-commit does (Python's re.search on the path).
src=$(cd "$(dirname "$0")/../.." && pwd)
names="$src/tests/integration/modelfile-names.txt"
nw="$tmp/names"; : > "$tmp/names.want"; nn=0
while read -r verdict f; do
  case "$verdict" in yes|no) ;; *) continue ;; esac
  mk "$nw/$f"; mk "$nw/d/$f"; nn=$((nn + 1))
  [ "$verdict" = yes ] && printf './%s\n./d/%s\n' "$f" "$f" >> "$tmp/names.want"
done < "$names"
check "name list read" test "$nn" -gt 20
got=$(cd "$nw" && "$lint" --no-config --output-format concise --exclude node_modules . | files_of)
check "walk follows modelfile-names.txt" test "$got" = "$(sort -u "$tmp/names.want")"
check "pre-commit patterns follow modelfile-names.txt" python3 - "$src/.pre-commit-hooks.yaml" "$names" <<'PY'
import re, sys
hooks = open(sys.argv[1]).read()
files, excl = set(re.findall(r"files: '([^']*)'", hooks)), set(re.findall(r"exclude: '([^']*)'", hooks))
assert len(files) == 1 and len(excl) == 1, "the hooks' patterns differ from each other"
files, excl = re.compile(files.pop()), re.compile(excl.pop())
bad = []
for line in open(sys.argv[2]):
    parts = line.split(None, 1)
    if len(parts) != 2 or parts[0] not in ("yes", "no"):
        continue
    name = parts[1].rstrip("\n")
    for path in (name, "d/" + name):
        got = bool(files.search(path)) and not excl.search(path)
        if got != (parts[0] == "yes"):
            bad.append(path)
if bad:
    sys.exit("pre-commit selects wrongly: " + ", ".join(bad))
PY
out=$("$lint" --no-config --output-format concise "$w/docs/Modelfile.md" "$w/Modelfile.bak")
check "named files are always linted" test "$(files_of <<<"$out" | wc -l)" = 2
# exclude / extend-exclude on the command line (ruff's semantics).
got=$(cd "$w" && "$lint" --no-config --output-format concise --extend-exclude 'deep/,*.modelfile' . | files_of | tr '\n' ' ')
if [ "${MFL_TARGET_OS:-}" != windows ]; then
check "--extend-exclude" test "$got" = "./Modelfile ./Modelfile.example ./a.Modelfile ./docs/Modelfile.txt "
else # patterns match either case on Windows, as its file system does: *.modelfile takes a.Modelfile too
check "--extend-exclude (case-insensitive on Windows)" test "$got" = "./Modelfile ./Modelfile.example ./docs/Modelfile.txt "; fi
got=$(cd "$w" && "$lint" --no-config --output-format concise --exclude docs . | files_of | tr '\n' ' ')
check "--exclude replaces the default" test "$got" = "./.cache/Modelfile ./Modelfile ./Modelfile.example ./a.Modelfile ./b.modelfile ./deep/er/x.Modelfile ./node_modules/pkg/Modelfile "
# ... and in the config, relative to its folder wherever we run.
printf '{"extend-exclude": ["deep/er", "Modelfile.example"]}' > "$w/.modelfile-lint.json"
got=$(cd "$w/docs" && "$lint" --output-format concise .. | files_of | tr '\n' ' ')
check "config extend-exclude" test "$got" = "../Modelfile ../a.Modelfile ../b.modelfile ../docs/Modelfile.txt "
printf '{"exclude": ["b.*"]}' > "$w/.modelfile-lint.json"
got=$(cd "$w" && "$lint" --output-format concise | files_of | tr '\n' ' ')
check "config exclude" test "$got" = "./.cache/Modelfile ./Modelfile ./Modelfile.example ./a.Modelfile ./deep/er/x.Modelfile ./docs/Modelfile.txt ./node_modules/pkg/Modelfile "
# --force-exclude applies the exclusions to named files (pre-commit).
out=$(cd "$w" && "$lint" --output-format concise --force-exclude b.modelfile a.Modelfile | files_of | tr '\n' ' ')
check "--force-exclude" test "$out" = "a.Modelfile "
rm "$w/.modelfile-lint.json"

# .gitignore: honoured in the walked folders and above them up to the
# repository's root; --no-respect-gitignore and the config key turn it off.
g="$tmp/git"; mkdir -p "$g/.git/info"
mk "$g/proj/Modelfile"; mk "$g/proj/build/Modelfile"; mk "$g/proj/keep/Modelfile"; mk "$g/proj/gen/x.modelfile"; mk "$g/proj/gen/y.modelfile"
printf 'build/\n' > "$g/.gitignore"
printf 'gen/*.modelfile\n!gen/y.modelfile\n' > "$g/proj/.gitignore"
printf 'keep\n' > "$g/.git/info/exclude"
got=$(cd "$g/proj" && "$lint" --no-config --output-format concise | files_of | tr '\n' ' ')
check "gitignore" test "$got" = "./Modelfile ./gen/y.modelfile "
got=$(cd "$g/proj" && "$lint" --no-config --output-format concise --no-respect-gitignore | files_of | wc -l)
check "--no-respect-gitignore" test "$got" = 5
printf '{"respect-gitignore": false}' > "$g/proj/.modelfile-lint.json"
got=$(cd "$g/proj" && "$lint" --output-format concise | files_of | wc -l)
check "respect-gitignore false" test "$got" = 5
rm "$g/proj/.modelfile-lint.json"
got=$("$lint" --no-config --output-format concise "$g/proj/build/Modelfile" | files_of | wc -l)
check "a named ignored file is linted" test "$got" = 1

# per-path-ignores: .gitignore patterns relative to the config's folder,
# however the path is typed and wherever we run.
p="$tmp/ppi"; mk "$p/legacy/Modelfile"; mk "$p/legacy/old/Modelfile"; mk "$p/new/Modelfile"
for pat in 'legacy/**/Modelfile' 'legacy/**' 'legacy' '/legacy/'; do
  printf '{"per-path-ignores": {"%s": ["MF006"]}}' "$pat" > "$p/.modelfile-lint.json"
  for how in "cd $p && \"$lint\" --output-format concise ." "cd $p && \"$lint\" --output-format concise legacy" \
             "cd $p/new && \"$lint\" --output-format concise .." "cd $p/legacy/old && \"$lint\" --output-format concise ." \
             "cd / && \"$lint\" --output-format concise $p/legacy/old/Modelfile"; do
    out=$(bash -c "$how")
    check "per-path-ignores $pat ($how)" test "$(grep -c 'legacy.*MF006\|^\./Modelfile.*MF006\|^Modelfile.*MF006' <<<"$out")" = 0
  done
  out=$(cd "$p" && "$lint" --output-format concise new)
  check "per-path-ignores $pat spares new/" grep -q 'MF006' <<<"$out"
done
printf '{"per-path-ignores": {"**/Modelfile": ["MF006"]}}' > "$p/.modelfile-lint.json"
check "per-path-ignores **/Modelfile" test "$(cd "$p/new" && "$lint" --output-format concise .. | grep -c MF006)" = 0
printf '{"per-path-ignores": {"!legacy/**": ["MF006"]}}' > "$p/.modelfile-lint.json"
out=$(cd "$p" && "$lint" --output-format concise .)
check "per-path-ignores negated" test "$(grep MF006 <<<"$out" | grep -c legacy)" = 2
check "per-path-ignores negated spares" test "$(grep MF006 <<<"$out" | grep -c new)" = 0

# --fix: says what it fixed, never "No problems found." when it could not write.
fx="$tmp/fixmsg"; mk "$fx/a.Modelfile"; mk "$fx/b.Modelfile"; mk "$fx/ro.Modelfile"; chmod 444 "$fx/ro.Modelfile"
out=$("$lint" --no-config --select MF006 --fix "$fx/a.Modelfile" "$fx/b.Modelfile")
check "fix per file" grep -q "^Fixed 1 problem in $fx/a.Modelfile.$" <<<"$out"
check "fix total" grep -q '^Fixed 2 problems in 2 files.$' <<<"$out"
check "fix then clean" grep -q '^No problems remain.$' <<<"$out"
out=$("$lint" --no-config --select MF006 --fix "$fx/ro.Modelfile" 2>/dev/null); rc=$?
check "fix read-only exit 2" test $rc -eq 2
check "fix read-only says nothing is fine" bash -c '! grep -q "No problems" <<<"$1"' _ "$out"

# Pipes get the source line, the underline, the fix and the summary (full);
# concise keeps one line per problem and the summary.
printf 'FROM llama3.2\nPARAMETER temperature 0.5\nMESSAGE User hi\nPARAMETER num_ctx 8k\n' > "$tmp/full.Modelfile"
out=$("$lint" --no-config --ignore MF3 "$tmp/full.Modelfile" | cat)
check "full: source line" grep -q '^  MESSAGE User hi$' <<<"$out"
check "full: underline and fix" grep -q '^          \^\^\^\^ .*(fixable: --fix)$' <<<"$out"
check "full: summary" grep -q '^2 problems (2 errors); 1 fixable with --fix, 1 more fixable with --unsafe-fixes.$' <<<"$out"
out=$("$lint" --no-config --ignore MF3 --output-format concise "$tmp/full.Modelfile")
check "concise: no source" bash -c '! grep -q "^  " <<<"$1"' _ "$out"
check "concise: summary" grep -q '^2 problems' <<<"$out"
check "--format text is full" bash -c '"$1" --no-config --ignore MF3 --format text "$2" | grep -q "^  MESSAGE"' _ "$lint" "$tmp/full.Modelfile"
check "--show-source" bash -c '"$1" --no-config --ignore MF3 --output-format concise --show-source "$2" | grep -q "^  MESSAGE"' _ "$lint" "$tmp/full.Modelfile"
printf 'FROM llama3.2\nmessage user hi\n' > "$tmp/sev.Modelfile"
out=$("$lint" --no-config --select MF901,MF010 --extend-select MF901 "$tmp/sev.Modelfile")
check "summary names severities" grep -Eq '^1 problem \(1 (info|hint|warning)\)' <<<"$out"
check "summary says no notes" bash -c '! grep -q "note" <<<"$1"' _ "$out"

# info: every file, null without a budget, the linter's budget options.
out=$("$lint" info "$story/Modelfile" "$clean/Modelfile")
check "info reports both" test "$(grep -c 'Native context' <<<"$out")" = 2
j=$("$lint" info --no-config --format json "$story/Modelfile")
check "info json null budget" node -e 'const j = JSON.parse(process.argv[1]);
if (j.budget_bytes !== null || j.fits !== null || j.max_fit_ctx !== null) process.exit(1);' "$j"
j=$("$lint" info --no-config --format json "$story/Modelfile" "$clean/Modelfile")
check "info json several files" node -e 'const a = JSON.parse(process.argv[1]); if (a.length !== 2 || !a[1].file) process.exit(1);' "$j"
"$lint" info "$story/Modelfile" "$tmp/nope" >/dev/null 2>&1; check "info missing file exits 2" test $? -eq 2
cl="$tmp/cloud"; mkdir -p "$cl"; printf 'FROM glm-5:cloud\nPARAMETER num_ctx 4096\n' > "$cl/Modelfile"
out=$("$lint" info --no-config "$cl/Modelfile"); check "info: a cloud model says so" grep -q 'glm-5:cloud is a cloud model' <<<"$out"
j=$("$lint" info --no-config --format json "$cl/Modelfile")
check "info json: cloud" node -e 'const j = JSON.parse(process.argv[1]); if (j.cloud !== true || !/cloud model/.test(j.note)) process.exit(1);' "$j"
out=$("$lint" info --no-config --ollama-version 0.17.0 "$cl/Modelfile"); check "info: before cloud names, an unknown model" test $? -eq 1
# A family the library has only as cloud models, named without a cloud tag:
# information (exit 0) with the name to write, in lint and in info.
printf 'FROM glm-5\nPARAMETER num_ctx 4096\n' > "$cl/Modelfile"
out=$("$lint" --no-config "$cl/Modelfile"); rc=$?
check "cloud-only family: information, exit 0" test $rc -eq 0
check "cloud-only family: MF300 names glm-5:cloud" grep -q 'info MF300 `glm-5` runs only on ollama.com.*write `FROM glm-5:cloud`' <<<"$out"
j=$("$lint" info --no-config --format json "$cl/Modelfile")
check "info json: cloud-only family" node -e 'const j = JSON.parse(process.argv[1]); if (j.cloud !== true || !/write FROM glm-5:cloud/.test(j.note)) process.exit(1);' "$j"
# qwen3-coder:30b at 131072: does 40GB hold it with an f16 cache, with q8_0?
for kv in f16 q8_0; do
  fits=$("$lint" info --no-config --format json --memory 40GB --kv-cache-type $kv "$story/Modelfile" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).fits))')
  "$lint" --no-config --select MF306 --memory 40GB --kv-cache-type $kv "$story/Modelfile" >/dev/null; rc=$?
  check "linter and info agree with --kv-cache-type $kv" test "$([ "$fits" = true ] && echo 0 || echo 1)" = $rc
  out1=$("$lint" info --no-config --format json --memory 40GB --num-parallel 4 --kv-cache-type $kv "$story/Modelfile" | grep -o '"fits": [a-z]*')
  "$lint" --no-config --select MF306 --memory 40GB --num-parallel 4 --kv-cache-type $kv "$story/Modelfile" >/dev/null; rc=$?
  check "linter and info agree with --num-parallel 4, $kv" test "$([ "$out1" = '"fits": true' ] && echo 0 || echo 1)" = $rc
done
"$lint" --no-config --kv-cache-type q3 "$clean/Modelfile" 2>"$tmp/err"; check "bad --kv-cache-type exits 2" test $? -eq 2

# Configuration errors: a real line:column, did you mean, no source-tree path;
# an empty file is an empty configuration.
ce="$tmp/cfgerr"; mk "$ce/Modelfile"
printf '{\n  "rule": {}\n}\n' > "$ce/.modelfile-lint.json"
"$lint" "$ce/Modelfile" >/dev/null 2>"$tmp/err"
check "config did you mean" grep -q '.modelfile-lint.json:2:3: unknown key "rule"; did you mean "rules"?' "$tmp/err"
check "config no schema path" bash -c '! grep -q "schema/" "$1"' _ "$tmp/err"
printf '{\n  "rules": {\n    "MF001": "on",\n    "MF006": "loud"\n  }\n}\n' > "$ce/.modelfile-lint.json"
"$lint" "$ce/Modelfile" >/dev/null 2>"$tmp/err"
check "config error line:column" grep -q '.modelfile-lint.json:4:5: rules.MF006: unknown severity' "$tmp/err"
printf '{"select": ["MF006", "MF9999"]}' > "$ce/.modelfile-lint.json"
"$lint" "$ce/Modelfile" >/dev/null 2>"$tmp/err"
check "config names the unknown code" grep -q 'select: unknown rule `MF9999`' "$tmp/err"
printf '{\n  "rules": {\n' > "$ce/.modelfile-lint.json"
"$lint" "$ce/Modelfile" >/dev/null 2>"$tmp/err"
check "broken json column is not 0" bash -c '! grep -q "json:[0-9]*:0:" "$1"' _ "$tmp/err"
: > "$ce/.modelfile-lint.json"
"$lint" --output-format concise "$ce/Modelfile" >/dev/null 2>"$tmp/err"; rc=$?
check "empty config is no error" test $rc -eq 1 -a ! -s "$tmp/err"
printf '  \n' > "$ce/.modelfile-lint.json"
"$lint" "$ce/Modelfile" >/dev/null 2>"$tmp/err"; check "blank config is no error" test ! -s "$tmp/err"

# The schema, the config loader and the man page know the same keys.
schema=$(dirname "$0")/../../schema/modelfile-lint.schema.json
if [ -f "$schema" ]; then
  man=$("$lint" --man)
  for key in $(node -e 'console.log(Object.keys(require(process.argv[1]).properties).join(" "))' "$(readlink -f "$schema")"); do
    [ "$key" = '$schema' ] && continue
    printf '{"%s": {"bad": [[]]}}' "$key" > "$ce/.modelfile-lint.json"
    "$lint" "$ce/Modelfile" >/dev/null 2>"$tmp/err"
    check "config key $key is known" bash -c '! grep -q "unknown key" "$1"' _ "$tmp/err"
    check "man page documents $key" grep -q "^\\\\fB${key//-/\\\\-}\\\\fR\$" <<<"$man"
  done
fi
# --help, --man and getopt come from one table: every option of --help is
# in the man page and accepted.
plainman=$("$lint" --man | sed 's/\\-/-/g; s/\\f[BRI]//g')
for opt in $("$lint" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
  check "man has $opt" grep -Eq -- "^(-., )?$opt\\b" <<<"$plainman"
done
# --list-rules: the severity column starts at the same place on every line.
check "list-rules aligned" bash -c '"$1" --list-rules | awk "{ i = index(\$0, \"  \" \$3 \"  \"); if (NR == 1) c = i; else if (i != c) exit 1 }"' _ "$lint"

# Binary files and UTF-16 without a byte order mark: one diagnostic, whatever
# the rules; Latin-1 text: one warning.
cp /bin/ls "$tmp/ls.Modelfile"
out=$("$lint" --no-config --output-format concise "$tmp/ls.Modelfile")
check "binary: one diagnostic" test "$(grep -c ': error MF020 binary file' <<<"$out")" = 1
check "binary: nothing else" test "$(grep -c ': \(error\|warning\|info\|hint\) MF' <<<"$out")" = 1
printf 'FROM llama3.2\nSYSTEM hi\n' | iconv -t UTF-16LE > "$tmp/nobom.Modelfile"
out=$("$lint" --no-config --output-format concise "$tmp/nobom.Modelfile")
check "utf16 no bom: one diagnostic" test "$(grep -c 'MF' <<<"$out")" = 1
check "utf16 no bom: named" grep -q 'MF020 UTF-16 (little-endian) without a byte order mark' <<<"$out"
"$lint" --no-config --select MF020 --fix "$tmp/nobom.Modelfile" >/dev/null
check "utf16 no bom: fixed to UTF-8" test "$(cat "$tmp/nobom.Modelfile")" = "$(printf 'FROM llama3.2\nSYSTEM hi')"
printf 'FROM llama3.2\nSYSTEM Vous \xeates un caf\xe9.\n' > "$tmp/latin1.Modelfile"
out=$("$lint" --no-config --ignore MF3 --output-format concise "$tmp/latin1.Modelfile")
check "latin-1: one warning" test "$(grep -c 'warning MF021 invalid UTF-8' <<<"$out")" = 1
j=$("$lint" --no-config --format json "$tmp/latin1.Modelfile")
check "latin-1: valid json" node -e 'JSON.parse(process.argv[1])' "$j"
# FORM x: MF002's "did you mean FROM" with a fix, no MF001 beside it.
printf 'FORM llama3.2\nPARAMETER temperature 0.5\n' > "$tmp/form.Modelfile"
out=$("$lint" --no-config --output-format full "$tmp/form.Modelfile")
check "FORM: did you mean FROM" grep -q 'MF002 unknown instruction `FORM`; did you mean FROM?' <<<"$out"
check "FORM: no MF001" bash -c '! grep -q MF001 <<<"$1"' _ "$out"
check "FORM: a fix" grep -q 'Replace `FORM` with `FROM` (fixable: --unsafe-fixes)' <<<"$out"

# The real corpus: no crash, every file read, exit 0 or 1 only.
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
  # The corpus's file names are mangled (not all match the directory search):
  # name every file.
  # Named relative to the corpus folder: Windows caps a command line at
  # 32,767 characters, which 349 absolute paths can pass.
  (cd "$corpus" && find . -maxdepth 1 -type f ! -name '*.tsv' -print0 | sort -z |
    xargs -0 "$lint" --no-config --format json) >"$tmp/corpus.json" 2>"$tmp/corpus.err"; rc=$?
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

# The target Ollama release: --ollama-version, the config, clear errors.
"$lint" --ollama-version 1.2 "$clean/Modelfile" 2>"$tmp/err"; check "bad --ollama-version exits 2" test $? -eq 2
check "bad --ollama-version says why" grep -q "expected a release such as" "$tmp/err"
"$lint" --ollama-version 0.1.0 "$clean/Modelfile" 2>/dev/null; check "too old a target exits 2" test $? -eq 2
printf '{"ollama-version": "latest"}' > "$tmp/badver.json"
"$lint" --config "$tmp/badver.json" "$clean/Modelfile" 2>"$tmp/err"; check "bad ollama-version in config exits 2" test $? -eq 2
check "config error names the key" grep -q 'ollama-version: "latest"' "$tmp/err"
rend="$tmp/rend"; mkdir -p "$rend"
printf 'FROM qwen3-coder\nRENDERER qwen3-coder\nPARSER qwen3-coder\n' > "$rend/Modelfile"
"$lint" --no-config --ignore MF3 "$rend/Modelfile" >/dev/null; check "renderer ok at the newest release" test $? -eq 0
"$lint" --no-config --ignore MF3 --ollama-version 0.11.0 "$rend/Modelfile" >/dev/null; check "renderer refused at 0.11.0" test $? -eq 1
printf '{"ollama-version": "v0.11.0"}' > "$rend/.modelfile-lint.json"
out=$("$lint" --ignore MF3 "$rend/Modelfile"); check "ollama-version from the config" grep -q "MF012" <<<"$out"
out=$("$lint" --ignore MF3 --ollama-version 0.12.0 "$rend/Modelfile"); check "the flag wins over the config" bash -c '! grep -q MF012 <<<"$1"' _ "$out"
"$lint" info --ollama-version x.y "$rend/Modelfile" 2>/dev/null; check "info: bad --ollama-version exits 2" test $? -eq 2

# Ordinary files stay clean under the version rules: Ollama's README example
# and `ollama show --modelfile` output (a library model with a renderer, a
# cloud model), at the newest release and at the snapshot's last one.
ord="$tmp/ordinary"; mkdir -p "$ord"
printf 'FROM llama3.2\n\n# set the temperature to 1 [higher is more creative, lower is more coherent]\nPARAMETER temperature 1\n\n# set the system message\nSYSTEM """\nYou are Mario from Super Mario Bros. Answer as Mario, the assistant, only.\n"""\n' > "$ord/readme.Modelfile"
printf '# Modelfile generated by "ollama show"\n# To build a new Modelfile based on this, replace FROM with:\n# FROM qwen3-coder:30b\n\nFROM %s/blob.gguf\nTEMPLATE """{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}<|im_start|>assistant\n"""\nRENDERER qwen3-coder\nPARSER qwen3-coder\nPARAMETER stop <|im_end|>\nPARAMETER temperature 0.7\nLICENSE """Apache License"""\n' "$ord" > "$ord/show-library.Modelfile"
printf 'GGUF\003\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' > "$ord/blob.gguf"
printf '# Modelfile generated by "ollama show"\n# To build a new Modelfile based on this, replace FROM with:\n# FROM gpt-oss:120b-cloud\n\nFROM \nTEMPLATE {{ .Prompt }}\nRENDERER harmony\n' > "$ord/show-cloud.Modelfile"
for v in "" "--ollama-version=0.32.15"; do
  for f in readme show-library; do
    "$lint" --no-config --ignore MF3 $v "$ord/$f.Modelfile" >/dev/null; check "$f clean ${v:-(newest)}" test $? -eq 0
  done
done
out=$("$lint" --no-config --ignore MF3 "$ord/show-cloud.Modelfile")
check "cloud show output: no empty-FROM warning" bash -c '! grep -q "MF222\|MF220" <<<"$1"' _ "$out"

# `format`: --check lists what would change and exits 1, writes nothing;
# then formatting rewrites, and a second run changes nothing.
fmt="$tmp/format"; mkdir -p "$fmt"
printf 'from  llama3.2   \nparameter temperature 0.7\t\nSYSTEM """keep  \n"""\n' > "$fmt/Modelfile"
before=$(cat "$fmt/Modelfile")
out=$("$lint" format --check "$fmt" 2>/dev/null); rc=$?
check "format --check exit 1" test $rc -eq 1
check "format --check names the file" grep -q "would reformat: $fmt/Modelfile" <<<"$out"
check "format --check writes nothing" test "$(cat "$fmt/Modelfile")" = "$before"
"$lint" format --diff "$fmt" 2>/dev/null | grep -q '^+FROM llama3.2$'; check "format --diff" test $? -eq 0
"$lint" format "$fmt" 2>/dev/null; check "format exit 0" test $? -eq 0
check "format rewrote" test "$(cat "$fmt/Modelfile")" = "$(printf 'FROM llama3.2\nPARAMETER temperature 0.7\nSYSTEM """keep  \n"""')"
"$lint" format --check "$fmt" >/dev/null 2>&1; check "format --check after format: exit 0" test $? -eq 0
out=$(printf 'from x  \n' | "$lint" format -); check "format - to stdout" test "$out" = "FROM x"
"$lint" format --bogus >/dev/null 2>&1; check "format usage error: exit 2" test $? -eq 2
# Idempotence on the real corpus (a copy: the corpus is never written).
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
  cc="$tmp/corpus-format"; mkdir -p "$cc"
  find "$corpus" -maxdepth 1 -type f ! -name '*.tsv' ! -name '*.md' -exec cp {} "$cc/" \;
  chmod -R u+w "$cc"
  for f in "$cc"/*; do mv "$f" "$f.Modelfile" 2>/dev/null; done
  "$lint" format --no-config "$cc" >/dev/null 2>&1; check "format the corpus copy: exit 0" test $? -eq 0
  "$lint" format --check --no-config "$cc" >/dev/null 2>&1; check "format the corpus twice: nothing changes" test $? -eq 0
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
