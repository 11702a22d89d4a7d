BEFORE_ALLEXPORT=no
set -a
AUTO_ONE=1
AUTO_TWO="$HOME/two"
. ~/.env
set +a
AFTER_ALLEXPORT=no
set -o allexport
AUTO_OPTION=yes
set +o allexport
