( export IN_SUBSHELL=1 )
{ export IN_GROUP=1; }
echo x | export LAST_PIPE_PART=1
export FIRST_PIPE_PART=1 | cat
true && export AND_TAKEN=1
false && export AND_NOT_TAKEN=1
false || export OR_TAKEN=1
true || export OR_NOT_TAKEN=1
X="$(export IN_COMMAND_SUBST=1; echo hidden)"
export BACKGROUND=1 &
wait
if true; then export IF_TRUE=1; else export IF_FALSE=1; fi
while false; do export IN_WHILE_FALSE=1; done
for i in 1; do export IN_FOR=$i; done
unset i
! false && export NEGATED=1
