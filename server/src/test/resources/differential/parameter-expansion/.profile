FILE=/usr/local/lib/archive.tar.gz
EMPTY=
export DEFAULT_UNSET=${ENVREACH_UNSET:-fallback}
export DEFAULT_EMPTY_COLON=${EMPTY:-fallback}
export DEFAULT_EMPTY_NOCOLON=${EMPTY-fallback}
export ASSIGN_DEFAULT=${ASSIGNED:=assigned}
export ASSIGNED
export ALT_SET=${FILE:+alternative}
export ALT_UNSET=${ENVREACH_UNSET:+alternative}
export LENGTH=${#FILE}
export STRIP_SHORT_PREFIX=${FILE#*/}
export STRIP_LONG_PREFIX=${FILE##*/}
export STRIP_SHORT_SUFFIX=${FILE%.*}
export STRIP_LONG_SUFFIX=${FILE%%.*}
export BRACED="${HOME}/x"
export NESTED=${ENVREACH_UNSET:-${FILE##*/}}
export CONCAT="a${EMPTY}b$FILE"
