export PATHF=$PATHF:zsh
