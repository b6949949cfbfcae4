#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the Node client test against the server given as $1. The locked npm
# packages are installed, with copies of the tests, into the work folder $2
# (a build folder; never this source folder), once per lockfile; exits 77
# (skipped) without node or npm access.
set -u
here=$(cd "$(dirname "$0")" && pwd)
server=$1
work=${2:-${TMPDIR:-/tmp}/modelfile-lsp-node-test}
command -v node >/dev/null 2>&1 || { echo "node not found: skipped"; exit 77; }
mkdir -p "$work" || exit 1
sum=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)
if [ ! -d "$work/node_modules/vscode-languageserver-protocol" ] || [ "$(cat "$work/.lock-sum" 2>/dev/null)" != "$sum" ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm not found: skipped"; exit 77; }
  cp "$here/package.json" "$here/package-lock.json" "$work/" || exit 1
  if ! (cd "$work" && npm ci --no-audit --no-fund --loglevel=error); then
    # In CI the registry is reachable: a failed install is a failure, not a skip.
    [ -n "${CI:-}" ] && { echo "npm ci failed"; exit 1; }
    echo "npm ci failed: skipped"; exit 77
  fi
  echo "$sum" >"$work/.lock-sum"
fi
# The tests import their packages by name: they run from the work folder.
cp "$here/test.mjs" "$here/store_watch.mjs" "$work/" || exit 1
node --test-reporter=spec "$work/test.mjs" "$server" || exit 1
exec node --test-reporter=spec "$work/store_watch.mjs" "$server"
