if shopt -q login_shell; then
    export RC_IN_LOGIN=1
else
    export RC_NOT_LOGIN=1
fi
