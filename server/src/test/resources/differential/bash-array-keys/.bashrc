# iterating over an array's indices, elements picked by a variable index; an unquoted $(missing-tool)
# expands to nothing, so the array still has a known shape
declare -a files=(
  "$HOME/.first"
  $(no-such-tool --prefix)/etc/second
  "$HOME/.third"
)
for index in ${!files[*]}; do
  export "FILE_$index=${files[$index]}"
done
export COUNT=${#files[@]} KEYS="${!files[@]}"
for x in ${files[@]#/etc}; do export "SEEN_${x##*/}=1"; done
