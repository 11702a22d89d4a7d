export BEFORE_READ=1
read -r -p "Start tmux? " ANSWER
export ANSWER
if [ "$ANSWER" = y ]; then
    export CHOSE_TMUX=1
fi
export AFTER_READ=1
