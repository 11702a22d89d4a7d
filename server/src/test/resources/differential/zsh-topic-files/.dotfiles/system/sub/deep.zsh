export DEEP=1; export ORDER="$ORDER deep"
