#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Windows build end to end, under Wine: what text-mode I/O or a POSIX
# rename would break there.
#  - --fix on CRLF files and on files holding 0x1A (a text-mode end of file):
#    every byte but the fixed ones kept; stdin and stdout are binary too;
#  - replacing an existing file, again and again, nothing left behind; a
#    read-only file refused;
#  - drive letters and backslashes: the config file found from C:\...,
#    FROM ./model.gguf resolved beside a C:\ Modelfile;
#  - the model store under %USERPROFILE%\.ollama\models (Wine's own user
#    profile; HOME is not used), and OLLAMA_MODELS as a Windows path;
#  - the language server with file:///c%3A/... URIs (VS Code's form).
# Usage: tests/cli/windows.sh RUN_LINT [LSP_TRANSCRIPT RUN_LSP]
# RUN_LINT/RUN_LSP start the .exe under Wine (build-*/run/ wrappers).
set -u
lint=${1:?usage: windows.sh RUN_LINT [LSP_TRANSCRIPT RUN_LSP]}
transcript=${2:-}
lsp=${3:-}
export WINEDEBUG=${WINEDEBUG:--all}
command -v winepath >/dev/null || { echo "winepath not found: skipped"; exit 77; }
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }

# Where Windows paths live: drive C: of the Wine prefix, and the profile.
winpath() { winepath -u "$1" 2>/dev/null | tr -d '\r'; }
c_root=$(winpath 'C:\')
profile_win=$(wine cmd /c 'echo %USERPROFILE%' 2>/dev/null | tr -d '\r')
profile=$(winpath "$profile_win")
[ -d "$c_root" ] && [ -n "$profile_win" ] && [ -d "$profile" ] || { echo "FAIL: no Wine C: drive or profile"; exit 1; }
id=mfl-test-$$
digest=none
work="$c_root/$id"
mkdir -p "$work/proj"
trap 'rm -rf "$work" "$profile/.ollama/models/manifests/registry.ollama.ai/wintest" "$profile/.ollama/models/blobs/sha256-$digest"' EXIT
cwin="C:\\$id"

# ---- CRLF and 0x1A through --fix ------------------------------------------------
printf 'FROM llama3.2\r\nSYSTEM """a\r\nb"""\r\nMESSAGE User hi\r\n' >"$work/crlf.Modelfile"
printf 'FROM llama3.2\r\nSYSTEM """a\r\nb"""\r\nMESSAGE user hi\r\n' >"$work/crlf.want"
"$lint" --no-config --fix "$cwin\\crlf.Modelfile" >/dev/null 2>"$work/err"
check "--fix keeps CRLF line ends (C:\\ path)" cmp -s "$work/crlf.Modelfile" "$work/crlf.want"
printf 'FROM llama3.2\nSYSTEM a\x1a tail\nMESSAGE User hi\nPARAMETER temperature 0.5\n' >"$work/eof.Modelfile"
printf 'FROM llama3.2\nSYSTEM a\x1a tail\nMESSAGE user hi\nPARAMETER temperature 0.5\n' >"$work/eof.want"
"$lint" --no-config --select MF006 --fix "$work/eof.Modelfile" >/dev/null 2>>"$work/err"
check "--fix reads past 0x1A and keeps it" cmp -s "$work/eof.Modelfile" "$work/eof.want"
printf 'FROM llama3.2\r\nSYSTEM a\x1a\r\nMESSAGE User hi\r\n' | "$lint" --no-config --select MF006 --fix - >"$work/stdin.out" 2>/dev/null
printf 'FROM llama3.2\r\nSYSTEM a\x1a\r\nMESSAGE user hi\r\n' >"$work/stdin.want"
check "--fix - : binary stdin and stdout" cmp -s "$work/stdin.out" "$work/stdin.want"
"$lint" --no-config "$work/eof.Modelfile" --select MF006 >"$work/out.txt"
printf 'FROM x\nMESSAGE User hi\n' >"$work/report.Modelfile"
"$lint" --no-config "$work/report.Modelfile" >"$work/out.txt"
check "reports end lines with LF only" bash -c '[ -s "$1" ] && ! grep -q $'"'"'\r'"'"' "$1"' _ "$work/out.txt"
check "no error on stderr" test ! -s "$work/err"

# ---- replacing an existing file -------------------------------------------------------
cp "$work/crlf.want" "$work/again.Modelfile"
for i in 1 2 3; do
  printf 'FROM llama3.2\nMESSAGE User hi %s\n' "$i" >"$work/again.Modelfile"
  "$lint" --no-config --fix "$work/again.Modelfile" >/dev/null 2>&1
done
check "replaced three times" grep -q '^MESSAGE user hi 3$' "$work/again.Modelfile"
check "no temporary file left" bash -c '! ls -a "$1" | grep -q "\.mfl-"' _ "$work"
printf 'FROM llama3.2\nMESSAGE User hi\n' >"$work/ro.Modelfile"
chmod 444 "$work/ro.Modelfile" # Wine shows it as FILE_ATTRIBUTE_READONLY
"$lint" --no-config --fix "$work/ro.Modelfile" >/dev/null 2>"$work/err.ro"; rc=$?
check "read-only file refused (exit 2)" test $rc -eq 2
check "read-only message" grep -q 'read-only' "$work/err.ro"
check "read-only file intact" grep -q '^MESSAGE User hi$' "$work/ro.Modelfile"
chmod 644 "$work/ro.Modelfile"

# ---- drive letters, backslashes, config files, local GGUF ---------------------------------
printf '{"rules": {"MF006": "warning"}}' >"$work/.modelfile-lint.json"
printf 'FROM llama3.2\nMESSAGE User hi\n' >"$work/proj/Modelfile"
out=$("$lint" "$cwin\\proj\\Modelfile")
check "config found walking up from C:\\...\\proj" grep -q 'warning MF006' <<<"$out"
check "path printed as given" grep -qF "$cwin\\proj\\Modelfile:2:" <<<"$out"
out=$("$lint" "$cwin\\proj")
check "folder walk from C:\\ (MF006 found)" grep -q 'MF006' <<<"$out"
rm "$work/.modelfile-lint.json"
# A GGUF header beside the Modelfile (Qwen3-Coder-30B's shape: 262144 native).
gguf() { # key/value pairs: name type value ...
  node -e '
const kv = []; const a = process.argv.slice(1);
for (let i = 0; i < a.length; i += 3) kv.push([a[i], +a[i + 1], a[i + 2]]);
const u32 = (n) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
const u64 = (n) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b; };
const str = (s) => { const b = Buffer.from(s); return Buffer.concat([u64(b.length), b]); };
const parts = [Buffer.from("GGUF"), u32(3), u64(0), u64(kv.length)];
for (const [k, t, v] of kv) parts.push(str(k), u32(t), t === 8 ? str(v) : u32(+v));
process.stdout.write(Buffer.concat(parts));' "$@"
}
gguf general.architecture 8 llama llama.context_length 4 32768 llama.block_count 4 32 \
  llama.attention.head_count 4 32 llama.attention.head_count_kv 4 8 llama.embedding_length 4 4096 \
  >"$work/proj/model.gguf"
