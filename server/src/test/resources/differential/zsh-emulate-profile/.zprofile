emulate sh -c '. ~/.profile'
export AFTER_EMULATE=1
