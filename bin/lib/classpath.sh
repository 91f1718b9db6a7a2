# Sourced by bin/hotload, bin/jython and bin/lib/cds-archive.sh: the class path of an up-to-date build of
# hotload, and the JVM options every start of it shares.
#
# Two layouts. In a clone, a fresh one has no build: the first start builds it with Maven (a minute or so,
# once). Later starts go straight to java; Maven runs again only when a pom or a main source file is newer than
# the last build. In the distribution (mvn package's cli/target/hotload-VERSION-dist.tar.gz, unpacked anywhere),
# lib/ holds the jars and there is nothing to build.
# HOTLOAD_HOME must be set to the clone's root, or the unpacked distribution's.

if [ -f "$HOTLOAD_HOME/lib/hotload-cli.jar" ]; then
  hotload_lib="$HOTLOAD_HOME/lib"
  hotload_archive="$HOTLOAD_HOME/lib/hotload.jsa"
  hotload_installed=true
else
  hotload_lib="$HOTLOAD_HOME/cli/target/lib"
  hotload_archive="$HOTLOAD_HOME/cli/target/hotload.jsa"
  hotload_installed=false
fi
hotload_stamp="$hotload_lib/hotload-cli.jar"

# Idle CPU near zero: the serial collector has no GC threads to wake, and without PerfData no sampler
# ticks every 50 ms (nor does the JVM write its hsperfdata file to the shared /tmp).
# The client compiler alone (TieredStopAtLevel=1) warms up in a few reloads and starts faster; for long
# number crunching in your own code, HOTLOAD_JAVA_OPTS=-XX:TieredStopAtLevel=4 brings back the C2 compiler.
# The watcher reads each file's inode change time with its other attributes, where the JDK keeps it (sun.nio.fs):
# without this, a poll of a big tree would stat every file twice.
hotload_jvm_options=(-XX:+UseSerialGC -XX:-UsePerfData -XX:TieredStopAtLevel=1 -Xss4m
  --add-opens=java.base/sun.nio.fs=ALL-UNNAMED)

# hotload's agent (the agent module): with it, a program's System.exit ends its run however it is called (through
# reflection, a method reference, Jython's os._exit), not the JVM. Every start has it, the class-data archive's
# dump too: the archive is valid for one boot class path only, and the agent's jar is on it.
hotload_agent_option() {
  local agent=("$hotload_lib"/hotload-agent-*.jar)
  [ -f "${agent[0]}" ] && hotload_jvm_options+=(-javaagent:"${agent[0]}")
}

hotload_needs_build() {
  [ "$hotload_installed" = true ] && return 1
  [ -f "$hotload_stamp" ] || return 0
  [ -n "$(find "$HOTLOAD_HOME/pom.xml" "$HOTLOAD_HOME"/*/pom.xml "$HOTLOAD_HOME"/*/src/main \
      -newer "$hotload_stamp" -print -quit 2>/dev/null)" ]
}

hotload_build() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "hotload: Maven (mvn) is needed to build hotload once; install it, or build elsewhere with 'mvn package'" >&2
    return 1
  fi
  echo "hotload: building hotload with Maven (first start, or sources changed)..." >&2
  local log
  log=$(cd "$HOTLOAD_HOME" && mvn -q -B -DskipTests -Dassembly.skipAssembly=true package -pl cli -am 2>&1) || {
    printf '%s\n' "$log" | tail -n 30 >&2
    echo "hotload: the build failed; the lines above say why" >&2
    return 1
  }
}

# Prints the jars of the build, in a fixed order: a class-data archive is valid for one class path only.
hotload_jars() {
  local LC_ALL=C jars=("$hotload_lib"/*.jar)
  local IFS=:
  printf '%s\n' "${jars[*]}"
}

# Prints the class path, building first when needed. Concurrent first starts build once.
hotload_classpath() {
  if hotload_needs_build; then
    mkdir -p "$HOTLOAD_HOME/cli/target"
    if command -v flock >/dev/null 2>&1; then
      (
        flock 9
        if hotload_needs_build; then hotload_build; fi
      ) 9>"$HOTLOAD_HOME/cli/target/.build.lock" || return 1
    else
      hotload_build || return 1
    fi
  fi
  printf '%s\n' "$(hotload_jars)${HOTLOAD_CLASSPATH:+:$HOTLOAD_CLASSPATH}"
}

# Sets hotload_cds_options to map hotload's classes from the build's class-data archive, when it is as new as
# the build: a start then skips reading, verifying and linking a few thousand classes. A stale or foreign
# archive (another JDK, other options) is ignored by the JVM; its warnings are silenced.
hotload_cds() {
  hotload_cds_options=()
  if [ -f "$hotload_archive" ] && ! [ "$hotload_stamp" -nt "$hotload_archive" ]; then
    hotload_cds_options=(-XX:SharedArchiveFile="$hotload_archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
}
