export BEFORE=1
if [[ -d "$HOME" ]]; then
    export IN_DOUBLE_BRACKET=1
fi
source ~/.aliases
shopt -s histappend
[ -f ~/.aliases ] && . ~/.aliases
export AFTER=1
