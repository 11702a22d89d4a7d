export JAVA_HOME=/usr/lib/jvm/default-java
path=($HOME/bin $path)