printf 'FROM .\\model.gguf\nPARAMETER num_ctx 8192\n' >"$work/proj/Modelfile"
out=$("$lint" info "$cwin\\proj\\Modelfile" 2>&1)
check "FROM .\\model.gguf resolved beside C:\\...\\Modelfile (32,768 native)" grep -q '32,768' <<<"$out"

# ---- the store under %USERPROFILE%\.ollama\models -----------------------------------
blob=$(gguf general.architecture 8 llama llama.context_length 4 65536 llama.block_count 4 32 \
  llama.attention.head_count 4 32 llama.attention.head_count_kv 4 8 llama.embedding_length 4 4096 | base64 -w0)
digest=$(base64 -d <<<"$blob" | sha256sum | cut -c1-64)
store="$profile/.ollama/models"
mkdir -p "$store/blobs" "$store/manifests/registry.ollama.ai/wintest/m"
base64 -d <<<"$blob" >"$store/blobs/sha256-$digest"
printf '{"schemaVersion":2,"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:%s","size":1}]}' \
  "$digest" >"$store/manifests/registry.ollama.ai/wintest/m/latest"
printf 'FROM wintest/m\nPARAMETER num_ctx 2048\n' >"$work/store.Modelfile"
out=$(env -u OLLAMA_MODELS HOME=/nonexistent "$lint" --no-config "$cwin\\store.Modelfile")
check "store found under %USERPROFILE% ($profile_win)" grep -q 'native context of `wintest/m` (65,536 tokens' <<<"$out"
mkdir -p "$work/other"
mv "$store/manifests/registry.ollama.ai/wintest" "$work/other/"
mkdir -p "$work/models/manifests/registry.ollama.ai" "$work/models/blobs"
mv "$work/other/wintest" "$work/models/manifests/registry.ollama.ai/"
mv "$store/blobs/sha256-$digest" "$work/models/blobs/"
out=$(OLLAMA_MODELS="$cwin\\models" "$lint" --no-config "$cwin\\store.Modelfile")
check "OLLAMA_MODELS as a Windows path" grep -q '65,536 tokens' <<<"$out"

# ---- the language server with drive-letter URIs -------------------------------------------
if [ -n "$transcript" ] && [ -n "$lsp" ]; then
  printf '{"rules": {"MF006": "hint"}}' >"$work/proj/.modelfile-lint.json"
  uri="file:///c%3A/$id/proj/Modelfile"
  cat >"$work/uri.lsp" <<EOF
>>>
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{"general":{"positionEncodings":["utf-16"]}}}}
<<<
{"jsonrpc":"2.0","id":1,"result":"<any>"}
>>>
{"jsonrpc":"2.0","method":"initialized","params":{}}
>>>
{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"$uri","languageId":"modelfile","version":1,"text":"FROM llama3.2\\nMESSAGE User hi\\n"}}}
<<<
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$uri","diagnostics":["<some>",{"range":"<any>","severity":4,"code":"MF006","source":"modelfile-lint","message":"<any>","codeDescription":"<any>","data":"<any>"}]}}
>>>
{"jsonrpc":"2.0","id":2,"method":"shutdown"}
<<<
{"jsonrpc":"2.0","id":2,"result":null}
>>>
{"jsonrpc":"2.0","method":"exit"}
<<< exit 0
EOF
  check "server: file:///c%3A/... URI, the config beside it applies (MF006 as a hint)" \
    "$transcript" "$lsp" "$work/uri.lsp"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
