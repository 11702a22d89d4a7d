[ -d "$HOME/go" ] && export GOPATH="$HOME/go"
[ -d "$HOME/.pyenv" ] && export PYENV_ROOT="$HOME/.pyenv"
if [ -f "$HOME/.cargo/env" ]; then . "$HOME/.cargo/env"; fi
[ -r ~/.nvm/nvm.sh ] && . ~/.nvm/nvm.sh
[ -e ~/go/bin ] && export GOBIN_EXISTS=1
[ -x ~/go/bin ] && export GOBIN_SEARCHABLE=1
test -s ~/.cargo/env && export CARGO_ENV_NONEMPTY=1
[ ! -d ~/.sdkman ] && export NO_SDKMAN=1
[ -d /etc/profile.d ] && export ETC_PROFILE_D=1
[ -f /etc/envreach-no-such-file ] && export ETC_MISSING=1
[[ -d ~/go && ! -f ~/go ]] && export DOUBLE_BRACKET=1
