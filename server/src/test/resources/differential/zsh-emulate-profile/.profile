export FROM_PROFILE=1
export PATH="$HOME/bin:$PATH"
