# glob qualifiers: (N) drops a word that matches nothing, (/) keeps directories only; a bare path with a
# qualifier is kept only when it exists
path=( $HOME/bin(N) $HOME/no-such-dir(N) $HOME/.zsh.d/plugin.zsh(N/) /usr/bin(N) $path )
for f ($HOME/.zsh.d/*.zsh(N)); do source $f; done
for g ($HOME/.missing/*.zsh(N)); do source $g; done
for h in $HOME/.zsh.d/*(N.); do export "FILE_${h:t:r}=plain"; done
