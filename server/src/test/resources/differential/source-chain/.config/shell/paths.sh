export LEVEL=2
export PATH="$HOME/.local/bin:$PATH"
export SOURCED_WITH_ARGS="${1-none}"
