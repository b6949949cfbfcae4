#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes a gzipped man page for one of our programs, generated from the
# program itself at build time (run under EMULATOR... when cross-compiling:
# qemu-user, Wine):
#   1. `PROGRAM --man` (roff from the program's own option and rule tables), else
#   2. a page built from `PROGRAM --help` (and `--list-rules` when the
#      program has it), said on stderr.
# A program that does not run at all fails the build with the reason: a
# placeholder page is never written. POSIX sh only (no GNU timeout): a
# watchdog stops a program that hangs.
# Usage: gen-man.sh PROGRAM NAME SECTION SUMMARY VERSION OUT.gz [EMULATOR...]
set -eu
prog=$1 name=$2 section=$3 summary=$4 version=$5 out=$6
shift 6
tmp="$out.tmp"
limit=${MFL_MAN_TIMEOUT:-60}
run() { # EMULATOR... : runs it with PROGRAM and $run_args, stdout to the caller
  "$@" "$prog" $run_args </dev/null 2>/dev/null &
  pid=$!
  (sleep "$limit"; kill -9 "$pid" 2>/dev/null) >/dev/null 2>&1 &
  dog=$!
  rc=0
  wait "$pid" || rc=$?
  kill "$dog" 2>/dev/null || true
  return $rc
}
emu_run() { run_args=$1; shift; run "$@"; } # emu_run ARG EMULATOR...
if emu_run --man "$@" >"$tmp" && grep -q '^\.TH' "$tmp"; then
  :
elif emu_run --help "$@" >"$tmp.help" && [ -s "$tmp.help" ]; then
  echo "gen-man.sh: $name has no --man; its page is built from --help" >&2
  upper=$(echo "$name" | tr '[:lower:]' '[:upper:]')
  esc() { sed -e 's/\\/\\e/g' -e 's/^\([.'"'"']\)/\\\&\1/'; }
  {
    printf '%s\n' ".TH $upper $section \"\" \"$name $version\" \"User Commands\""
    printf '%s\n' ".SH NAME"
    printf '%s\n' "$name \\- $summary"
    printf '%s\n' ".SH DESCRIPTION"
    printf '%s\n' "The text below is the output of \\fB$name \\-\\-help\\fR."
    printf '%s\n' ".PP"
    printf '%s\n' ".nf"
    esc <"$tmp.help"
    printf '%s\n' ".fi"
    if emu_run --list-rules "$@" >"$tmp.rules" && [ -s "$tmp.rules" ]; then
      printf '%s\n' ".SH RULES"
      printf '%s\n' "The output of \\fB$name \\-\\-list\\-rules\\fR; \\fB$name \\-\\-explain\\fR \\fICODE\\fR prints a rule's documentation."
      printf '%s\n' ".PP"
      printf '%s\n' ".nf"
      esc <"$tmp.rules"
      printf '%s\n' ".fi"
    fi
    printf '%s\n' ".SH SEE ALSO"
    if [ "$name" = modelfile-lint ]; then echo ".BR modelfile-lsp (1)"; else echo ".BR modelfile-lint (1)"; fi
  } >"$tmp"
  rm -f "$tmp.help" "$tmp.rules"
else
  rm -f "$tmp" "$tmp.help"
  echo "gen-man.sh: cannot run $prog${1:+ under $*} to write its man page." >&2
  echo "  A cross build needs CMAKE_CROSSCOMPILING_EMULATOR (e.g. qemu-aarch64 -L /), or -DMFL_MAN_PAGES=OFF." >&2
  exit 1
fi
gzip -9n <"$tmp" >"$out"
rm -f "$tmp"
