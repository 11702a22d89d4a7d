(( $+commands[ls] )) && export ZSH_HAVE_LS=1
(( $+commands[envreach-no-such-tool-7] )) && export ZSH_HAVE_MISSING=1
if (( ${+commands[cat]} )); then export ZSH_HAVE_CAT=1; fi
command -v envreach-no-such-tool-8 >/dev/null || export ZSH_NO_TOOL=1
