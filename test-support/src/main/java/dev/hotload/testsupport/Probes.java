package dev.hotload.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test reads of a running JVM from outside: with the JDK's {@code jcmd}, its live classes and its heap; from
 * Linux's {@code /proc}, its resident memory and its threads.
 */
public final class Probes {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final long SETTLE_NANOS = 20_000_000_000L;

    private Probes() {
    }

    /**
     * Runs a full GC in the process, then counts the classes held by class loaders of type {@code loaderClass}.
     * The JVM frees the data of loaders a collection found dead a moment later (seconds, on a busy machine), and
     * lists them till then: so it counts once the listed loaders are the live ones, or after 20 s.
     *
     * @param pid the JVM's process id
     * @param loaderClass the class loaders' type, e.g. {@link Language#programLoader()}
     * @return the classes those loaders hold
     */
    public static long liveClasses(long pid, String loaderClass) throws Exception {
        long deadline = System.nanoTime() + SETTLE_NANOS;
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

    /**
     * @param pid the JVM's process id
     * @return the heap in use right after a full GC, in KB
     */
    public static long heapAfterGcKb(long pid) throws Exception {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        long total = 0;
        // The serial collector lists its young and its old generation, each with what it uses.
        while (used.find()) {
            total += Long.parseLong(used.group(1));
        }
        return total;
    }

    /** @return the process's resident memory, in KB */
    public static long residentKb(long pid) throws IOException {
        return status(pid, "VmRSS:");
    }

    /** @return how many threads the process has, the JVM's own included */
    public static long threads(long pid) throws IOException {
        return status(pid, "Threads:");
    }

    /** @return the number in the line of {@code /proc/PID/status} that starts with {@code field} */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
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

    /** Runs the jcmd of the JDK this JVM runs on: the one on the PATH may be older than hotload's JVM, or none. */
    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(List.of(jcmd.toString(), String.valueOf(pid), command))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }
}
