#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs every modelfile-lint benchmark side by side and prints a table with the
# ratios. Benchmarks, not tests: nothing here fails on a slow figure.
#
#   bench/run.sh               build (Release, build-bench/), then measure
#
# Two trees, both built from the real corpus outside the repository: TREE,
# the whole corpus repeated to at least 20,000 files and 100 MB (small files:
# per-file costs dominate), and SHAPE_TREE, the issue's peer shape (2,200
# Modelfiles, 24 MB: the corpus's 27 largest files repeated).
#
# Environment: ROUNDS (5) interleaved rounds for throughput, SHAPE_ROUNDS (15)
# for the second tree, STARTUP_N (1000) sequential invocations for start-up,
# PEER_STARTUP_N (20), BUILD_DIR (build-bench), TREE (/tmp/mfl-bench/tree),
# SHAPE_TREE (/tmp/mfl-bench/peertree), NO_BUILD=1 to skip the build,
# NO_LSP=1 / NO_PEER=1 to skip those parts, LINT / FLOOR / LSP to use other
# binaries, BASELINE=path/to/modelfile-lint to time an older build alongside.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
tree=${TREE:-${TMPDIR:-/tmp}/mfl-bench/tree}
shape_tree=${SHAPE_TREE:-${TMPDIR:-/tmp}/mfl-bench/peertree}
rounds=${ROUNDS:-5}
shape_rounds=${SHAPE_ROUNDS:-15}
startup_n=${STARTUP_N:-1000}
peer_startup_n=${PEER_STARTUP_N:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/mfl-bench-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
ncpu=$(nproc)

if [ -z "${NO_BUILD:-}" ]; then
  echo "== building (Release, $build)" >&2
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DMFL_BUILD_BENCH=ON >/dev/null &&
    cmake --build "$build" -j"$ncpu" --target modelfile-lint mfl-bench-floor >/dev/null ||
    { echo "build failed" >&2; exit 2; }
  if [ -d "$root/lsp" ] && [ -z "${NO_LSP:-}" ]; then
    cmake --build "$build" -j"$ncpu" --target modelfile-lsp >/dev/null 2>&1 || echo "(modelfile-lsp did not build)" >&2
  fi
fi
lint=${LINT:-$build/lint/modelfile-lint}
floor=${FLOOR:-$build/bench/mfl-bench-floor}
baseline=${BASELINE:-} # another modelfile-lint binary to run side by side (before/after)
[ -x "$lint" ] && [ -x "$floor" ] || { echo "missing $lint or $floor" >&2; exit 2; }

echo "== trees ($tree, $shape_tree)" >&2
"$here/mktree.sh" "$tree" || exit 2
"$here/mktree.sh" "$shape_tree" 2200 0 27 || exit 2
read -r n_files n_bytes < <("$floor" read -j 1 "$tree")
read -r s_files s_bytes < <("$floor" read -j 1 "$shape_tree")

peer=""
if [ -z "${NO_PEER:-}" ]; then
  peer=$("$here/peer.sh" 2>"$work/peer.err") || { peer=""; }
fi

# ---- helpers -----------------------------------------------------------------
now() { echo "${EPOCHREALTIME/./}"; } # microseconds
# run LABEL CMD... : one timed run, wall microseconds appended to $work/LABEL.t.
# Nothing else is started around the command, so a 40 ms run and a 400 ms one
# carry the same small cost of starting a process from bash.
run() {
  local label=$1; shift
  local t0 t1
  t0=$(now)
  "$@" >/dev/null 2>"$work/$label.err"
  t1=$(now)
  echo $(( t1 - t0 )) >> "$work/$label.t"
}
# usage LABEL N CMD... : peak RSS (KB) and CPU microseconds per run (user+sys)
# of N runs under one /usr/bin/time (its 10 ms resolution spread over N).
usage() {
  local label=$1 n=$2; shift 2
  /usr/bin/time -f "%M %U %S" -o "$work/rss.tmp" bash -c 'n=$1; shift; for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1; done' _ "$n" "$@"
  tail -n1 "$work/rss.tmp" | awk '{print $1}' > "$work/$label.m"
  tail -n1 "$work/rss.tmp" | awk -v n="$n" '{printf "%d\n", ($2 + $3) * 1e6 / n}' > "$work/$label.c"
}
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
cat_floor() { find "$1" -type f \( -name Modelfile -o -name '*.modelfile' \) -print0 | xargs -0 cat; }
export -f cat_floor 2>/dev/null

# set_cmd CONFIG: the command of a configuration, in CMD. Configurations
# named s_... run on the peer-shaped tree, the others on the large one.
set_cmd() {
  local c=$1 t=$tree
  case $c in s_*) c=${c#s_}; t=$shape_tree ;; esac
  case $c in
    cat) CMD=(bash -c 'cat_floor "$1"' _ "$t") ;;
    read_j*|parse_j*|doc_j*|batch_j*) CMD=("$floor" "${c%_j*}" -j "${c#*_j}" "$t") ;;
    lint_j*) CMD=("$lint" --no-config -j "${c#lint_j}" "$t") ;;
    json_j*) CMD=("$lint" --no-config --output-format json -j "${c#json_j}" "$t") ;;
    sarif_j*) CMD=("$lint" --no-config --output-format sarif -j "${c#sarif_j}" "$t") ;;
    base_j*) CMD=("$baseline" --no-config -j "${c#base_j}" "$t") ;;
    peer) CMD=($peer "$t") ;;
  esac
}
declare -A T M C
# measure ROUNDS USAGE_N CONFIG... : a warm-up of each configuration (page
# cache), ROUNDS interleaved timed rounds, then memory and CPU over USAGE_N
# runs of each; medians in T, peak RSS in M, CPU per run in C.
measure() {
  local rounds=$1 usage_n=$2 r c; shift 2
  for c in "$@"; do set_cmd "$c"; "${CMD[@]}" >/dev/null 2>&1; done
  for ((r = 0; r < rounds; r++)); do
    for c in "$@"; do set_cmd "$c"; run "$c" "${CMD[@]}"; done
    echo "   round $((r + 1))/$rounds done" >&2
  done
  for c in "$@"; do
    set_cmd "$c"
    usage "$c" "$usage_n" "${CMD[@]}"
    T[$c]=$(median "$work/$c.t")
    M[$c]=$(cat "$work/$c.m")
    C[$c]=$(cat "$work/$c.c")
  done
}

