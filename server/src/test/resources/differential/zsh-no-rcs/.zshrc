export FROM_ZSHRC=1
