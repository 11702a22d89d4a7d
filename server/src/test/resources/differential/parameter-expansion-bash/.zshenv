NAME=envreach-language-server
export REPLACE_FIRST=${NAME/-/_}
export REPLACE_ALL=${NAME//-/_}
export SUBSTRING=${NAME:0:8}
export SUBSTRING_FROM=${NAME:9}
export UPPER=${(U)NAME}
export CAPITAL=${(C)NAME}
X=ab; export INDIRECT_NAME=X
export INDIRECT=${(P)INDIRECT_NAME}
