[ -f "$HOME/.no-such-dir/local-$(hostname).sh" ] && export LOCAL=yes
. "$HOME/.no-such-dir/local-$(hostname).sh"
eval "$(/opt/no-such-prefix/bin/tool init -)"
export AFTER=literal
