#!/bin/sh
# SPDX-License-Identifier: MIT
# Writes a gzipped man page for one of our programs, generated from the
# program itself at build time:
#   1. `PROGRAM --man` (roff from the CLI's own option and rule tables), else
#   2. help2man on `--help`/`--version` when Debian's help2man is installed, else
#   3. a page wrapping `--help` (and `--list-rules` when the program has it).
# Usage: gen-man.sh PROGRAM NAME SECTION SUMMARY VERSION OUT.gz
set -eu
prog=$1 name=$2 section=$3 summary=$4 version=$5 out=$6
tmp="$out.tmp"
run() { timeout 10 "$prog" "$@" </dev/null 2>/dev/null; }
if run --man >"$tmp" && grep -q '^\.TH' "$tmp"; then
  :
elif command -v help2man >/dev/null 2>&1 && run --help >/dev/null &&
     help2man --no-info --no-discard-stderr --section="$section" --name="$summary" \
       --version-string="$version" "$prog" >"$tmp" 2>/dev/null; then
  :
else
  upper=$(echo "$name" | tr '[:lower:]' '[:upper:]')
  esc() { sed -e 's/\\/\\e/g' -e 's/^\([.'"'"']\)/\\\&\1/'; }
  {
    printf '%s\n' ".TH $upper $section \"\" \"$name $version\" \"User Commands\""
    printf '%s\n' ".SH NAME"
    printf '%s\n' "$name \\- $summary"
    printf '%s\n' ".SH DESCRIPTION"
    if run --help >"$tmp.help" && [ -s "$tmp.help" ]; then
      printf '%s\n' "The text below is the output of \\fB$name \\-\\-help\\fR."
      printf '%s\n' ".PP"
      printf '%s\n' ".nf"
      esc <"$tmp.help"
      printf '%s\n' ".fi"
    else
      printf '%s\n' "\\fB$name\\fR is the language server of modelfile-lint. It speaks the"
      printf '%s\n' "Language Server Protocol over standard input and output; editors start it."
    fi
    rm -f "$tmp.help"
    if run --list-rules >"$tmp.rules"; then
      printf '%s\n' ".SH RULES"
      printf '%s\n' "The output of \\fB$name \\-\\-list\\-rules\\fR; \\fB$name \\-\\-explain\\fR \\fICODE\\fR prints a rule's documentation."
      printf '%s\n' ".PP"
      printf '%s\n' ".nf"
      esc <"$tmp.rules"
      printf '%s\n' ".fi"
    fi
    rm -f "$tmp.rules"
    printf '%s\n' ".SH SEE ALSO"
    if [ "$name" = modelfile-lint ]; then echo ".BR modelfile-lsp (1)"; else echo ".BR modelfile-lint (1)"; fi
  } >"$tmp"
fi
gzip -9n <"$tmp" >"$out"
rm -f "$tmp"
