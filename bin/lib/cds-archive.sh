#!/usr/bin/env bash
# Makes the class data of the java that runs it (JAVA, else java on PATH), named for that java's version in
# cli/target: hotload-VERSION.jsa, a class-data sharing archive of the classes hotload loads to run one small
# program of each language (examples/python/lib.py, java/hello/Hello.java with each compiler,
# groovy/greeter/main.groovy); and on
# JDK 24 and later hotload-VERSION.aot too, the JDK's AOT cache of the same run, which also keeps the classes
# linked and their profiles. Later starts map those classes instead of reading, verifying and linking them
# (bin/lib/classpath.sh's hotload_cds chooses). Run by the build (cli's package phase), or by hand for another JDK:
# JAVA=/path/to/jdk/bin/java bin/lib/cds-archive.sh. It never fails the build.
HOTLOAD_HOME="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
. "$HOTLOAD_HOME/bin/lib/classpath.sh"

java="${JAVA:-java}"
version=$(hotload_java_version) || exit 0
base="$hotload_class_data/hotload-$version"
classpath="$(hotload_jars)"
hotload_agent_option
work=$(mktemp -d "$HOTLOAD_HOME/cli/target/cds.XXXXXX") || exit 0
trap 'rm -rf "$work"' EXIT

# One JVM runs each, as bin/hotload --once would: an AOT cache is made from one run. Java twice, with its default
# compiler (ECJ) and with javac, so that either starts fast.
training=(dev.hotload.cli.ClassDataTraining python/lib.py java/hello/Hello.java "--compiler javac java/hello/Hello.java"
  groovy/greeter/main.groovy)
# A dump may not run an agent: the agent's jar on the boot class path, where the agent puts it, makes an archive
# that starts with the agent use.
dump_options=("${hotload_jvm_options[@]/#-javaagent:/-Xbootclasspath/a:}")
cd "$HOTLOAD_HOME/examples" || exit 0

"$java" "${hotload_jvm_options[@]}" -XX:DumpLoadedClassList="$work/classes.list" -cp "$classpath" \
  "${training[@]}" </dev/null >/dev/null 2>&1
# Written aside and moved in whole: a start that reads it meanwhile must never see half an archive.
if "$java" "${dump_options[@]}" -Xshare:dump -XX:SharedClassListFile="$work/classes.list" \
    -XX:SharedArchiveFile="$work/hotload.jsa" -cp "$classpath" >"$work/dump.log" 2>&1; then
  mv -f "$work/hotload.jsa" "$base.jsa"
fi

if [ "${version%%.*}" -ge 24 ] 2>/dev/null &&
   "$java" "${hotload_jvm_options[@]}" -XX:AOTMode=record -XX:AOTConfiguration="$work/hotload.aotconf" \
     -cp "$classpath" "${training[@]}" </dev/null >/dev/null 2>&1 &&
   # java.instrument: the module the agent's run added, which the cache's module graph must have too.
   "$java" "${dump_options[@]}" --add-modules=java.instrument -XX:AOTMode=create -XX:AOTConfiguration="$work/hotload.aotconf" \
     -XX:AOTCache="$work/hotload.aot" -cp "$classpath" >"$work/create.log" 2>&1; then
  mv -f "$work/hotload.aot" "$base.aot"
fi
exit 0
