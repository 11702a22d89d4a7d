eval 'export EVAL_SINGLE=1'
eval "export EVAL_DOUBLE=$HOME/x"
eval export EVAL_WORDS=3
cmd='export EVAL_FROM_VAR=4'
eval "$cmd"
[ -x /usr/bin/envreach-no-such-tool ] && eval "$(/usr/bin/envreach-no-such-tool init -)"
export AFTER_EVAL=6
