# added by an installer: this file now hides ~/.profile from bash login shells
export CARGO_HOME="$HOME/.cargo"
