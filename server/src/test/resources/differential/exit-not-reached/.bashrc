( exit 1 )
export AFTER_SUBSHELL_EXIT=1
[ -n "$ENVREACH_NOT_SET" ] && exit
export AFTER_CONDITIONAL_EXIT=1
bail() { exit 1; }
if false; then bail; fi
export AFTER_UNCALLED_EXIT=1
if [ ! -d "$HOME" ]; then
    exit 2
fi
export END=1