configs=(cat read_j1 read_j2 parse_j1 parse_j2 doc_j1 doc_j2 batch_j1 batch_j2 lint_j1 lint_j2 json_j2 sarif_j2)
[ -n "$baseline" ] && configs+=(base_j1 base_j2)
[ -n "$peer" ] && configs+=(peer)
echo "== throughput: $n_files files, $n_bytes bytes, $rounds interleaved rounds" >&2
measure "$rounds" 1 "${configs[@]}"

# ---- the issue's peer shape ------------------------------------------------------
sconfigs=(s_cat s_read_j2 s_batch_j2 s_lint_j1 s_lint_j2)
[ -n "$baseline" ] && sconfigs+=(s_base_j2)
[ -n "$peer" ] && sconfigs+=(s_peer)
echo "== peer-shaped tree: $s_files files, $s_bytes bytes, $shape_rounds interleaved rounds" >&2
measure "$shape_rounds" 5 "${sconfigs[@]}"

# ---- start-up -----------------------------------------------------------------
small=$work/Modelfile
cat > "$small" <<'MF'
# A small Modelfile, as pre-commit passes it: one file per process.
FROM llama3.2:3b
PARAMETER num_ctx 8192
PARAMETER temperature 0.7
SYSTEM """You are a concise assistant."""
MF
loop() { local n=$1; shift; local t0 t1; t0=$(now); for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1; done; t1=$(now); echo $(( t1 - t0 )); }
echo "== start-up: $startup_n sequential processes, one small file each" >&2
su_true=() su_lint=() su_peer=()
for ((r = 0; r < 3; r++)); do
  su_true+=("$(loop "$startup_n" /bin/true)")
  su_lint+=("$(loop "$startup_n" "$lint" --no-config "$small")")
  [ -n "$peer" ] && su_peer+=("$(loop "$peer_startup_n" $peer "$small")")
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
su_true_us=$(med "${su_true[@]}"); su_lint_us=$(med "${su_lint[@]}")
[ -n "$peer" ] && su_peer_us=$(med "${su_peer[@]}")
ir=""
if command -v valgrind >/dev/null; then
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$lint" --no-config "$small" >/dev/null 2>"$work/cg.err"
  ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg.err")
fi

