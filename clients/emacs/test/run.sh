#!/usr/bin/env bash
# Runs the headless Emacs (eglot + flymake) test against the envreach server jar.
# Usage: clients/emacs/test/run.sh [FIXTURE] — FIXTURE is a folder under clients/fixtures
# (default guard-home). ENVREACH_JAR overrides the jar (default server/target/envreach.jar).
# Exit status: 0 passed, 1 failed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
fixture="${1:-guard-home}"
export ENVREACH_JAR="${ENVREACH_JAR:-$repo/server/target/envreach.jar}"
if [ ! -f "$ENVREACH_JAR" ]; then
  echo "emacs-test: FAIL: the server jar $ENVREACH_JAR is missing (mvn -B -DskipTests package)" >&2
  exit 1
fi
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
cp -R "$repo/clients/fixtures/$fixture/." "$home/"
export HOME="$home"
cd "$home"
# -q: no user init file, but Debian's site-start, which puts elpa-eglot on the load path
exec emacs --batch -q -L "$here/.." -l "$here/envreach-test.el" </dev/null
