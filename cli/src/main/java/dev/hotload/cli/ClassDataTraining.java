package dev.hotload.cli;

import dev.hotload.run.StandardStreams;

/**
 * The run that bin/lib/cds-archive.sh makes the class-data archive or the AOT cache from: each entry run once,
 * as {@code bin/hotload --once} runs it, all in one JVM. A JDK's AOT cache is made from one run, so one run must
 * meet every language.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    /** @param entries the programs to run, one of each language */
    public static void main(String[] entries) {
        StandardStreams.install();
        int failed = 0;
        for (String entry : entries) {
            if (Main.run("--once", "--no-clear", entry) != 0) {
                failed++;
            }
        }
        // Not System.exit's usual 0: a failed entry would leave its language out of the archive, and the build says why.
        System.exit(failed == 0 ? 0 : 1);
    }
}
