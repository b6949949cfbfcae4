#!/usr/bin/env bash
# Writes the Zed extension (editors/zed) to DIR, ready for Zed's "install dev
# extension": extension.toml takes the grammar from this clone, as Zed wants
# it (a Git repository and a revision): a file:// URL of the clone and the
# commit checked out. The query links become copies of grammar/queries.
# Usage: tools/zed-extension.sh DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: tools/zed-extension.sh DIR}
rev=$(git -C "$root" rev-parse HEAD 2>/dev/null) ||
  { echo "zed-extension.sh: $root is not a Git clone (Zed builds the grammar from a Git revision)" >&2; exit 2; }
if ! git -C "$root" diff --quiet HEAD -- grammar 2>/dev/null; then
  echo "zed-extension.sh: note: grammar/ has uncommitted changes; Zed builds the committed $rev" >&2
fi
mkdir -p "$out"
cp -RL "$root/editors/zed/." "$out/"
rm -f "$out/extension.toml.in"
sed -e "s|@GRAMMAR_REPOSITORY@|file://$root|" -e "s|@GRAMMAR_REV@|$rev|" \
  "$root/editors/zed/extension.toml.in" >"$out/extension.toml"
echo "$out: Zed extension, grammar from file://$root at $rev"
