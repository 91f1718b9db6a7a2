package dev.hotload.bench;

import dev.hotload.testsupport.NestedMaven;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mvn hotload:run} in a copy of {@code examples/maven}: a save of core's {@code Greeting.java} to app's new
 * output, beside the same edit followed by what a user runs again without hotload, {@code mvn -q compile exec:java}
 * (both modules compiled, a new JVM), in one run. Maven runs on the local repository that {@code bench/run}
 * installs the plugin into (the end-to-end tests' own), with this machine's as its one remote.
 */
final class MavenBench {

    /** One figure per side: save to the new output line. */
    record Result(Latencies hotload, Latencies execJava) {
    }

    private final MeasuredHotload hotload;
    private final int saves;

    MavenBench(MeasuredHotload hotload, int saves) {
        this.hotload = hotload;
        this.saves = saves;
    }

    Result measure() throws Exception {
        try (Workspace workspace = new Workspace()) {
            Path project = NestedMaven.copy(hotload.home().resolve("examples/maven"), workspace.dir.resolve("greeter"));
            Path greeting = project.resolve("core/src/main/java/com/acme/core/Greeting.java");
            Files.writeString(greeting, greeting(0));
            List<String> maven = NestedMaven.command(workspace.dir, hotload.home().resolve("maven-plugin/target/it-repo"),
                    Path.of(System.getProperty("user.home"), ".m2", "repository"));
            Latencies reloads;
            List<String> run = new ArrayList<>(maven);
            run.add("hotload:run");
            try (MeasuredHotload.Running running = MeasuredHotload.startCommand(project, run)) {
                running.await("Result: 0");
                reloads = new Saves(running, greeting, MavenBench::greeting, 0).timed(5, saves);
            }
            // A run of exec:java takes seconds: a few are enough.
            List<Double> restarts = new ArrayList<>();
            List<String> again = new ArrayList<>(maven);
            again.addAll(List.of("compile", "exec:java"));
            for (int n = 1; n <= Math.min(saves, 5) + 1; n++) {
                Files.writeString(greeting, greeting(1000 + n));
                long saved = System.nanoTime();
                try (MeasuredHotload.Running running = MeasuredHotload.startCommand(project, again)) {
                    double millis = (running.await("Result: " + (1000 + n)) - saved) / 1e6;
                    if (n > 1) {
                        restarts.add(millis); // the first compiles from nothing
                    }
                }
            }
            return new Result(reloads, new Latencies(restarts));
        }
    }

    /** @return core's Greeting, which app prints, saying {@code Result: n} */
    static String greeting(int n) {
        return """
                package com.acme.core;

                import com.google.common.base.Strings;
                import java.util.List;

                public final class Greeting {

                    private Greeting() {
                    }

                    public static String of(List<String> names) {
                        return Strings.nullToEmpty("Result: %d");
                    }
                }
                """.formatted(n);
    }
}
