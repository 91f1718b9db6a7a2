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
  hotload_class_data="$HOTLOAD_HOME/lib"
  hotload_installed=true
else
  hotload_lib="$HOTLOAD_HOME/cli/target/lib"
  hotload_class_data="$HOTLOAD_HOME/cli/target"
  hotload_installed=false
fi
hotload_stamp="$hotload_lib/hotload-cli.jar"
hotload_build_log="$HOTLOAD_HOME/cli/target/build.log"

# The JVM options every start shares: bin/lib/jvm.options says why each.
hotload_jvm_options=()
while IFS= read -r hotload_option || [ -n "$hotload_option" ]; do
  case $hotload_option in ''|'#'*) ;; *) hotload_jvm_options+=("$hotload_option") ;; esac
done <"$HOTLOAD_HOME/bin/lib/jvm.options"
unset hotload_option

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
  echo "hotload: building hotload with Maven (first start, or sources changed; about a minute)..." >&2
  # The whole log is kept for a failed build: in the clone, the user's own, readable by no one else; never a
  # shared /tmp path that another user could plant or read.
  rm -f "$hotload_build_log"
  (umask 077 && : >"$hotload_build_log") || return 1
  # One line per module built, so that a minute's build shows it is moving; the log has the rest.
  if ! (cd "$HOTLOAD_HOME" && set -o pipefail &&
      mvn -B -DskipTests -Dassembly.skipAssembly=true package -pl cli -am 2>&1 | tee "$hotload_build_log" | hotload_build_progress); then
    local errors
    errors=$(grep -E '^\[(ERROR|FATAL)\]' "$hotload_build_log" | head -n 30)
    printf '%s\n' "${errors:-$(tail -n 30 "$hotload_build_log")}" >&2
    echo "hotload: the build failed; the lines above say why, the whole log is $hotload_build_log" >&2
    return 1
  fi
}

# Reads Maven's output and prints "hotload: building 3/8: hotload core" as each module starts.
hotload_build_progress() {
  # Maven's reactor line: "[INFO] Building hotload core 0.1.0-SNAPSHOT      [3/8]" (name, version, count)
  local line reactor='^\[INFO\] Building (.*[^ ]) [^ ]+ +\[([0-9]+)/([0-9]+)\]$'
  while IFS= read -r line; do
    if [[ $line =~ $reactor ]]; then
      printf 'hotload: building %s/%s: %s\n' "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" "${BASH_REMATCH[1]}" >&2
    fi
  done
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

# Prints the version of the java that runs hotload (JAVA, else java on PATH), build included, as its home's release
# file gives it: 17.0.15+6-Debian-1deb12u1. Read, not asked: asking would start a JVM. Fails where there is none.
hotload_java_version() {
  local java line version=
  java=$(readlink -f "$(command -v "${JAVA:-java}")" 2>/dev/null) || return 1
  [ -f "${java%/bin/java}/release" ] || return 1
  while IFS= read -r line; do
    [[ $line =~ ^JAVA_VERSION=\"(.*)\"$ ]] && [ -z "$version" ] && version="${BASH_REMATCH[1]}"
    [[ $line =~ ^JAVA_RUNTIME_VERSION=\"(.*)\"$ ]] && version="${BASH_REMATCH[1]}"
  done <"${java%/bin/java}/release"
  [ -n "$version" ] && printf '%s\n' "$version"
}

# Sets hotload_cds_options to map hotload's classes from the class data bin/lib/cds-archive.sh made for this java
# (an archive or cache is valid for one build of one JDK: hotload-17.0.15+6-Debian-1deb12u1.jsa),
# when it is as new as the build: a start then skips reading, verifying and linking a few thousand classes. On
# JDK 24 and later that is the AOT cache (.aot), which keeps the classes linked and their profiles too; else the
# class-data archive (.jsa). HOTLOAD_CLASS_DATA=archive takes the archive where both are, =off neither.
# The JVM moves the archive to a random address at each start (ArchiveRelocationMode=1, JDK 17 here too): mapping it
# where it was dumped instead took 140 ms off the JVM's creation, but the first output came no sooner (bench/run
# 5 1 first; the pages are read later instead), so it is left as the JDK has it.
hotload_cds() {
  hotload_cds_options=()
  local base kinds kind version
  case "${HOTLOAD_CLASS_DATA:-}" in
    '') kinds=(aot jsa) ;;
    archive) kinds=(jsa) ;;
    aot) kinds=(aot) ;;
    off) return 0 ;;
    *) echo "hotload: HOTLOAD_CLASS_DATA must be archive, aot or off, not '$HOTLOAD_CLASS_DATA'" >&2; return 1 ;;
  esac
  version=$(hotload_java_version) || return 0
  base="$hotload_class_data/hotload-$version"
  for kind in "${kinds[@]}"; do
    if [ -f "$base.$kind" ] && ! [ "$hotload_stamp" -nt "$base.$kind" ]; then
      # A stale or foreign one (other options) is ignored by the JVM; its warnings are silenced.
      case $kind in
        # JDK 25 logs the cache's warnings as aot, 24 as cds; an unknown tag would stop the JVM.
        aot) hotload_cds_options=(-XX:AOTCache="$base.aot" -Xlog:cds=off)
             [ "${version%%.*}" -ge 25 ] && hotload_cds_options+=(-Xlog:aot=off) ;;
        jsa) hotload_cds_options=(-XX:SharedArchiveFile="$base.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off) ;;
      esac
      return 0
    fi
  done
}
