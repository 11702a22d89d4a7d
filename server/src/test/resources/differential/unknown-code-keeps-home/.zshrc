# eval of output that cannot be known: values become unknown, but the home stays where it is, so
# later ~/ paths (and the files they source) are still known
eval "$(cat "$HOME/.generated-env" 2>/dev/null)"
source ~/.later.zsh
export AFTER_HOME=~/after
