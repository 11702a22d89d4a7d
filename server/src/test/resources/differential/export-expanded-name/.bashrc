# export of words that become assignments only after expansion
for tool in go rust; do
  export "HAS_$tool=yes" TOOL_${tool}=1
done
suffix=DIR
declare -x -- "CONF_$suffix=$HOME/.conf.d"
readonly "LOCKED_$suffix=locked"
export LOCKED_DIR
