#!/usr/bin/env bash
# Runs the CLI end-to-end cases (tests/cli/run.sh) with every modelfile-lint
# invocation under valgrind memcheck: any memory error or leak (definite,
# indirect or possible) fails the run. Exits 77 (skipped) without valgrind.
# Usage: tools/valgrind-cli.sh PATH/TO/modelfile-lint [CORPUS_DIR]
set -u
lint=$(readlink -f "${1:?usage: valgrind-cli.sh modelfile-lint [corpus]}")
corpus=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v valgrind >/dev/null || { echo "valgrind not installed: skipped"; exit 77; }
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
wrapper=$logs/modelfile-lint
cat > "$wrapper" <<EOW
#!/bin/sh
exec valgrind --tool=memcheck --quiet --error-exitcode=99 --leak-check=full \\
  --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible \\
  --track-fds=no --log-file="$logs/vg.%p.log" "$lint" "\$@"
EOW
chmod +x "$wrapper"
bash "$root/tests/cli/run.sh" "$wrapper" $corpus
rc=$?
runs=$(ls "$logs"/vg.*.log 2>/dev/null | wc -l)
bad=0
for f in "$logs"/vg.*.log; do
  [ -s "$f" ] || continue
  bad=$((bad + 1))
  echo "--- valgrind report ($f):" >&2
  cat "$f" >&2
done
echo "valgrind: $runs modelfile-lint runs under memcheck, $bad with errors or leaks"
[ $rc -eq 0 ] && [ $bad -eq 0 ]
