export RC_TOP=1
if shopt -q login_shell; then
    return 0
fi
export RC_AFTER_CONDITIONAL_RETURN=1
