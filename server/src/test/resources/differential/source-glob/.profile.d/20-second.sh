export ORDER="${ORDER:+$ORDER,}20"
