if [[ $- == *i* ]]; then
    export INTERACTIVE_ONLY=1
else
    export NONINTERACTIVE_ONLY=1
fi
case "$-" in
    *i*) export CASE_I=yes ;;
    *) export CASE_NOT_I=yes ;;
esac
if [ -t 0 ]; then export STDIN_IS_TTY=1; fi
[[ -n $PS1 ]] || export PS1_EMPTY=1
