# Load the shell dotfiles, and then some:
for file in ~/.{path,exports,aliases,extra}; do
    [ -r "$file" ] && [ -f "$file" ] && source "$file";
done;
unset file;
for f in "$HOME/.rc.d/a.sh" "$HOME/.rc.d/b.sh"; do
    . "$f"
done
unset f
