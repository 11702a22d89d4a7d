HELPER=start
helper_fn() {
    return 3
    export NEVER_AFTER_FUNCTION_RETURN=1
}
helper_fn
export HELPER_STATUS=$?
[ -n "$HELPER" ] && return
export HELPER=unreached
