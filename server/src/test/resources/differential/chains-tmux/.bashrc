case $- in *i*) ;; *) return;; esac
export PATH="$HOME/.cargo/bin:$PATH"
export DEPTH="${DEPTH}+"
