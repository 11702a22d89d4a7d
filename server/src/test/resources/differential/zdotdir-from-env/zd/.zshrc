export ZD_ZSHRC=1
