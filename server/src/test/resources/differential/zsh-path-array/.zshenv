path=("$HOME/bin" $path)
path+=(/opt/envreach/bin)
export GOPATH="$HOME/go"
path=($GOPATH/bin $path)
fpath=("$HOME/.zfunc" $fpath)
manpath=(/usr/share/man)
export MANPATH
export PATH_LENGTH=${#path}
export FIRST_PATH_ELEMENT=$path[1]
