# ~/.profile: read by login shells (and by /bin/sh in X11 sessions)
export EDITOR=vim
export PATH="$HOME/.local/bin:$PATH"

if [ -n "$BASH_VERSION" ] && [ -f "$HOME/.bashrc" ]; then
    . "$HOME/.bashrc"
fi
