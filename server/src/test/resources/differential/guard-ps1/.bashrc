export BEFORE=1
[ -z "$PS1" ] && return
export AFTER_PS1_GUARD=1
