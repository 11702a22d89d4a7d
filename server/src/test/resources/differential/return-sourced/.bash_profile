. ~/.bashrc
export PROFILE_AFTER_RETURN=1
. ~/.helpers.sh
export PROFILE_END="$HELPER"
return
export AFTER_TOP_LEVEL_RETURN=1
