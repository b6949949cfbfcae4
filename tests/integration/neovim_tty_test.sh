#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Neovim 0.10 in a real terminal (tmux), as a user starts it, not headless:
# Debian 13's package through tools/debian13-tool.sh, a clean runtime path
# (no parser built, nothing from /usr/share), and the README's one line,
# require('modelfile').setup(). On the story's Modelfile the screen must show
# the diagnostic with no error, the Vim syntax file must highlight, K must
# show the hover, the code-action menu must apply the quick fix, and
# :ModelfileBuildParser must turn tree-sitter highlighting on.
# Usage: neovim_tty_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]
set -uo pipefail
name=neovim_tty_test
lsp=${1:?usage: neovim_tty_test.sh MODELFILE_LSP_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
src=$(cd "$src" && pwd)
[ -x "$lsp" ] || { echo "FAIL $name: no executable at $lsp" >&2; exit 1; }
lsp=$(cd "$(dirname "$lsp")" && pwd)/$(basename "$lsp")
command -v tmux >/dev/null || { echo "FAIL $name: tmux not installed (tools/setup.sh installs it)" >&2; exit 1; }
nvim="$src/tools/debian13-tool.sh"
ver=$("$nvim" nvim --version 2>/dev/null | head -n 1)
case "$ver" in "NVIM v0.1"[0-9]*) ;; *) echo "FAIL $name: need Neovim 0.10+, got '$ver'" >&2; exit 1 ;; esac

