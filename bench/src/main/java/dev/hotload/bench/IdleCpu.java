package dev.hotload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU a waiting hotload uses, read from {@code /proc}. */
final class IdleCpu {

    private IdleCpu() {
    }

    /** @return the CPU a process uses while it waits, in percent of one core, over {@code seconds} */
    static double percent(long pid, int seconds) throws IOException, InterruptedException {
        long before = ticks(pid);
        Thread.sleep(seconds * 1000L);
        return (ticks(pid) - before) / 100.0 / seconds * 100;
    }

    /** @return user plus system CPU time of a process, in clock ticks (1/100 s), from /proc */
    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
