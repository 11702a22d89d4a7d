pathmunge () {
    case ":${PATH}:" in
        *:"$1":*)
            ;;
        *)
            if [ "$2" = "after" ] ; then
                PATH=$PATH:$1
            else
                PATH=$1:$PATH
            fi
    esac
}
path_prepend() { [ -d "$1" ] && PATH="$1:$PATH"; }
pathmunge /usr/bin
pathmunge "$HOME/bin"
pathmunge /opt/tools/bin after
pathmunge "$HOME/bin"
path_prepend "$HOME/.local/bin"
path_prepend "$HOME/.missing/bin"
export PATH
unset -f pathmunge
pathmunge /never/added 2>/dev/null
export PATH
