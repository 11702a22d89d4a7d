# zsh: the same, and a scalar assignment turns an array back into a scalar that can be exported
export LIST=(one two)
NUMBERS=(1 2 3)
export NUMBERS
typeset -a DECLARED
export DECLARED
typeset -aU path
export AGAIN=(a b)
AGAIN=scalar-now
