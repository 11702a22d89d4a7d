export SH_PLAIN=1
SH_LATER=2
export SH_LATER
export SH_A=a SH_B=b
readonly SH_RO=3
readonly SH_RO_X=4
export SH_RO_X
export SH_UNSET=5
unset SH_UNSET
SH_NOT_EXPORTED=6
sh_function() {
    export SH_FROM_FUNCTION=7
}
sh_function
export SH_EMPTY=
