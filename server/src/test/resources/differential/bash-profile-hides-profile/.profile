export EDITOR=nano
export GOPATH="$HOME/go"
PATH="$HOME/go/bin:$PATH"
