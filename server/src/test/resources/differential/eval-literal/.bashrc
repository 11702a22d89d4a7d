eval 'export EVAL_SINGLE=1'
eval "export EVAL_DOUBLE=$HOME/x"
eval export EVAL_WORDS=3
cmd='export EVAL_FROM_VAR=4'
eval "$cmd"
eval "$(echo export EVAL_FROM_COMMAND=5)"
[ -x /usr/bin/envreach-no-such-tool ] && eval "$(/usr/bin/envreach-no-such-tool init -)"
export AFTER_EVAL=6
