# zsh's own hashes ($commands, $aliases, ...) and subscript flags are filled at run time: not a literal ""
if [[ -z "$LESSOPEN" ]] && (( $#commands[(i)lesspipe(|.sh)] )); then
  export LESSOPEN="| /usr/bin/env $commands[(i)lesspipe(|.sh)] %s 2>&-"
fi
export ENV_TOOL="$commands[env]"
list=(alpha beta)
export POSITION="$list[(i)beta]"
