export NVM_LOADED=1
export NVM_BIN="$NVM_DIR/versions/node/v20/bin"