# ---- table --------------------------------------------------------------------
export LC_ALL=C
awk -v nf="$n_files" -v nb="$n_bytes" -v ncpu="$ncpu" -v peer="${peer:+1}" \
    -v su_true="$su_true_us" -v su_lint="$su_lint_us" -v su_peer="${su_peer_us:-0}" \
    -v sn="$startup_n" -v psn="$peer_startup_n" -v ir="$ir" \
    -v tcat="${T[cat]}" -v tr1="${T[read_j1]}" -v tr2="${T[read_j2]}" \
    -v tp1="${T[parse_j1]}" -v tp2="${T[parse_j2]}" -v td1="${T[doc_j1]}" -v td2="${T[doc_j2]}" \
    -v tf1="${T[batch_j1]}" -v tf2="${T[batch_j2]}" \
    -v tl1="${T[lint_j1]}" -v tl2="${T[lint_j2]}" -v tpe="${T[peer]:-0}" \
    -v tj2="${T[json_j2]}" -v ts2="${T[sarif_j2]}" \
    -v tb1="${T[base_j1]:-0}" -v tb2="${T[base_j2]:-0}" -v mb2="${M[base_j2]:-0}" \
    -v cl1="${C[lint_j1]}" -v cl2="${C[lint_j2]}" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    -v ml1="${M[lint_j1]}" -v ml2="${M[lint_j2]}" -v mpe="${M[peer]:-0}" -v mp2="${M[parse_j2]}" \
    -v nodev="$(node --version 2>/dev/null)" -v rounds="$rounds" -v date="$(date -u +%Y-%m-%dT%H:%MZ)" \
    -v cpu="$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n1)" -v os="$(. /etc/os-release; echo "$PRETTY_NAME")" '
function row(name, us, rss,   s) {
  s = us / 1e6
  printf "| %-58s | %8.3f | %9.0f | %7.1f | %6.2fx | %6.2fx | %s |\n", name, s, nf / s, nb / 1e6 / s,
         us / tcat, us / tp2, rss ? sprintf("%.1f MB", rss / 1024) : ""
}
BEGIN {
  printf "modelfile-lint benchmarks, %s, %s, %d cores (shared), %s\n", date, cpu, ncpu, os
  printf "tree: %d files, %.1f MB (real corpus repeated); medians of %d interleaved rounds\n\n", nf, nb / 1e6, rounds
  print "| run | wall s | files/s | MB/s | / cat | / parse -j2 | peak RSS |"
  print "|---|---:|---:|---:|---:|---:|---:|"
  row("floor: find + xargs cat > /dev/null", tcat, 0)
  row("floor: read only, -j1", tr1, 0)
  row("floor: read only, -j2", tr2, 0)
  row("floor: tree-sitter parse only, -j1", tp1, 0)
  row("floor: tree-sitter parse only, -j2", tp2, mp2)
  row("parse + lowering (mfl_doc_new), -j1", td1, 0)
  row("parse + lowering (mfl_doc_new), -j2", td2, 0)
  row("byte-level front end + lowering (mfl_doc_new_batch), -j1", tf1, 0)
  row("byte-level front end + lowering (mfl_doc_new_batch), -j2", tf2, 0)
  row("modelfile-lint --no-config -j1", tl1, ml1)
  row("modelfile-lint --no-config -j2", tl2, ml2)
  row("modelfile-lint --no-config --output-format json -j2", tj2, 0)
  row("modelfile-lint --no-config --output-format sarif -j2", ts2, 0)
  if (tb1) row("baseline modelfile-lint -j1", tb1, 0)
  if (tb2) row("baseline modelfile-lint -j2", tb2, mb2)
  if (peer) row("peer: modelfile-syntax, Node " nodev, tpe, mpe)
  print ""
  printf "multi-core speed-up, modelfile-lint -j1 / -j2: %.2fx (parse floor: %.2fx); CPU time (user+sys) -j1 %.2f s, -j2 %.2f s: -j2 used %.2f cores on average (load average at the end: %s)\n", tl1 / tl2, tp1 / tp2, cl1 / 1e6, cl2 / 1e6, cl2 / tl2, load
  printf "machine-readable output, -j2: json %.2fx, sarif %.2fx the text (full) run\n", tj2 / tl2, ts2 / tl2
  if (tb2) printf "baseline / this build, -j2: %.2fx; -j1: %.2fx\n", tb2 / tl2, tb1 / tl1
  if (peer) printf "peer wall / modelfile-lint -j2 wall, same %d files: %.1fx (target >= 10x)\n", nf, tpe / tl2
  printf "start-up, one small file per process (%d runs): %.2f ms per process (/bin/true: %.2f ms; difference %.2f ms; target < 2 ms)\n",
         sn, su_lint / sn / 1000, su_true / sn / 1000, (su_lint - su_true) / sn / 1000
  if (ir != "") printf "start-up instructions (callgrind, one small file): %.2f M\n", ir / 1e6
  if (peer) printf "peer start-up, one small file (%d runs): %.1f ms per process: %.0fx modelfile-lint (target >= 100x)\n",
                   psn, su_peer / psn / 1000, (su_peer / psn) / (su_lint / sn)
}'
echo
awk -v nf="$s_files" -v nb="$s_bytes" -v rounds="$shape_rounds" -v peer="${peer:+1}" \
    -v tcat="${T[s_cat]}" -v tr2="${T[s_read_j2]}" -v tf2="${T[s_batch_j2]}" \
    -v tl1="${T[s_lint_j1]}" -v tl2="${T[s_lint_j2]}" -v tpe="${T[s_peer]:-0}" -v tb2="${T[s_base_j2]:-0}" \
    -v ml2="${M[s_lint_j2]}" -v mpe="${M[s_peer]:-0}" -v cl2="${C[s_lint_j2]}" -v nodev="$(node --version 2>/dev/null)" '
