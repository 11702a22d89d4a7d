# ~/.bashrc: read by interactive bash, and by bash for `ssh host cmd`
export LANG=C.UTF-8

# If not running interactively, don't do anything
case $- in
    *i*) ;;
      *) return;;
esac

HISTSIZE=1000
alias ll='ls -l'

export GOPATH="~/go"
export PATH=$PATH:$GOPATH/bin
