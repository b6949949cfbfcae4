#!/usr/bin/env bash
# Quick start 1: install what building needs, build modelfile-lint, and lint
# the bundled example Modelfiles. Nothing else is installed, and an existing
# build/ keeps its configuration.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/setup.sh" --build-only --target modelfile-lint "$root/build" >/dev/null || exit 2
lint="$root/build/lint/modelfile-lint"
for f in "$root"/examples/*/Modelfile*; do
  echo "== $f"
  "$lint" --color always "$f"
done
echo "== the arithmetic behind the story's model (64 GB Mac Studio):"
"$lint" info --hardware mac-studio-m2-ultra-64 --prefill-rate 400 --client-timeout 300 "$root/examples/story/Modelfile.v-128k"
echo "== what --fix would change:"
"$lint" --diff "$root/examples/story/Modelfile.v-128k" "$root/examples/broken/Modelfile"
exit 0
