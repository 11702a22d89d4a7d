export PATH_SEEN_BY_PROFILE="$PATH"
export PATH="$HOME/.local/bin:$PATH"
