#!/usr/bin/env bash
# Runs the headless Neovim test against the envreach server jar.
# Usage: clients/nvim/test/run.sh [FIXTURE] — FIXTURE is a folder under clients/fixtures
# (default guard-home). ENVREACH_JAR overrides the jar (default server/target/envreach.jar).
# Exit status: 0 passed, 1 failed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
fixture="${1:-guard-home}"
export ENVREACH_JAR="${ENVREACH_JAR:-$repo/server/target/envreach.jar}"
if [ ! -f "$ENVREACH_JAR" ]; then
  echo "nvim-test: FAIL: the server jar $ENVREACH_JAR is missing (mvn -B -DskipTests package)" >&2
  exit 1
fi
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
cp -R "$repo/clients/fixtures/$fixture/." "$home/"
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  XDG_STATE_HOME="$home/.local/state" XDG_CACHE_HOME="$home/.cache"
cd "$home"
exec nvim --headless -n -i NONE -u "$here/init.lua" -c "luafile $here/check.lua" "$home/.bashrc" </dev/null
