export ORDER="${ORDER:+$ORDER,}10"
