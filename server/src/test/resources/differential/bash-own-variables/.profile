# dash reads ~/.profile here: it sets neither variable
export TERM SHELL
MY_SHELL_WAS=${SHELL:-none}
export MY_SHELL_WAS
