# Sourced by bin/hotload and bin/jython: the class path of an up-to-date build of hotload.
#
# A fresh clone has no build: the first start builds it with Maven (a minute or so, once). Later starts go
# straight to java; Maven runs again only when a pom or a main source file is newer than the last build.
# HOTLOAD_HOME must be set to the repository root.

hotload_lib="$HOTLOAD_HOME/cli/target/lib"
hotload_stamp="$hotload_lib/hotload-cli.jar"

hotload_needs_build() {
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
  log=$(cd "$HOTLOAD_HOME" && mvn -q -B -DskipTests package -pl cli -am 2>&1) || {
    printf '%s\n' "$log" | tail -n 30 >&2
    echo "hotload: the build failed; the lines above say why" >&2
    return 1
  }
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
  printf '%s\n' "$hotload_lib/*${HOTLOAD_CLASSPATH:+:$HOTLOAD_CLASSPATH}"
}
