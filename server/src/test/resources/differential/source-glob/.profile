if [ -d "$HOME/.profile.d" ]; then
    for i in "$HOME"/.profile.d/*.sh; do
        if [ -r "$i" ]; then
            . "$i"
        fi
    done
    unset i
fi
for j in "$HOME"/.nothing.d/*.sh; do
    [ -e "$j" ] || continue
    export NEVER_FROM_EMPTY_GLOB=1
done
export GLOB_LITERAL_WHEN_NO_MATCH="$j"
