package dev.envreach.rules;

/** Debian's skeleton startup files (the parts that matter for reach), as fixtures. */
final class Skel {
    private Skel() {}

    static final String BASHRC = """
            # ~/.bashrc: executed by bash(1) for non-login shells.
            # see /usr/share/doc/bash/examples/startup-files (in the package bash-doc)
            # for examples

            # If not running interactively, don't do anything
            case $- in
                *i*) ;;
                  *) return;;
            esac

            # don't put duplicate lines or lines starting with space in the history.
            # See bash(1) for more options
            HISTCONTROL=ignoreboth

            # append to the history file, don't overwrite it
            shopt -s histappend

            # for setting history length see HISTSIZE and HISTFILESIZE in bash(1)
            HISTSIZE=1000
            HISTFILESIZE=2000

            alias ll='ls -alF'
            """;

    static final String PROFILE = """
            # ~/.profile: executed by the command interpreter for login shells.
            # This file is not read by bash(1), if ~/.bash_profile or ~/.bash_login
            # exists.

            # if running bash
            if [ -n "$BASH_VERSION" ]; then
                # include .bashrc if it exists
                if [ -f "$HOME/.bashrc" ]; then
                    . "$HOME/.bashrc"
                fi
            fi

            # set PATH so it includes user's private bin if it exists
            if [ -d "$HOME/bin" ] ; then
                PATH="$HOME/bin:$PATH"
            fi
            """;
}
