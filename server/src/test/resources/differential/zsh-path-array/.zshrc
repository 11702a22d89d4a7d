PATH="$PATH:/opt/envreach/scalar"
export LAST_PATH_ELEMENT=$path[-1]
