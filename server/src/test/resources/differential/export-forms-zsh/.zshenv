export PLAIN=1
typeset -x TYPESET=2
ZLATER=3; export ZLATER
typeset -gx GLOBAL_X=4
export ZA=a ZB=b
readonly ZRO=5
typeset +x ZUNEXPORT=6
export ZUNEXPORT2=7
typeset +x ZUNEXPORT2
export ZUNSET=8
unset ZUNSET
f() {
    local -x ZLOCAL=9
    typeset -x ZTYPESET_LOCAL=10
    typeset -gx ZGLOBAL_FROM_F=11
    export ZEXPORT_FROM_F=12
}
f
declare -x ZDECLARE=13
integer ZINT=6*7
export ZINT
