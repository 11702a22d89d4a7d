export BEFORE="$HOME/before"
eval "$(printf 'export FROM_EVAL_OUTPUT=%s\n' 5)"
export AFTER=literal
export AFTER_HOME="$HOME/after"
