export COMP=1