work=$(mktemp -d)
sock="$work/tmux.sock"
t() { tmux -S "$sock" "$@"; }
screen() { t capture-pane -p -t nv 2>/dev/null; }
cleanup() { t kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL $name: $*" >&2; echo "--- screen:" >&2; screen >&2; exit 1; }
# Waits up to $2 seconds for the screen to match the extended regex $1.
wait_for() {
  local i
  for ((i = 0; i < ${2:-10} * 10; i++)); do
    screen | grep -Eq -- "$1" && return 0
    sleep 0.1
  done
  return 1
}
mkdir -p "$work/bin" "$work/p" "$work/empty"
ln -s "$lsp" "$work/bin/modelfile-lsp"
printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' >"$work/p/Modelfile"
# The README's set-up (editors/README.md, the first lua block under
# "## Neovim"): the plugin folder on the runtimepath, then setup().
awk '/^## Neovim/ {s=1} s && /^```lua/ {c=1; next} c && /^```/ {exit} c {print}' "$src/editors/README.md" |
  sed "s|/path/to/modelfile-lint|$src|" >"$work/init.lua"
grep -q "require('modelfile').setup()" "$work/init.lua" || { echo "FAIL $name: no init.lua snippet under '## Neovim' in editors/README.md" >&2; exit 1; }
# One run of the README set-up in tmux: $1 names the Neovim, $2.. its command.
run() {
  local label=$1; shift
  local cmd; printf -v cmd "'%s' " "$@"
  printf 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' >"$work/p/Modelfile"
  rm -rf "$work/data" "$work/state"
  # A fresh tmux server per run: a new session on the socket of a server
  # that kill-server is still tearing down fails ("server exited
  # unexpectedly").
  t kill-server 2>/dev/null
  sock="$work/tmux-$label.sock"
  t new-session -d -s nv -x 120 -y 24 \
    "cd '$work/p' && PATH='$work/bin':\$PATH HOME='$work' XDG_CONFIG_HOME='$work/config' \
     XDG_DATA_HOME='$work/data' XDG_STATE_HOME='$work/state' XDG_CACHE_HOME='$work/cache' \
     XDG_DATA_DIRS='$work/empty' XDG_CONFIG_DIRS='$work/empty' TERM=xterm-256color \
     $cmd-u '$work/init.lua' -i NONE -n Modelfile; sleep 30" || fail "tmux"
  echo "$name: $label in tmux"

  # 1. The diagnostic (sign column W and the virtual text), and no error.
  wait_for '^W PARAMETER num_ctx 131072 .*num_ctx 131072 is below the native context' 20 ||
    fail "no diagnostic on line 2"
  screen | grep -Eq 'E[0-9]{3,4}:|Error|no parser' && fail "an error is on the screen"
  if [ "$label" != 0.7 ]; then
    wait_for 'no tree-sitter parser; :ModelfileBuildParser builds it' 15 || fail "no hint about the parser"
  fi
  screen | grep -q 'Press ENTER' && fail "a hit-enter prompt"
  echo "$name: diagnostic shown, no error, no hit-enter prompt"

  # 2. Highlighting without a parser: the Vim syntax file.
  t send-keys -t nv ':lua print("SYN=" .. vim.b.current_syntax .. " TS=" .. tostring(vim.treesitter.highlighter.active[vim.api.nvim_get_current_buf()] ~= nil))' Enter
  wait_for 'SYN=modelfile TS=false' 15 || fail "the Vim syntax file is not active"

  # 3. Hover on num_ctx: the help and the model's context, no table.
  t send-keys -t nv ':call cursor(2, 12)' Enter
  t send-keys -t nv ':lua vim.lsp.buf.hover()' Enter
  wait_for 'Native context' 20 || fail "no hover with the native context"
  screen | grep -Eq '\| *\||\|---' && fail "the hover shows a Markdown table"
  screen | grep -q '\*\*' && fail "the hover shows raw Markdown bold"
  t send-keys -t nv Escape
  sleep 0.3
  echo "$name: hover shown"

  # 4. The quick fix from the code-action menu.
  t send-keys -t nv ':call cursor(2, 19)' Enter
  t send-keys -t nv ':lua vim.lsp.buf.code_action()' Enter
  wait_for 'Raise num_ctx to 262144' 20 || fail "no code-action menu"
  n=$(screen | sed -n 's/^\([0-9]\): Raise num_ctx to 262144.*/\1/p' | head -n 1)
  [ -n "$n" ] || fail "no numbered quick fix in the menu"
  t send-keys -t nv "$n" Enter
  wait_for '^ *PARAMETER num_ctx 262144 *$' 20 || fail "the quick fix was not applied"
  echo "$name: quick fix applied from the menu"

  # 5. :ModelfileBuildParser, then tree-sitter highlighting is on (0.8+).
  if [ "$label" != 0.7 ]; then
    t send-keys -t nv ':ModelfileBuildParser' Enter
    wait_for 'parser built' 60 || fail ":ModelfileBuildParser did not build the parser"
    t send-keys -t nv Enter ':lua print("TS=" .. tostring(vim.treesitter.highlighter.active[vim.api.nvim_get_current_buf()] ~= nil))' Enter
    wait_for 'TS=true' 15 || fail "tree-sitter highlighting is not on after :ModelfileBuildParser"
    echo "$name: :ModelfileBuildParser turned tree-sitter highlighting on"
  fi
  t send-keys -t nv ':qa!' Enter
  sleep 0.5
  grep -q '^PARAMETER num_ctx 131072$' "$work/p/Modelfile" || fail "the file on disk changed (the test never saves)"
}

run 0.10 "$nvim" nvim
done="Neovim $ver"
# Debian 12's own Neovim 0.7.2 (the neovim package), when installed: the
# language server and the Vim syntax file work there too.
if [ -x /usr/bin/nvim ] && /usr/bin/nvim --version | head -n 1 | grep -q '^NVIM v0\.7\.'; then
  run 0.7 /usr/bin/nvim
  done="$done and Debian 12's $(/usr/bin/nvim --version | head -n 1)"
else
  echo "$name: Debian 12's Neovim 0.7 (package neovim) not installed: not checked"
fi
echo "PASS $name: README set-up in a real terminal ($done): diagnostic, syntax, hover, quick fix, parser build"
