shopt -q login_shell && export LOGIN_BY_SHOPT=1
shopt -q login_shell || export NOT_LOGIN_BY_SHOPT=1
. ~/.bashrc
