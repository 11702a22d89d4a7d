export PATH="$ENVREACH_UNSET:$PATH"
export TRAILING="$PATH:"
export DOUBLE="/usr/bin::/bin"
GOBIN=
export PATH="$PATH:$GOBIN"
