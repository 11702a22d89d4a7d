path+=("$HOME/bin" /opt/x /opt/x)
