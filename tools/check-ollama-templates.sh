#!/usr/bin/env bash
# Checks that every version of every template Ollama has shipped or tested
# with (the *.gotmpl files under template/, templates/, server/testdata/tools/
# and tools/testdata/ in every commit of its history) passes the TEMPLATE
# checker as the newest Ollama compiles it, and prints how many were checked.
# (The 2023 templates/*.prompt files used another function map and are left
# out; so are cmd/usage.gotmpl and code generators, which are not prompts.)
# Usage: tools/check-ollama-templates.sh PATH/TO/test_gotmpl [OLLAMA_BARE_REPO]
# Without the repository (CI has no snapshot) it says so and exits 77 (skip).
set -euo pipefail
checker=${1:?usage: check-ollama-templates.sh test_gotmpl [repo]}
here=$(cd "$(dirname "$0")/.." && pwd)
repo=${2:-}
if [ -z "$repo" ]; then
  # Beside the project (/work/main -> /work/.mirror) or beside a worktree's parent.
  for d in "$here/../.mirror" "$here/../../.mirror"; do
    [ -d "$d/ollama+ollama/repo" ] && { repo=$d/ollama+ollama/repo; break; }
  done
fi
repo=${repo:-$here/../.mirror/ollama+ollama/repo}
if ! git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
  echo "check-ollama-templates: no Ollama repository at $repo: skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Every blob that was ever such a file, once each.
dirs=(template/ templates/ server/testdata/tools/ tools/testdata/)
git -C "$repo" log --all --format=%H -- "${dirs[@]}" | sort -u > "$tmp/commits"
while read -r c; do
  git -C "$repo" ls-tree -r "$c" -- "${dirs[@]}" 2>/dev/null | awk '$4 ~ /\.gotmpl$/ {print $3}'
done < "$tmp/commits" | sort -u > "$tmp/blobs"
mkdir "$tmp/t"
unreadable=0
while read -r b; do
  git -C "$repo" cat-file blob "$b" > "$tmp/t/$b" 2>/dev/null || { rm -f "$tmp/t/$b"; unreadable=$((unreadable + 1)); }
done < "$tmp/blobs"
n=$(find "$tmp/t" -type f | wc -l)
commits=$(wc -l < "$tmp/commits")
if [ "$n" -eq 0 ]; then
  echo "check-ollama-templates: no template files found in $repo" >&2
  exit 1
fi
if find "$tmp/t" -type f -print0 | xargs -0 "$checker" --check > "$tmp/bad"; then
  echo "check-ollama-templates: $n distinct template files from $commits commits are clean" \
       "($unreadable blobs missing from the snapshot)"
else
  echo "check-ollama-templates: $(wc -l < "$tmp/bad") of $n template files fail:" >&2
  sed "s|$tmp/t/||" "$tmp/bad" >&2
  exit 1
fi
