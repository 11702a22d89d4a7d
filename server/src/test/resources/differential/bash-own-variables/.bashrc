# bash gives TERM ("dumb") and SHELL (the login shell of the user) a value when the environment has none;
# exporting them without a value exports those
export TERM SHELL
MY_SHELL_WAS=${SHELL:-none}
export MY_SHELL_WAS
