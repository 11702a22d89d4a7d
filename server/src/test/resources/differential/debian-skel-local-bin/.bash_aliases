alias ll='ls -l'
export FROM_ALIASES=1
