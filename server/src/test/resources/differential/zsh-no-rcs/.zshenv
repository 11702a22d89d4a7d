export BEFORE_NO_RCS=1
if [[ -n "$ENVREACH_MINIMAL" ]]; then
    setopt no_rcs
fi
export AFTER_NO_RCS_IN_ZSHENV=1
