export ZD_ZSHENV=1
