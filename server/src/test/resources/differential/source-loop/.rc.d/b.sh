export ORDER="${ORDER}b"
