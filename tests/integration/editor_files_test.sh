#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The editor files no editor here can run (Helix and Zed have no Debian
# package): their TOML parses, they name nothing that does not exist, and
# Zed's literal path_suffixes hold no glob.
#  - editors/helix/languages.toml: the grammar source is a path (the one the
#    .deb installs; deb_test.sh checks it holds the grammar), no revision.
#  - tools/zed-extension.sh writes the Zed extension: its grammar is this
#    clone (file://) at a commit that exists and has grammar/src/parser.c,
#    its queries are copies of grammar/queries.
# Usage: editor_files_test.sh [SOURCE_DIR]
set -uo pipefail
name=editor_files_test
fail() { echo "FAIL $name: $*" >&2; exit 1; }
src=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$src/editors/helix/languages.toml" <<'PY' || fail "editors/helix/languages.toml"
import sys, tomllib
cfg = tomllib.load(open(sys.argv[1], 'rb'))
lang = [l for l in cfg['language'] if l['name'] == 'modelfile'][0]
gram = [g for g in cfg['grammar'] if g['name'] == 'modelfile'][0]
src = gram['source']
assert 'rev' not in src and 'git' not in src, f'grammar source names a revision: {src}'
assert src['path'] == '/usr/share/modelfile-lint/grammar', src
assert cfg['language-server']['modelfile-lsp']['command'] == 'modelfile-lsp'
assert {'glob': 'Modelfile'} in lang['file-types'] and 'modelfile' in lang['file-types']
print('helix: languages.toml parses; grammar from', src['path'])
PY

if ! git -C "$src" rev-parse HEAD >/dev/null 2>&1; then
  echo "$name: $src is not a Git clone: the Zed extension cannot be written (skipped)"
  exit 77
fi
"$src/tools/zed-extension.sh" "$work/zed" >/dev/null || fail "tools/zed-extension.sh"
python3 - "$work/zed" "$src" <<'PY' || fail "the Zed extension"
import sys, tomllib, subprocess, filecmp, os
out, src = sys.argv[1], sys.argv[2]
ext = tomllib.load(open(out + '/extension.toml', 'rb'))
g = ext['grammars']['modelfile']
assert g['repository'] == 'file://' + src, g
rev = g['rev']
assert len(rev) == 40 and all(c in '0123456789abcdef' for c in rev), f'not a commit: {rev}'
subprocess.run(['git', '-C', src, 'cat-file', '-e', f'{rev}:{g["path"]}/src/parser.c'], check=True)
lang = tomllib.load(open(out + '/languages/modelfile/config.toml', 'rb'))
for s in lang['path_suffixes']:
    assert not any(c in s for c in '*?[{'), f'path_suffixes are literal, not globs: {s!r}'
assert lang['grammar'] == 'modelfile' and 'Modelfile' in ext['language_servers']['modelfile-lsp']['languages']
for q in ('highlights.scm', 'injections.scm'):
    p = f'{out}/languages/modelfile/{q}'
    assert not os.path.islink(p) and filecmp.cmp(p, f'{src}/grammar/queries/{q}', shallow=False), q
print(f'zed: extension.toml names {g["repository"]} at {rev}; path_suffixes {lang["path_suffixes"]}')
PY
echo "PASS $name: Helix and Zed files name real sources and literal suffixes"
