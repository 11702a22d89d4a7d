export FROM_PROFILE=1
export GOPATH="$HOME/go"
