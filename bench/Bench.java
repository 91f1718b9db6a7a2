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
import java.util.function.IntFunction;

/**
 * hotload's figures, measured the way a user meets them: bin/hotload runs as a separate process, this program
 * saves the entry file and times the new output line on the process's standard output.
 *
 * <p>Run from the repository root: {@code bench/run} (or {@code java bench/Bench.java [saves] [idle-seconds] [parts]},
 * parts a comma-separated choice of python, java, groovy, tree, poll).
 * Prints a Markdown table for the README.
 */
public class Bench {

    static final Path HOME = Path.of("").toAbsolutePath();
    static final Random RANDOM = new Random(42);

    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<String> parts = List.of((args.length > 2 ? args[2] : "python,java,groovy,tree,poll").split(","));
        System.out.println("hotload benchmark on " + machine());
        System.out.println();
        List<Result> results = new ArrayList<>();
        if (parts.contains("python")) {
            results.add(python(saves, idleSeconds));
        }
        if (parts.contains("java")) {
            results.add(java(saves, idleSeconds));
        }
        if (parts.contains("groovy")) {
            results.add(groovy(saves, idleSeconds));
        }
        System.out.println("| language | cold start without hotload | hotload first output | save to new output: median | p90 | max | reload vs cold start | idle CPU, waiting |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        results.forEach(result -> System.out.println(result.row()));
        System.out.println();
        if (parts.contains("tree")) {
            System.out.println(javaTree(saves).describe());
            System.out.println();
        }
        if (parts.contains("groovy")) {
            System.out.println(groovySoak());
            System.out.println();
        }
        if (parts.contains("poll")) {
            System.out.printf(Locale.ROOT, "Idle CPU when forced to poll 144 times a second (--poll): %.2f %% of a core.%n",
                    pollingIdle(idleSeconds));
        }
    }

    /** What the original's design costs here: the same wait, scanning 144 times a second. */
    static double pollingIdle(int idleSeconds) throws Exception {
        Path dir = Files.createTempDirectory("hotload-bench");
        try {
            Path lib = dir.resolve("lib.py");
            Files.writeString(lib, program(0));
            return measure("polling", dir, lib, Bench::program, 1, 0, idleSeconds, "--poll").idlePercent();
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
            Path jython = jar("jython-standalone");
            double cold = median(5, () -> timeToExit(dir, List.of("java", "-jar", jython.toString(), "lib.py")));
            return measure("Python (Jython 2.7)", dir, lib, Bench::program, cold, saves, idleSeconds);
        } finally {
            deleteTree(dir);
        }
    }

    static String program(int n) {
        return "x = " + n + "\nprint(\"Result: %d\" % x)\n";
    }

