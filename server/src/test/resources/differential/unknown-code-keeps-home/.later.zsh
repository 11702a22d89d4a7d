export LATER=1
