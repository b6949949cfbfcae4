#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the throughput tree: the real corpus (shared/corpus/real) repeated
# until there are at least MIN_FILES files and MIN_MB megabytes (10^6), in DEST,
# outside the repository (the corpus is never committed). The corpus names are
# mangled (owner__repo__path), so every copy gets a name that directory
# discovery finds: even files as NNNN/Modelfile, odd ones as NNNN.modelfile,
# inside one numbered folder per repetition. With LARGEST > 0 only the
# LARGEST biggest corpus files are repeated: the issue's peer figure is for
# 2,200 Modelfiles of 24 MB (11 KB each), a shape the whole corpus (1.8 KB a
# file) does not have; its 28 largest files average 10.9 KB.
#   bench/mktree.sh [DEST] [MIN_FILES] [MIN_MB] [LARGEST]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${MFL_CORPUS:-$here/../../shared/corpus/real}
[ -d "$corpus" ] || corpus=/work/shared/corpus/real
dest=${1:-${TMPDIR:-/tmp}/mfl-bench/tree}
min_files=${2:-20000}
min_mb=${3:-100}
largest=${4:-0}
repo=$(cd "$here/.." && pwd)
case "$(realpath -m "$dest")/" in "$repo"/*)
  echo "mktree: $dest is inside the repository; the corpus must stay outside" >&2; exit 2 ;;
esac
stamp="$min_files $min_mb $largest"
if [ -f "$dest/.complete" ] && [ "$(cat "$dest/.complete")" = "$stamp" ]; then exit 0; fi
rm -rf "$dest"
mkdir -p "$dest"
if [ "$largest" -gt 0 ]; then
  # Biggest first, ties by name, then back in name order.
  mapfile -t files < <(find "$corpus" -maxdepth 1 -type f ! -name '*.tsv' -printf '%s %p\n' |
    LC_ALL=C sort -k1,1nr -k2 | head -n "$largest" | cut -d' ' -f2- | LC_ALL=C sort)
else
  mapfile -t files < <(find "$corpus" -maxdepth 1 -type f ! -name '*.tsv' | LC_ALL=C sort)
fi
n=${#files[@]}
[ "$n" -gt 0 ] || { echo "mktree: no corpus files in $corpus" >&2; exit 2; }
bytes=$(cat "${files[@]}" | wc -c)
copies=$(( (min_files + n - 1) / n ))
by_size=$(( (min_mb * 1000000 + bytes - 1) / bytes ))
(( by_size > copies )) && copies=$by_size
first="$dest/000"
mkdir -p "$first"
for ((i = 0; i < n; i++)); do
  if (( i % 2 == 0 )); then
    mkdir -p "$(printf '%s/%04d' "$first" "$i")"
    cp "${files[$i]}" "$(printf '%s/%04d/Modelfile' "$first" "$i")"
  else
    cp "${files[$i]}" "$(printf '%s/%04d.modelfile' "$first" "$i")"
  fi
done
for ((c = 1; c < copies; c++)); do cp -r "$first" "$(printf '%s/%03d' "$dest" "$c")"; done
echo "$stamp" > "$dest/.complete"
