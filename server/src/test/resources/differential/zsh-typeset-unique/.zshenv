typeset -U path PATH
path=(/usr/bin "$HOME/bin" /usr/bin "$HOME/bin" $path)
export PATH_AFTER_UNIQUE="$PATH"
typeset -U fpath
export CDPATH=/tmp:/tmp
