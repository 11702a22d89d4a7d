emulate sh -c '. ~/.profile'
