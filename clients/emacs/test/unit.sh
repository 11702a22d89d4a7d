#!/usr/bin/env bash
# Runs the ERT tests of envreach.el (no server needed). Exit 0 passed, 1 failed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export HOME="$home"
cd "$home"
exec emacs --batch -q -L "$here/.." -l ert -l "$here/envreach-unit-test.el" -f ert-run-tests-batch-and-exit </dev/null
