[ -n "$RC_LOADED" ] && return
RC_LOADED=1
export VISITS="${VISITS}rc "
. ~/.bash_common
