export PROFILE_TOP=1
if [ -n "$VSCODE_RESOLVING_ENVIRONMENT" ]; then
    export RESOLVING=1
    return
fi
export STARTED_TMUX_WOULD_BE_HERE=1
