export BASH_ENV='$HOME/.bashenv'
export PROFILE_READ=1
