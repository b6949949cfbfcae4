#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the Node client test against the server given as $1. Installs the
# locked npm packages on first use; exits 77 (skipped) without node or npm
# access.
set -u
here=$(cd "$(dirname "$0")" && pwd)
server=$1
command -v node >/dev/null 2>&1 || { echo "node not found: skipped"; exit 77; }
if [ ! -d "$here/node_modules/vscode-languageserver-protocol" ]; then
  command -v npm >/dev/null 2>&1 || { echo "npm not found: skipped"; exit 77; }
  if ! (cd "$here" && npm ci --no-audit --no-fund --loglevel=error); then
    # In CI the registry is reachable: a failed install is a failure, not a skip.
    [ -n "${CI:-}" ] && { echo "npm ci failed"; exit 1; }
    echo "npm ci failed: skipped"; exit 77
  fi
fi
node --test-reporter=spec "$here/test.mjs" "$server" || exit 1
exec node --test-reporter=spec "$here/store_watch.mjs" "$server"
