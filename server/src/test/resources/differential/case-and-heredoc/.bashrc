cat > /dev/null <<'NOTES'
export INSIDE_HEREDOC=1
NOTES
cat > /dev/null <<-EOT
	export INSIDE_TAB_HEREDOC=$HOME
	EOT
export AFTER_HEREDOC=1
LANGUAGE_CHOICE=de
case "$LANGUAGE_CHOICE" in
    en|us) export LANG=en_US.UTF-8 ;;
    de) export LANG=de_DE.UTF-8 ;&
    fr) export FALLTHROUGH=1 ;;
    *) export LANG=C.UTF-8 ;;
esac
case x in
    [a-z]) export BRACKET_PATTERN=1 ;;
esac
EDITOR_CHOICE=
: "${EDITOR_CHOICE:=vi}"
export EDITOR="$EDITOR_CHOICE"
