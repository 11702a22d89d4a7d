NAME=envreach-language-server
export REPLACE_FIRST=${NAME/-/_}
export REPLACE_ALL=${NAME//-/_}
export SUBSTRING=${NAME:0:8}
export SUBSTRING_FROM=${NAME:9}
export UPPER=${NAME^^}
export CAPITAL=${NAME^}
X=ab; export INDIRECT_NAME=X
export INDIRECT=${!INDIRECT_NAME}
export PATH="${PATH//\/usr\/bin/\/usr\/bin}:/opt/x"
