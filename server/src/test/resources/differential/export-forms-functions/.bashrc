set_global() {
    declare -gx GLOBAL_FROM_FUNCTION=g
    local -x LOCAL_EXPORT=l
    local plain_local=p
    export EXPORT_IN_FUNCTION=e
    declare -x DECLARE_IN_FUNCTION_IS_LOCAL=d
    typeset -x TYPESET_IN_FUNCTION_IS_LOCAL=t
}
never_called() {
    export FROM_UNCALLED=1
}
function keyword_form {
    export FROM_KEYWORD_FUNCTION="$1"
}
set_global
keyword_form arg1
outer() { inner; }
inner() { export FROM_INNER=deep; }
outer
