# zsh history-style modifiers, braced and unbraced (also inside double quotes)
CONF=$HOME/.zsh
for lib in "$CONF"/lib/*.zsh; do
  source "$CONF/lib/${lib:t}"
done
FILE=/opt/tools/bin/tool.tar.gz
export TAIL=${FILE:t} HEAD=${FILE:h} HEAD2=${FILE:h:h} ROOT=${FILE:r} EXT=${FILE:e} NAME=${FILE:t:r}
export UNBRACED=$FILE:t QUOTED="$FILE:h/other" UPPER=$FILE:t:u
export NOT_A_MODIFIER=$FILE:bin OFFSET=${FILE:1:3}
