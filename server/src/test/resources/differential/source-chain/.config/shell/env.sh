export LEVEL=1
SHELL_DIR="$HOME/.config/shell"
. "$SHELL_DIR/paths.sh"
