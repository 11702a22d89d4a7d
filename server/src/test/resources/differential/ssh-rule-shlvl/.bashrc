export SSH_RC_COUNT="${SSH_RC_COUNT}1"
export SAW_SHLVL="${SHLVL-unset}"
case $- in
    *i*) ;;
      *) return;;
esac
export SSH_INTERACTIVE_PART=1
