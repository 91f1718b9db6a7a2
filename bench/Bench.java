import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * hotload's figures, measured the way a user meets them: bin/hotload runs as a separate process, this program
 * saves the entry file and times the new output line on the process's standard output.
 *
 * <p>Run from the repository root: {@code bench/run} (or {@code java bench/Bench.java [saves] [idle-seconds]}).
 * Prints a Markdown table for the README.
 */
public class Bench {

    static final Path HOME = Path.of("").toAbsolutePath();
    static final Random RANDOM = new Random(42);

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.println("hotload benchmark on " + machine());
        System.out.println();
        Result python = python(saves, idleSeconds);
        System.out.println("| language | cold start without hotload | hotload first output | save to new output: median | p90 | max | reload vs cold start | idle CPU, waiting |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        System.out.println(python.row());
        System.out.println();
        System.out.printf(Locale.ROOT, "Idle CPU when forced to poll 144 times a second (--poll): %.2f %% of a core.%n",
                pollingIdle(idleSeconds));
    }

    /** What the original's design costs here: the same wait, scanning 144 times a second. */
    static double pollingIdle(int idleSeconds) throws Exception {
        Path dir = Files.createTempDirectory("hotload-bench");
        try {
            Path lib = dir.resolve("lib.py");
            Files.writeString(lib, program(0));
            return measure("polling", dir, lib, 1, 0, idleSeconds, "--poll").idlePercent();
        } finally {
            deleteTree(dir);
        }
    }

    record Result(String language, double coldMillis, double firstOutputMillis, List<Double> latencies, double idlePercent) {
        String row() {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double median = percentile(sorted, 50);
            return String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.1f ms | %.1f ms | %.1f ms | %.0fx faster | %.2f %% of a core |",
                    language, coldMillis, firstOutputMillis, median, percentile(sorted, 90), sorted.get(sorted.size() - 1),
                    coldMillis / median, idlePercent);
        }
    }

    static Result python(int saves, int idleSeconds) throws Exception {
        Path dir = Files.createTempDirectory("hotload-bench");
        try {
            Path lib = dir.resolve("lib.py");
            Files.writeString(lib, program(0));
            Path jython = Files.list(HOME.resolve("cli/target/lib"))
                    .filter(p -> p.getFileName().toString().startsWith("jython-standalone")).findFirst().orElseThrow();
            double cold = median(5, () -> timeToExit(dir, List.of("java", "-jar", jython.toString(), "lib.py")));
            return measure("Python (Jython 2.7)", dir, lib, cold, saves, idleSeconds);
        } finally {
            deleteTree(dir);
        }
    }

    static String program(int n) {
        return "x = " + n + "\nprint(\"Result: %d\" % x)\n";
    }

    static Result measure(String language, Path dir, Path entry, double cold, int saves, int idleSeconds,
                          String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/hotload").toString(), "--no-clear"));
        command.addAll(List.of(options));
        command.add(entry.getFileName().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process process = builder.start();
        BlockingQueue<long[]> lines = new LinkedBlockingQueue<>();
        List<String> texts = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    long at = System.nanoTime();
                    texts.add(line);
                    lines.add(new long[] {at, texts.size() - 1});
                }
            } catch (IOException ignored) {
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            long first = awaitLine(lines, texts, "Result: 0");
            double firstOutput = (first - start) / 1e6;
            int warmup = saves == 0 ? 0 : 15;
            List<Double> latencies = new ArrayList<>();
            for (int i = 1; i <= warmup + saves; i++) {
                // A person saves at a random moment, not in step with the watcher's scans.
                Thread.sleep(40 + RANDOM.nextInt(80));
                Files.writeString(entry, program(i));
                long saved = System.nanoTime();
                long shown = awaitLine(lines, texts, "Result: " + i);
                if (i > warmup) {
                    latencies.add((shown - saved) / 1e6);
                }
            }
            Thread.sleep(3000);
            long before = cpuTicks(process.pid());
            Thread.sleep(idleSeconds * 1000L);
            long after = cpuTicks(process.pid());
            double idle = (after - before) / 100.0 / idleSeconds * 100;
            return new Result(language, cold, firstOutput, latencies, idle);
        } finally {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    static long awaitLine(BlockingQueue<long[]> lines, List<String> texts, String wanted) throws InterruptedException {
        while (true) {
            long[] line = lines.poll(30, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("no output '" + wanted + "' within 30 s; output so far: " + texts);
            }
            if (texts.get((int) line[1]).equals(wanted)) {
                return line[0];
            }
        }
    }

    /** User plus system CPU time of a process, in clock ticks (1/100 s), from /proc. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    interface Timed {
        double run() throws Exception;
    }

    static double median(int runs, Timed timed) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(timed.run());
        }
        Collections.sort(times);
        return times.get(runs / 2);
    }

    static double timeToExit(Path dir, List<String> command) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 2)).orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + "Java " + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
