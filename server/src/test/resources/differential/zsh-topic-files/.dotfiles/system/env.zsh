export ORDER="$ORDER env"
