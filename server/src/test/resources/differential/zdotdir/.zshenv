export ZDOTDIR="$HOME/.config/zsh"
export FROM_HOME_ZSHENV=1
