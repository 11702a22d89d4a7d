export STOWED_BASHRC=1
. ~/.config/envreach-demo/common.sh
