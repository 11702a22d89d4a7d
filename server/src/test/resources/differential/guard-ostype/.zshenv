case "$OSTYPE" in
    linux*) export PLATFORM=linux ;;
    darwin*) export PLATFORM=macos; export HOMEBREW_PREFIX=/opt/homebrew ;;
    *) export PLATFORM=other ;;
esac
if [[ "$OSTYPE" == darwin* ]]; then
    export MAC_ONLY=1
fi
if [ "$(uname -s)" = Linux ]; then
    export UNAME_LINUX=1
fi
