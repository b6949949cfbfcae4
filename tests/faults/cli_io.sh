#!/usr/bin/env bash
# I/O faults of `modelfile-lint --fix`, end to end: a read-only file, a file
# in a read-only folder (as an unprivileged user), a symlink, a full disk
# (RLIMIT_FSIZE through `ulimit -f`, SIGXFSZ ignored) and, when this
# machine lets us mount one, a full 64 KiB tmpfs. Each failure must exit 2
# with "modelfile-lint: <path>: <reason>" on stderr and leave the file as
# it was. Usage: tests/faults/cli_io.sh PATH/TO/modelfile-lint
set -u
lint=$(readlink -f "${1:?usage: cli_io.sh modelfile-lint}")
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'umount "$tmp/tmpfs" 2>/dev/null; chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
pass=0 fail=0 skipped=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
skip() { skipped=$((skipped + 1)); echo "skip: $*"; }
fixable='from llama3.2\nPARAMETER  temperature 0.7\n'

# $1 name, $2 file, $3 expected original, $4 stderr pattern, then the command.
expect_refused() {
  local name=$1 file=$2 orig=$3 pat=$4; shift 4
  local err rc
  err=$("$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -ne 2 ]; then bad "$name: exit $rc, expected 2 ($err)"; return; fi
  if ! grep -q "^modelfile-lint: .*$pat" <<<"$err"; then bad "$name: unclear error: $err"; return; fi
  if [ "$(cat "$file")" != "$(printf "$orig")" ]; then bad "$name: file changed"; return; fi
  if ls -a "$(dirname "$file")" | grep -q '\.mfl-'; then bad "$name: temporary file left"; return; fi
  ok "$name: exit 2, \"${err#modelfile-lint: }\", original intact"
}

# A read-only file.
mkdir "$tmp/ro"; printf "$fixable" > "$tmp/ro/Modelfile"; chmod 444 "$tmp/ro/Modelfile"
expect_refused "read-only file" "$tmp/ro/Modelfile" "$fixable" "read-only" \
  "$lint" --no-config --fix "$tmp/ro/Modelfile"

# A writable file in a read-only folder: root ignores folder permissions,
# so the case runs as nobody when we are root.
mkdir "$tmp/rodir"; printf "$fixable" > "$tmp/rodir/Modelfile"
chmod 666 "$tmp/rodir/Modelfile"; chmod 555 "$tmp/rodir"
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null; then
    expect_refused "read-only folder" "$tmp/rodir/Modelfile" "$fixable" "temporary file" \
      setpriv --reuid=65534 --regid=65534 --clear-groups "$lint" --no-config --fix "$tmp/rodir/Modelfile"
  else
    skip "read-only folder (root without setpriv)"
  fi
else
  expect_refused "read-only folder" "$tmp/rodir/Modelfile" "$fixable" "temporary file" \
    "$lint" --no-config --fix "$tmp/rodir/Modelfile"
fi

# A symlink: the target is fixed, the link stays a link.
mkdir "$tmp/link"; printf "$fixable" > "$tmp/link/real.Modelfile"
ln -s real.Modelfile "$tmp/link/Modelfile"
"$lint" --no-config --fix "$tmp/link/Modelfile" >/dev/null 2>&1
if [ -L "$tmp/link/Modelfile" ] && grep -q '^PARAMETER temperature' "$tmp/link/real.Modelfile"; then
  ok "symlink: target fixed, link kept"
else
  bad "symlink: link replaced or target not fixed"
fi

# A full disk: RLIMIT_FSIZE of 8 KiB, the fixed file is 40 KiB.
mkdir "$tmp/full"
{ printf "$fixable"; for i in $(seq 1 1000); do printf '# padding line %04d ......\n' "$i"; done; } > "$tmp/full/Modelfile"
cp "$tmp/full/Modelfile" "$tmp/full.orig"
expect_refused "full disk (RLIMIT_FSIZE)" "$tmp/full/Modelfile" "$(cat "$tmp/full.orig" | sed 's/%/%%/g')" "File too large" \
  bash -c 'trap "" XFSZ; ulimit -f 8; exec "$0" --no-config --fix "$1"' "$lint" "$tmp/full/Modelfile"

# A full tmpfs, when mounting one is allowed here.
mkdir "$tmp/tmpfs"
if mount -t tmpfs -o size=64k tmpfs "$tmp/tmpfs" 2>/dev/null; then
  cp "$tmp/full/Modelfile" "$tmp/tmpfs/Modelfile"
  head -c 40000 /dev/zero > "$tmp/tmpfs/filler" 2>/dev/null
  expect_refused "full tmpfs" "$tmp/tmpfs/Modelfile" "$(cat "$tmp/full.orig" | sed 's/%/%%/g')" "No space left" \
    "$lint" --no-config --fix "$tmp/tmpfs/Modelfile"
else
  skip "full tmpfs (mount not permitted here; RLIMIT_FSIZE covers the case)"
fi

echo "faults.cli_io: $pass passed, $fail failed, $skipped skipped"
[ $fail -eq 0 ]
