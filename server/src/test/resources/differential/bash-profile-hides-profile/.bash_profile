# added by an installer: one line, and ~/.profile is no longer read by bash
export CARGO_HOME="$HOME/.cargo"
