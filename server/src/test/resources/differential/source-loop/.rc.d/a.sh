export ORDER="${ORDER}a "
