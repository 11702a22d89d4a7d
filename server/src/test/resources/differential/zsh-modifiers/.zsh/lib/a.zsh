export FROM_A=a