    static Result measure(String language, Path dir, Path entry, IntFunction<String> program, double cold, int saves,
                          int idleSeconds, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(options));
        command.add(entry.getFileName().toString());
        Running hotload = Running.start(dir, command);
        try {
            long first = awaitLine(hotload.lines(), hotload.texts(), "Result: 0");
            double firstOutput = (first - hotload.start()) / 1e6;
            List<Double> latencies = saves(hotload, entry, program, saves == 0 ? 0 : 15, saves);
            Thread.sleep(3000);
            long before = cpuTicks(hotload.process().pid());
            Thread.sleep(idleSeconds * 1000L);
            long after = cpuTicks(hotload.process().pid());
            double idle = (after - before) / 100.0 / idleSeconds * 100;
            return new Result(language, cold, firstOutput, latencies, idle);
        } finally {
            hotload.stop();
        }
    }

    /** @return the latencies of {@code saves} saves of {@code file}, after {@code warmup} more that are not counted */
    static List<Double> saves(Running hotload, Path file, IntFunction<String> program, int warmup, int saves)
            throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 1; i <= warmup + saves; i++) {
            // A person saves at a random moment, not in step with the watcher's scans.
            Thread.sleep(40 + RANDOM.nextInt(80));
            Files.writeString(file, program.apply(i));
            long saved = System.nanoTime();
            long shown = awaitLine(hotload.lines(), hotload.texts(), "Result: " + i);
            if (i > warmup) {
                latencies.add((shown - saved) / 1e6);
            }
        }
        return latencies;
    }

    /** A bin/hotload process, and its standard output's lines with the moment each was read. */
    record Running(Process process, long start, BlockingQueue<long[]> lines, List<String> texts) {

        static Running start(Path dir, List<String> arguments) throws IOException {
            List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/hotload").toString(), "--no-clear"));
            command.addAll(arguments);
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
            return new Running(process, start, lines, texts);
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    static Result java(int saves, int idleSeconds) throws Exception {
        Path dir = Files.createTempDirectory("hotload-bench");
        try {
            Path lib = dir.resolve("Lib.java");
            Files.writeString(lib, javaProgram(0));
            // The JDK's own way to run a source file without a build: compile in memory, then run.
            double cold = median(5, () -> timeToExit(dir, List.of("java", "Lib.java")));
            return measure("Java", dir, lib, Bench::javaProgram, cold, saves, idleSeconds);
        } finally {
            deleteTree(dir);
        }
    }

    static Result groovy(int saves, int idleSeconds) throws Exception {
        Path dir = Files.createTempDirectory("hotload-bench");
        try {
            Path lib = dir.resolve("lib.groovy");
            Files.writeString(lib, groovyProgram(0));
            // What Groovy's own launcher runs: groovy lib.groovy
            double cold = median(5, () -> timeToExit(dir, List.of("java", "-cp", jar("groovy-").toString(),
                    "groovy.ui.GroovyMain", "lib.groovy")));
            return measure("Groovy", dir, lib, Bench::groovyProgram, cold, saves, idleSeconds);
        } finally {
            deleteTree(dir);
        }
    }

    static String groovyProgram(int n) {
        return "def x = " + n + "\nprintln \"Result: $x\"\n";
    }

    /** A script with a helper class and closures, saved again and again: the classes alive after a full GC. */
    static String groovySoak() throws Exception {
        Path dir = Files.createTempDirectory("hotload-bench");
        try {
            Files.writeString(dir.resolve("Point.groovy"), "class Point { int x, y\n String toString() { \"($x, $y)\" } }\n");
            Path main = dir.resolve("main.groovy");
            IntFunction<String> program = n -> "def points = (1..3).collect { new Point(x: it, y: it * " + n + ") }\n"
                    + "println \"Result: ${points.sum { it.y } / 6 as int}\"\n";
            Files.writeString(main, program.apply(0));
            Running hotload = Running.start(dir, List.of("main.groovy"));
            try {
                awaitLine(hotload.lines(), hotload.texts(), "Result: 0");
                int first = 100;
                int more = 900;
                for (int i = 1; i <= first; i++) {
                    Files.writeString(main, program.apply(i));
                    awaitLine(hotload.lines(), hotload.texts(), "Result: " + i);
                }
                long live = liveProgramClasses(hotload.process().pid());
                for (int i = first + 1; i <= first + more; i++) {
                    Files.writeString(main, program.apply(i));
                    awaitLine(hotload.lines(), hotload.texts(), "Result: " + i);
                }
                long liveAfterMore = liveProgramClasses(hotload.process().pid());
                return String.format(Locale.ROOT, "Groovy, a script and its helper class: program classes alive after a"
                        + " full GC: %d after %d reloads, %d after %d reloads.", live, first, liveAfterMore, first + more);
            } finally {
                hotload.stop();
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** @return the jar in hotload's class path whose name starts with {@code prefix} */
    static Path jar(String prefix) throws IOException {
        try (var jars = Files.list(HOME.resolve("cli/target/lib"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    static String javaProgram(int n) {
        return "public class Lib {\n    public static void main(String[] args) {\n        int x = " + n + ";\n"
                + "        System.out.println(\"Result: \" + x);\n    }\n}\n";
    }

    /**
     * One leaf edited in a tree of 500 classes (Main calls Registry, which calls User0..249, each calling its
     * Leaf), and how many of the program's classes are alive after a full GC as reloads add up.
     */
    record JavaTree(List<Double> latencies, int reloads, long liveClasses, int moreReloads, long liveClassesAfterMore) {
        String describe() {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return String.format(Locale.ROOT, "Java, one leaf edited in a tree of 502 classes: save to new output median"
                    + " %.1f ms, p90 %.1f ms, max %.1f ms. Program classes alive after a full GC: %d after %d reloads,"
                    + " %d after %d reloads.", percentile(sorted, 50), percentile(sorted, 90),
                    sorted.get(sorted.size() - 1), liveClasses, reloads, liveClassesAfterMore, reloads + moreReloads);
        }
    }

    static JavaTree javaTree(int saves) throws Exception {
        Path dir = Files.createTempDirectory("hotload-bench");
        try {
            int users = 250;
            StringBuilder registry = new StringBuilder("class Registry {\n    static int total() {\n        int total = 0;\n");
            for (int i = 0; i < users; i++) {
                Files.writeString(dir.resolve("Leaf" + i + ".java"), leaf(i, i));
                Files.writeString(dir.resolve("User" + i + ".java"),
                        "class User" + i + " {\n    static int use() {\n        return Leaf" + i + ".value();\n    }\n}\n");
                registry.append("        total += User").append(i).append(".use();\n");
            }
            Files.writeString(dir.resolve("Registry.java"), registry.append("        return total;\n    }\n}\n").toString());
            Files.writeString(dir.resolve("Main.java"), "public class Main {\n    public static void main(String[] args) {\n"
                    + "        Registry.total();\n        System.out.println(\"Result: \" + User0.use());\n    }\n}\n");
            Running hotload = Running.start(dir, List.of("Main.java"));
            try {
                awaitLine(hotload.lines(), hotload.texts(), "Result: 0");
                Path leaf = dir.resolve("Leaf0.java");
                List<Double> latencies = saves(hotload, leaf, n -> leaf(0, n), 15, saves);
                long live = liveProgramClasses(hotload.process().pid());
                int more = 100;
                for (int i = 15 + saves + 1; i <= 15 + saves + more; i++) {
                    Files.writeString(leaf, leaf(0, i));
                    awaitLine(hotload.lines(), hotload.texts(), "Result: " + i);
                }
                return new JavaTree(latencies, 15 + saves, live, more, liveProgramClasses(hotload.process().pid()));
            } finally {
                hotload.stop();
            }
        } finally {
            deleteTree(dir);
        }
    }

    static String leaf(int i, int value) {
        return "class Leaf" + i + " {\n    static int value() {\n        return " + value + ";\n    }\n}\n";
    }

    /**
     * Runs a full GC in the process, then counts the classes its generations' class loaders hold. The JVM frees
     * the data of loaders a collection found dead a moment later (seconds, on a busy machine), and lists them
     * till then: so it counts once the listed loaders are the live ones.
     */
    static long liveProgramClasses(long pid) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            run(List.of("jcmd", String.valueOf(pid), "GC.run"));
            long live = liveInstances(pid, GENERATION);
            long loaders = 0;
            long classes = 0;
            for (String line : run(List.of("jcmd", String.valueOf(pid), "VM.classloader_stats")).split("\n")) {
                String[] columns = line.trim().split("\\s+");
                if (line.trim().endsWith(GENERATION) && columns.length >= 7) {
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

    static final String GENERATION = "dev.hotload.jvm.Generation";

    /** @return how many objects of {@code className} are alive, from a class histogram (which collects first) */
    static long liveInstances(long pid, String className) throws Exception {
        for (String line : run(List.of("jcmd", String.valueOf(pid), "GC.class_histogram")).split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 4 && columns[3].equals(className)) {
                return Long.parseLong(columns[1]);
            }
        }
        return 0;
    }

    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
        return output;
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
