export HOME_ZSHRC=1
