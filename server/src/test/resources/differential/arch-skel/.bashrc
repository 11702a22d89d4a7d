#
# ~/.bashrc
#

export BEFORE_ARCH_GUARD=1

# If not running interactively, don't do anything
[[ $- != *i* ]] && return

alias ls='ls --color=auto'
PS1='[\u@\h \W]\$ '
export AFTER_ARCH_GUARD=1
