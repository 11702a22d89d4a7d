. ~/.bashrc
. ~/.bashrc
export PROFILE_DONE=1
