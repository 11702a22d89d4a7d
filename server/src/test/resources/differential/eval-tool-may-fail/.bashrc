# a known tool whose run fails here (the colour file does not exist): nothing is exported
eval "$(dircolors -b "$HOME/.no-such-dir_colors" 2>/dev/null)"
export AFTER=1
