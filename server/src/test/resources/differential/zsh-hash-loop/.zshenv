# an associative array of known keys walked with `for key val in "${(@kv)hash}"`; its order is zsh's hash order
typeset -A colours=(
  mb "$(printf '\033[1m')"
  md literal
  me ""
)
for key val in "${(@kv)colours}"; do
  export COLOUR_$key=$val
done
order=""
for k in ${(k)colours}; do order+=$k; done
export ORDER=$order
for a b c in 1 2 3 4; do export "TRIPLE_$a=$b$c"; done
