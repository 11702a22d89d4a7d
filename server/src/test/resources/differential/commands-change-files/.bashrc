# commands that create or remove files change what later file tests see
[ -d "$HOME/.cache/app" ] || mkdir -p "$HOME/.cache/app"
[ -d "$HOME/.cache/app" ] && export CACHE_DIR="$HOME/.cache/app"
# mkdir made an empty directory: nothing is inside it
[ -r "$HOME/.cache/app/settings" ] && export SETTINGS=yes
touch "$HOME/.stamp"
[ -f "$HOME/.stamp" ] && export STAMP=1
rm -f "$HOME/.old-env"
[ -f "$HOME/.old-env" ] || export OLD_GONE=1
export AFTER=1
