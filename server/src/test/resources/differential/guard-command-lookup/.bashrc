if command -v ls >/dev/null 2>&1; then
    export HAVE_LS=1
fi
command -v envreach-no-such-tool-7 >/dev/null && export HAVE_MISSING_TOOL=1
type cat >/dev/null 2>&1 && export HAVE_CAT=1
hash envreach-no-such-tool-8 2>/dev/null || export NO_HASH_TOOL=1
if which envreach-no-such-tool-9 >/dev/null 2>&1; then export WHICH_FOUND=1; fi
