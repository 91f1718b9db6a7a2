# Try: HOTLOAD_CLASSPATH=examples/target/classes bin/hotload examples/shell/hello.sh
# (build the examples first: mvn -q package -pl examples -am -DskipTests), then edit and save.
echo "hello from a shell script, $(date +%T)"
