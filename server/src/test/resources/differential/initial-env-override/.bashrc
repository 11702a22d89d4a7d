export EDITOR="${EDITOR:-nano}"
export LANG=C.UTF-8
unset TERM_PROGRAM
export GREETING="hello $USER"
