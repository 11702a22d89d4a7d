export GIT_A=1
