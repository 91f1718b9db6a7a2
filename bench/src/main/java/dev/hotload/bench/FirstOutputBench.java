package dev.hotload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * From starting {@code bin/hotload} on an example to the program's first line, and where that time goes: each
 * launch variant (a JDK, its class-data archive or AOT cache) started in turn, so that they share the machine's
 * moments. The phases come from the JVM's own log of class loading ({@code -Xlog:class+load}, on the same clock
 * as the bench): the first class of each phase marks its start. Logged starts are apart from the timed ones, the
 * log costing a little time of its own. An AOT cache loads its classes at the JVM's start, before hotload's main:
 * there the phases after the JVM's start say little, and the first output is the figure to compare.
 */
final class FirstOutputBench {

    /** An example and the classes that mark its phases; a null compiler means the language has no init apart. */
    enum Example {
        PYTHON("Python (Jython 2.7)", "python/lib.py", "org.python.core.PySystemState", "org.python.compiler.Module",
                "org.python.pycode._pyx"),
        JAVA("Java", "java/hello/Hello.java", "com.sun.tools.javac.api.JavacTool", null, "Hello"),
        GROOVY("Groovy", "groovy/greeter/main.groovy", "org.codehaus.groovy.control.CompilationUnit", null, "main");

        final String title;
        final String entry;
        final String runtime;
        final String compiler;
        final String program;

        Example(String title, String entry, String runtime, String compiler, String program) {
            this.title = title;
            this.entry = entry;
            this.runtime = runtime;
            this.compiler = compiler;
            this.program = program;
        }

        /** @return whether {@code className} is the program's first class (Jython numbers its code classes) */
        boolean isProgram(String className) {
            return this == PYTHON ? className.startsWith(program) : className.equals(program);
        }
    }

    /** How bin/hotload is started: a name for the table, and what is added to its environment. */
    record Variant(String name, Map<String, String> environment) {
    }

    /** Milliseconds of each phase, from the process's start; {@code runtimeInit} is NaN where the language has none. */
    record Phases(double jvmStart, double hotloadStart, double runtimeInit, double firstCompile, double firstRun,
                  int classes, int archived) {
    }

    /** One example under one variant: the medians. */
    record Result(Example example, Variant variant, Phases phases, double firstOutput) {
    }

    /** Where a second JDK is looked for, unless HOTLOAD_BENCH_JDK names one: JDK 24 and later have an AOT cache. */
    static final Path SECOND_JDK = Path.of(System.getenv().getOrDefault("HOTLOAD_BENCH_JDK",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));

    /**
     * @return the launches compared: the java on PATH without class data of hotload's and with its archive; and where
     *     {@link #SECOND_JDK} is, that JDK without (as before: the archive was only ever made for the build's java), with
     *     its archive, and with its AOT cache
     */
    static List<Variant> variants() throws IOException {
        String jdk = "JDK " + Runtime.version().feature();
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant(jdk + ", no class data", Map.of("HOTLOAD_CLASS_DATA", "off")),
                new Variant(jdk + ", archive", Map.of())));
        Path java = SECOND_JDK.resolve("bin/java");
        if (Files.isExecutable(java)) {
            String second = "JDK " + releaseVersion(SECOND_JDK);
            variants.add(new Variant(second + ", no class data (before)", Map.of("JAVA", java.toString(), "HOTLOAD_CLASS_DATA", "off")));
            variants.add(new Variant(second + ", archive", Map.of("JAVA", java.toString(), "HOTLOAD_CLASS_DATA", "archive")));
            variants.add(new Variant(second + ", AOT cache", Map.of("JAVA", java.toString(), "HOTLOAD_CLASS_DATA", "aot")));
        }
        return variants;
    }

    /** @return the feature version in a JDK's release file: 25 */
    private static String releaseVersion(Path jdk) throws IOException {
        return Files.readAllLines(jdk.resolve("release")).stream()
                .filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
                .map(line -> line.replaceAll("^JAVA_VERSION=\"?(\\d+).*", "$1")).orElse("?");
    }

    private final MeasuredHotload hotload;
    private final int starts;

    FirstOutputBench(MeasuredHotload hotload, int starts) {
        this.hotload = hotload;
        this.starts = starts;
    }

    List<Result> measure(List<Variant> variants) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Example example : Example.values()) {
            Map<Variant, List<Double>> timed = new HashMap<>();
            Map<Variant, List<Phases>> logged = new HashMap<>();
            for (int i = 0; i < starts; i++) {
                for (Variant variant : variants) {
                    timed.computeIfAbsent(variant, v -> new ArrayList<>()).add(firstOutput(example, variant));
                    logged.computeIfAbsent(variant, v -> new ArrayList<>()).add(phases(example, variant));
                }
            }
            for (Variant variant : variants) {
                results.add(new Result(example, variant, medianPhases(logged.get(variant)), median(timed.get(variant))));
            }
        }
        return results;
    }

    private double firstOutput(Example example, Variant variant) throws Exception {
        try (Workspace workspace = copy(example);
             MeasuredHotload.Running running = hotload.start(workspace.dir, List.of(entryName(example)), variant.environment())) {
            return (running.awaitFirst() - running.started()) / 1e6;
        }
    }

    private Phases phases(Example example, Variant variant) throws Exception {
        try (Workspace workspace = copy(example)) {
            Path log = workspace.dir.resolve("classes.log");
            Map<String, String> environment = new HashMap<>(variant.environment());
            environment.merge("HOTLOAD_JAVA_OPTS", "-Xlog:class+load:file=" + log + ":timenanos", (a, b) -> a + " " + b);
            long started;
            long output;
            try (MeasuredHotload.Running running = hotload.start(workspace.dir, List.of(entryName(example)), environment)) {
                output = running.awaitFirst();
                started = running.started();
            }
            return ClassLoadLog.read(log, output).phases(example, started, output);
        }
    }

    private Workspace copy(Example example) throws IOException {
        Workspace workspace = new Workspace();
        Path folder = hotload.home().resolve("examples").resolve(example.entry).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, workspace.dir.resolve(file.getFileName()));
            }
        }
        return workspace;
    }

    private static String entryName(Example example) {
        return Path.of(example.entry).getFileName().toString();
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static Phases medianPhases(List<Phases> all) {
        return new Phases(median(all.stream().map(Phases::jvmStart).toList()),
                median(all.stream().map(Phases::hotloadStart).toList()),
                median(all.stream().map(Phases::runtimeInit).toList()),
                median(all.stream().map(Phases::firstCompile).toList()),
                median(all.stream().map(Phases::firstRun).toList()),
                (int) median(all.stream().map(p -> (double) p.classes()).toList()),
                (int) median(all.stream().map(p -> (double) p.archived()).toList()));
    }
}
