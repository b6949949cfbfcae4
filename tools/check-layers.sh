#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Checks the core's layering (ARCHITECTURE.md, "Layers"), from the sources
# and the built core library:
#  1. the call graph among the core's files (lint/src, lint/src/knowledge,
#     lint/rules) has no cycle: from `nm`, each object's undefined symbols are
#     matched to the object that defines them, and tsort(1) finds any loop;
#  2. the core does no I/O: no object of the core calls a function that
#     reads, writes, opens or lists anything (stdio, POSIX I/O, sockets...);
#  3. no file of lint/src or lint/rules includes a header of the I/O layer
#     (lint/io), the CLI (lint/cli) or the server (lsp), nor <uv.h> or
#     <jansson.h>.
# Usage: tools/check-layers.sh path/to/libmfl.a   (ctest: layers)
set -euo pipefail
lib=${1:?usage: check-layers.sh libmfl.a}
root=$(cd "$(dirname "$0")/.." && pwd)
NM=${NM:-nm}
fail=0

syms=$(mktemp)
trap 'rm -f "$syms"' EXIT
# "object kind symbol" for every function an object defines (D) and every
# symbol it uses from elsewhere (U). Only functions count: the registry's
# table of rule descriptors (data, lint/rules/rules.def) is how the driver
# reaches the rules, not a call.
"$NM" -A -P "$lib" 2>/dev/null | awk '
  { obj = $1; sub(/^.*\[/, "", obj); sub(/\]:$/, "", obj) }
  $3 == "U" { print obj, "U", $2; next }
  $3 == "T" { print obj, "D", $2 }' >"$syms"
if ! grep -q ' D ' "$syms"; then
  echo "check-layers: no symbols read from $lib" >&2
  exit 2
fi

# 1. object -> object edges, then a topological sort.
edges=$(awk '
  $2 == "D" { def[$3] = $1; next }
  { use[NR] = $1 " " $3 }
  END {
    for (i in use) {
      split(use[i], u, " ")
      if ((u[2] in def) && def[u[2]] != u[1]) print u[1], def[u[2]]
    }
  }' "$syms" | sort -u)
if ! out=$(printf '%s\n' "$edges" | tsort 2>&1 >/dev/null) || [ -n "$out" ]; then
  echo "check-layers: the core's files depend on each other in a cycle:" >&2
  printf '%s\n' "$out" | sed 's/^tsort: -: /  /; s/^tsort: /    /' >&2
  # Name the calls along each pair of the cycle, to say what to move.
  printf '%s\n' "$out" | sed -n 's/^tsort: \([^ ]*\.o\)$/\1/p' >"$syms.loop"
  awk 'NR == FNR { inloop[$1] = 1; next }
       $2 == "D" { def[$3] = $1; next }
       ($1 in inloop) && ($3 in def) && (def[$3] in inloop) && def[$3] != $1 {
         print "  " $1 " calls " $3 " (" def[$3] ")" }' "$syms.loop" "$syms" "$syms" \
    | sort -u | head -40 >&2
  rm -f "$syms.loop"
  fail=1
fi

# 2. I/O: the functions through which a program touches the outside.
io='^(fopen|fdopen|freopen|fclose|fread|fwrite|fgets|fgetc|getc|getchar|fputs|fputc|putc|putchar|puts|printf|fprintf|vprintf|vfprintf|dprintf|perror|fflush|fseek|ftell|rewind|tmpfile|open|openat|creat|close|read|pread|write|pwrite|stat|fstat|lstat|fstatat|access|opendir|readdir|closedir|mkdir|unlink|rename|remove|realpath|getenv|system|popen|socket|connect|mmap|stdin|stdout|stderr|_IO_.*|__printf_chk|__fprintf_chk|__vfprintf_chk|__read_chk|CreateFile.*|ReadFile|WriteFile)$'
bad=$(awk '$2 == "U" { print $1, $3 }' "$syms" | awk -v re="$io" '$2 ~ re' | sort -u)
if [ -n "$bad" ]; then
  echo "check-layers: the core does I/O (it must come through mfl_env_t):" >&2
  printf '  %s calls %s\n' $bad >&2
  fail=1
fi

# 3. Headers of the outer layers.
# (and the libraries only they use: libuv, jansson).
outer=$( (cd "$root" && ls lint/io/*.h lint/cli/*.h lsp/*.h lsp/*/*.h 2>/dev/null; echo uv.h; echo jansson.h) \
  | xargs -n1 basename | sort -u)
if [ -n "$outer" ]; then
  pat=$(printf '%s\n' "$outer" | sed 's/\./\\./g' | paste -sd'|')
  if hits=$(cd "$root" && grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[\"<]([^\">]*/)?($pat)[\">]" \
      lint/src/*.[ch] lint/src/knowledge/*.[ch] lint/rules/*.[ch] 2>/dev/null); then
    echo "check-layers: the core includes a header of lint/io, lint/cli or lsp:" >&2
    printf '  %s\n' "$hits" >&2
    fail=1
  fi
fi

[ "$fail" = 0 ] && echo "check-layers: $(printf '%s\n' "$edges" | wc -l) calls between files, no cycle, no I/O"
exit "$fail"
