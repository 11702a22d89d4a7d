# topic directories: every *.zsh below ~/.dotfiles, path files first, completion files last
export ZSH=$HOME/.dotfiles
typeset -U config_files
config_files=($ZSH/**/*.zsh)
for file in ${(M)config_files:#*/path.zsh}; do source $file; done
for file in ${${config_files:#*/path.zsh}:#*/completion.zsh}; do source $file; done
for file in ${(M)config_files:#*/completion.zsh}; do source $file; done
export N=${#config_files}
