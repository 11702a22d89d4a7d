export ZSH_SAW_PATH="$PATH"
