package dev.hotload.cli;

import dev.hotload.run.StandardStreams;
import java.util.ArrayList;
import java.util.List;

/**
 * The run that bin/lib/cds-archive.sh makes the class-data archive or the AOT cache from: each entry run once,
 * as {@code bin/hotload --once} runs it, all in one JVM. A JDK's AOT cache is made from one run, so one run must
 * meet every language.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    /** @param runs the programs to run, one of each language at least: an entry, after options if need be */
    public static void main(String[] runs) {
        StandardStreams.install();
        int failed = 0;
        for (String run : runs) {
            List<String> arguments = new ArrayList<>(List.of("--once", "--no-clear"));
            arguments.addAll(List.of(run.split(" ")));
            if (Main.run(arguments.toArray(String[]::new)) != 0) {
                failed++;
            }
        }
        // Not System.exit's usual 0: a failed entry would leave its language out of the archive, and the build says why.
        System.exit(failed == 0 ? 0 : 1);
    }
}
