source ~/.config/shell/env.sh
. "$HOME/.config/shell/missing.sh" 2>/dev/null
export AFTER_SOURCES="$LEVEL"
