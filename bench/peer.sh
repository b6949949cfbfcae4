#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the peer linter (the TypeScript linter of ahnafnafee/modelfile-syntax)
# in PEER_DIR (default /tmp/peer), outside the repository, and prints the
# command that runs it. Its sources are not fetched here and never committed:
# bench/peer.md says how to put src/linter/*.ts in PEER_DIR. Exit 3 when they
# are missing.
#   bench/peer.sh            -> prints e.g. "node /tmp/peer/out/cli.js"
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
peer=${PEER_DIR:-/tmp/peer}
for f in parser rules spec validator; do
  [ -f "$peer/src/linter/$f.ts" ] || { echo "peer unavailable: $peer/src/linter/$f.ts missing (see bench/peer.md)" >&2; exit 3; }
done
command -v node >/dev/null || { echo "peer unavailable: no node" >&2; exit 3; }
cp "$here/peer-driver.ts" "$peer/src/cli.ts"
[ -f "$peer/package.json" ] || cat > "$peer/package.json" <<'JSON'
{
  "name": "modelfile-syntax-peer-bench",
  "private": true,
  "devDependencies": { "typescript": "^5.6.3", "@types/node": "^20.17.0" }
}
JSON
[ -f "$peer/tsconfig.json" ] || cat > "$peer/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "module": "commonjs", "target": "ES2022", "lib": ["ES2022"], "types": ["node"],
    "outDir": "out", "rootDir": "src", "strict": true, "esModuleInterop": true,
    "skipLibCheck": true
  },
  "include": ["src/**/*"]
}
JSON
cd "$peer"
if [ ! -x node_modules/.bin/tsc ]; then
  npm install --no-audit --no-fund --loglevel=error >/dev/null || { echo "peer unavailable: npm install failed" >&2; exit 3; }
fi
if [ ! -f out/cli.js ] || [ -n "$(find src -newer out/cli.js -name '*.ts' | head -1)" ]; then
  node_modules/.bin/tsc -p . >&2 || { echo "peer unavailable: tsc failed" >&2; exit 3; }
fi
echo "node $peer/out/cli.js"
