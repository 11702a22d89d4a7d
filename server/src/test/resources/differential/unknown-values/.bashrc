export NOW="$(date +%s)"
export KERNEL=`uname -r`
export BREW_PREFIX="$(command -v brew >/dev/null && brew --prefix)"
export PARTLY_KNOWN="$HOME/x:$(id -u)"
export RANDOMISH=$RANDOM
export MY_PID=$$
read -r FIRST_LINE < /etc/hostname
export FIRST_LINE
export KNOWN_AFTER_UNKNOWN=known
export NOW_COPY="$NOW"
export PYENV_ROOT="$HOME/.pyenv"
command -v pyenv >/dev/null && eval "$(pyenv init -)"
