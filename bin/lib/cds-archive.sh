#!/usr/bin/env bash
# Makes cli/target/hotload.jsa: a class-data sharing archive of the classes hotload loads to run one small
# program of each language (examples/python/lib.py, java/hello/Hello.java with each compiler, groovy/lib.groovy).
# Later starts map those classes from it, ready to use, instead of reading, verifying and linking them: Jython's
# first output comes about 0.3 s sooner. Run by the build (cli's package phase); it never fails the build.
HOTLOAD_HOME="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
. "$HOTLOAD_HOME/bin/lib/classpath.sh"

java="${JAVA:-java}"
classpath="$(hotload_jars)"
hotload_agent_option
work=$(mktemp -d "$HOTLOAD_HOME/cli/target/cds.XXXXXX") || exit 0
trap 'rm -rf "$work"' EXIT

cd "$HOTLOAD_HOME/examples" || exit 0
# Java twice: with its default compiler (ECJ) and with javac (--compiler javac), so that either starts fast.
n=0
for run in python/lib.py java/hello/Hello.java "--compiler javac java/hello/Hello.java" groovy/lib.groovy; do
  n=$((n + 1))
  # shellcheck disable=SC2086 # a run is options and an entry, split on purpose
  "$java" "${hotload_jvm_options[@]}" -XX:DumpLoadedClassList="$work/$n.classes" \
    -cp "$classpath" dev.hotload.cli.Main --once --no-clear $run </dev/null >/dev/null 2>&1
done
# One list, each line once and in the order first seen: a lambda listed twice crashes the dump (JDK 17).
awk '!seen[$0]++' "$work"/*.classes > "$work/all.list" 2>/dev/null || exit 0
# A dump may not run an agent: the agent's jar on the boot class path, where the agent puts it, makes an archive
# that starts with the agent use.
dump_options=("${hotload_jvm_options[@]/#-javaagent:/-Xbootclasspath/a:}")
# Written aside and moved in whole: a start that reads it meanwhile must never see half an archive.
if "$java" "${dump_options[@]}" -Xshare:dump -XX:SharedClassListFile="$work/all.list" \
    -XX:SharedArchiveFile="$work/hotload.jsa" -cp "$classpath" >"$work/dump.log" 2>&1; then
  mv -f "$work/hotload.jsa" "$hotload_archive"
fi
exit 0
