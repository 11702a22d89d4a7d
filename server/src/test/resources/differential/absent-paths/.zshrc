# a name only partly known, in a directory that does not exist: tests are false, source finds no file
if [[ -r "${XDG_CACHE_HOME:-$HOME/.cache}/instant-prompt-${(%):-%n}.zsh" ]]; then
  export INSTANT=yes
  source "${XDG_CACHE_HOME:-$HOME/.cache}/instant-prompt-${(%):-%n}.zsh"
fi
source "$HOME/.no-such-dir/theme-$RANDOM.zsh"
# an absolute command path that is not installed prints nothing: eval of its output does nothing
eval "$(/opt/no-such-prefix/bin/tool env --shell zsh)"
export AFTER=literal TOOL_OUT="[$(/opt/no-such-prefix/bin/tool --version 2>/dev/null)]"
