export A=1 B=2 C=3 D=4
unset A
unset -v B
unset C D
export D=again
f() { :; }
unset -f f
export E=5
E=
export F="${ENVREACH_UNSET}"
