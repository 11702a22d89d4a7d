#!/usr/bin/env bash
# Runs the headless Neovim filetype and root checks (no server needed). Exit 0 passed, 1 failed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  XDG_STATE_HOME="$home/.local/state" XDG_CACHE_HOME="$home/.cache"
cd "$home"
exec nvim --headless -n -i NONE -u "$here/init.lua" -c "luafile $here/filetypes.lua" </dev/null
