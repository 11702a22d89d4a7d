# arrays never reach the environment, whatever their export attribute says
export LIST=(one two)
NUMBERS=(1 2 3)
export NUMBERS
declare -a DECLARED
export DECLARED
declare -ax BOTH=(x y)
SPARSE[3]=three
export SPARSE
SCALAR=plain
export SCALAR