function row(name, us, rss,   s) {
  s = us / 1e6
  printf "| %-58s | %8.4f | %9.0f | %7.1f | %6.2fx | %s |\n", name, s, nf / s, nb / 1e6 / s,
         us / tcat, rss ? sprintf("%.1f MB", rss / 1024) : ""
}
BEGIN {
  printf "the issue'"'"'s peer shape: %d files, %.1f MB (the corpus'"'"'s 27 largest files repeated); medians of %d interleaved rounds\n\n", nf, nb / 1e6, rounds
  print "| run | wall s | files/s | MB/s | / cat | peak RSS |"
  print "|---|---:|---:|---:|---:|---:|"
  row("floor: find + xargs cat > /dev/null", tcat, 0)
  row("floor: read only, -j2", tr2, 0)
  row("byte-level front end + lowering (mfl_doc_new_batch), -j2", tf2, 0)
  row("modelfile-lint --no-config -j1", tl1, 0)
  row("modelfile-lint --no-config -j2", tl2, ml2)
  if (tb2) row("baseline modelfile-lint -j2", tb2, 0)
  if (peer) row("peer: modelfile-syntax, Node " nodev, tpe, mpe)
  print ""
  printf "multi-core speed-up, -j1 / -j2: %.2fx; -j2 used %.2f cores on average\n", tl1 / tl2, cl2 / tl2
  if (tb2) printf "baseline / this build, -j2: %.2fx\n", tb2 / tl2
  if (peer) printf "peer wall / modelfile-lint -j2 wall, same %d files: %.1fx (target >= 10x)\n", nf, tpe / tl2
}'
echo
if [ -z "$peer" ]; then echo "peer: unavailable ($(cat "$work/peer.err" 2>/dev/null | tail -n1))"; fi

# ---- language server ------------------------------------------------------------
lsp=${LSP:-$build/lsp/modelfile-lsp}
if [ -z "${NO_LSP:-}" ]; then
  if [ -x "$lsp" ] && [ -f "$here/lsp/bench.mjs" ] && command -v node >/dev/null; then
    echo "language server ($lsp, bench/lsp/bench.mjs):"
    node "$here/lsp/bench.mjs" "$lsp" 2>&1 | sed 's/^/  /'
  else
    echo "language server: not measured (no $lsp or bench/lsp/bench.mjs)"
  fi
  # The WebAssembly build of the same server (tools/platforms.sh wasm): under
  # Node on stdio, and in process as the VS Code extension runs it.
  wasm=${WASM:-$root/build-wasm/lsp/modelfile-lsp.wasm}
  if [ -f "$wasm" ] && command -v node >/dev/null; then
    echo "language server, WebAssembly on stdio ($(dirname "$wasm")/../run/modelfile-lsp):"
    node "$here/lsp/bench.mjs" "$(dirname "$wasm")/../run/modelfile-lsp" 2>&1 | sed 's/^/  /'
    echo "language server, WebAssembly in process ($wasm):"
    node "$here/lsp/bench.mjs" "$wasm" 2>&1 | sed 's/^/  /'
  else
    echo "language server, WebAssembly: not measured (no $wasm: tools/platforms.sh wasm)"
  fi
fi

# ---- the web playground (tools/playground.sh) in Debian's Chromium ---------------
pg=${PLAYGROUND:-$root/build-wasm/playground}
if [ -z "${NO_PLAYGROUND:-}" ]; then
  if [ -f "$pg/sizes.json" ] && [ -d "$root/build-wasm/playground-npm/node_modules/playwright-core" ] &&
     command -v chromium >/dev/null && command -v node >/dev/null; then
    echo "playground ($pg, bench/playground/bench.mjs):"
    node "$here/playground/bench.mjs" "$pg" "$root/build-wasm/playground-npm/node_modules" 2>&1 | sed 's/^/  /'
  else
    echo "playground: not measured (tools/playground.sh builds it; Chromium from tools/setup-platforms.sh wasm)"
  fi
fi
