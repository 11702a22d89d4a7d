# ~/.bashrc in the style of Debian's skeleton, with one export above the guard and one below
export ABOVE_GUARD="$HOME/above"

# If not running interactively, don't do anything
case $- in
    *i*) ;;
      *) return;;
esac

export BELOW_GUARD="$HOME/below"
export PATH_SEEN_BY_BASHRC="$PATH"

HISTCONTROL=ignoreboth
shopt -s histappend
HISTSIZE=1000
HISTFILESIZE=2000
shopt -s checkwinsize

if [ -z "${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
    debian_chroot=$(cat /etc/debian_chroot)
fi

case "$TERM" in
    xterm-color|*-256color) color_prompt=yes;;
esac

if [ -f ~/.bash_aliases ]; then
    . ~/.bash_aliases
fi
