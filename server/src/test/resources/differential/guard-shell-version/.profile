if [ -n "$BASH_VERSION" ]; then
    export PROFILE_BY=bash
elif [ -n "$ZSH_VERSION" ]; then
    export PROFILE_BY=zsh
else
    export PROFILE_BY=sh
fi
[ -n "${BASH_VERSION:-}" ] && export HAS_BASH_VERSION=1
test -z "$ZSH_VERSION" && export NO_ZSH_VERSION=1
