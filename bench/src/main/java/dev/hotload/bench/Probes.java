package dev.hotload.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the suite reads of a running hotload from outside: its CPU time, its live classes, its heap. */
final class Probes {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Probes() {
    }

    /** @return user plus system CPU time of a process, in clock ticks (1/100 s), from /proc */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** @return the CPU a process uses while it waits, in percent of one core, over {@code seconds} */
    static double idlePercent(long pid, int seconds) throws IOException, InterruptedException {
        long before = cpuTicks(pid);
        Thread.sleep(seconds * 1000L);
        return (cpuTicks(pid) - before) / 100.0 / seconds * 100;
    }

    /**
     * Runs a full GC in the process, then counts the classes held by class loaders of type {@code loaderClass}.
     * The JVM frees the data of loaders a collection found dead a moment later (seconds, on a busy machine), and
     * lists them till then: so it counts once the listed loaders are the live ones.
     */
    static long liveClasses(long pid, String loaderClass) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            long live = liveInstances(pid, loaderClass);
            long loaders = 0;
            long classes = 0;
            for (String line : jcmd(pid, "VM.classloader_stats").split("\n")) {
                String[] columns = line.trim().split("\\s+");
                if (line.trim().endsWith(loaderClass) && columns.length >= 7) {
                    loaders++;
                    classes += Long.parseLong(columns[3]);
                }
            }
            if (loaders <= live || System.nanoTime() > deadline) {
                return classes;
            }
            Thread.sleep(500);
        }
    }

    /** @return the heap in use right after a full GC, in KB */
    static long heapAfterGcKb(long pid) throws Exception {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        long total = 0;
        // The serial collector lists its young and its old generation, each with what it uses.
        while (used.find()) {
            total += Long.parseLong(used.group(1));
        }
        return total;
    }

    /** @return how many objects of {@code className} are alive, from a class histogram (which collects first) */
    private static long liveInstances(long pid, String className) throws Exception {
        for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 4 && columns[3].equals(className)) {
                return Long.parseLong(columns[1]);
            }
        }
        return 0;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process process = new ProcessBuilder(List.of("jcmd", String.valueOf(pid), command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }
}
