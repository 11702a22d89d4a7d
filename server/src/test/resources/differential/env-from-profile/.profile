ENV="$HOME/.config/sh/init.sh"; export ENV
export FROM_PROFILE=1
