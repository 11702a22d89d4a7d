export FROM_PLUGIN=yes
