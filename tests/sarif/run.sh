#!/usr/bin/env bash
# SARIF output validated with the official schema: installs ajv and the schema
# package from npm (package-lock.json pins them), then validates the output on
# the bundled examples and on the real corpus.
set -euo pipefail
lint=${1:?usage: run.sh modelfile-lint [corpus] [WORK_DIR]}
corpus=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# The npm packages go into WORK_DIR (the build folder), never the source tree.
work=${3:-${TMPDIR:-/tmp}/modelfile-lint-sarif}
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here/validate.js" "$work/"
cd "$work"
[ -d node_modules/ajv ] || npm ci --silent --no-audit --no-fund >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$lint" --no-config --format sarif "$root/examples" > "$tmp/examples.sarif" || true
printf 'FROM x\n' > "$tmp/Modelfile"
"$lint" --no-config --format sarif "$tmp/Modelfile" > "$tmp/empty.sarif" || true
files=("$tmp/examples.sarif" "$tmp/empty.sarif")
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
  # Named relative to the corpus folder: Windows caps a command line at
  # 32,767 characters, which 349 absolute paths can pass.
  (cd "$corpus" && find . -maxdepth 1 -type f ! -name '*.tsv' -print0 | sort -z |
    xargs -0 "$lint" --no-config --format sarif) > "$tmp/corpus.sarif" || true
  files+=("$tmp/corpus.sarif")
fi
node validate.js "${files[@]}"
