# source <(tool) is eval "$(tool)": tool knowledge says what it may set
if [[ -z "$LS_COLORS" ]]; then
  [[ -f "$HOME/.dircolors" ]] && source <(dircolors -b "$HOME/.dircolors") || source <(dircolors -b)
fi
export AFTER_COLORS=set
