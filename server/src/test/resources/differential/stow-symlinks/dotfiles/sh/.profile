export STOWED_PROFILE=1
[ -n "$BASH_VERSION" ] && . ~/.bashrc
