for tool in go rust; do
  export "HAS_$tool=yes" TOOL_${tool}=1
done
suffix=DIR
typeset -x "CONF_$suffix=$HOME/.conf.d"
