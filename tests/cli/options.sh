#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every option in lint/cli/options.def appears in --help and --man, and
# getopt takes it (long and short form, with its value when it has one).
# Usage: options.sh OPTIONS_DEF LINT [EMULATOR...]
set -u
def=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
lint=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

"${lint[@]}" --help >help.txt 2>&1 || { echo "--help failed"; exit 1; }
"${lint[@]}" --man >man.txt 2>&1 || { echo "--man failed"; exit 1; }
# The man page escapes '-' as '\-'.
sed 's/\\-/-/g' man.txt >man.plain

fail=0
n=0
# CLI_OPT(ID, "name", SHORT, ARG, ...: one option per match (a few span lines).
while IFS=$'\t' read -r name short arg scope; do
    n=$((n + 1))
    grep -q -- "--$name\b" help.txt || { echo "--$name: not in --help"; fail=1; }
    grep -q -- "--$name\b" man.plain || { echo "--$name: not in --man"; fail=1; }
    forms=("--$name")
    [ "$short" != 0 ] && forms+=("-${short//\'/}")
    for f in "${forms[@]}"; do
        if [ "$arg" = NULL ]; then args=("$f"); else args=("$f" 1); fi
        # An empty folder to check and nothing on standard input: only
        # whether getopt takes the option matters here.
        # An option only the format subcommand takes is tried there.
        sub=(); [ "$scope" = FORMAT_CMD ] && sub=(format)
        err=$(timeout 20 "${lint[@]}" "${sub[@]}" "${args[@]}" </dev/null 2>&1 >/dev/null)
        if printf '%s' "$err" | grep -q -e 'unknown option' -e 'needs a value'; then
            echo "$f: not accepted: $err"
            fail=1
        fi
    done
done < <(tr '\n' ' ' <"$def" | grep -o 'CLI_OPT([A-Z_0-9]*, *"[a-z0-9-]*", *[^,]*, *[^,]*, *[A-Z_|]*' |
         sed -E 's/CLI_OPT\([A-Z_0-9]*, *"([a-z0-9-]*)", *([^,]*), *([^,]*), *(.*)/\1\t\2\t\3\t\4/')

# The check is not vacuous: an option that is not in the table is refused.
err=$("${lint[@]}" --no-such-option </dev/null 2>&1 >/dev/null)
printf '%s' "$err" | grep -q 'unknown option' || { echo "an unknown option was not refused"; fail=1; }
[ "$n" -ge 30 ] || { echo "only $n options read from $def"; fail=1; }
echo "$n options checked"
exit $fail
