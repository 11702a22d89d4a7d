if [[ -o interactive ]]; then
    export ZENV_INTERACTIVE=1
fi
if [[ -o login ]]; then
    export ZENV_LOGIN=1
fi
[[ -o interactive ]] || export ZENV_NOT_INTERACTIVE=1
[[ $- == *i* ]] && export ZENV_DOLLAR_DASH_I=1
[[ -o login && -o interactive ]] && export ZENV_BOTH=1
