export FROM_B=b
