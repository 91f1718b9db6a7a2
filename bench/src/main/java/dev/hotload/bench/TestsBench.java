package dev.hotload.bench;

import dev.hotload.testsupport.NestedMaven;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code hotload --test} in a copy of {@code examples/tests}: a save of {@code Greeting.java}, which one test class
 * uses, to the status line that sums up its tests; beside the same save under {@code --test-all} (the whole suite,
 * in the same warm JVM) and beside {@code mvn -q test -Dtest=GreetingTest}, as users run one test class today (a
 * Maven, then a surefire JVM, per run), in one run.
 */
final class TestsBench {

    /** Save to the summary: the affected test class, every test class, Maven's one test class. */
    record Result(Latencies affected, Latencies wholeSuite, Latencies maven) {
    }

    private static final Random RANDOM = new Random(42);

    private final MeasuredHotload hotload;
    private final int saves;

    TestsBench(MeasuredHotload hotload, int saves) {
        this.hotload = hotload;
        this.saves = saves;
    }

    Result measure() throws Exception {
        try (Workspace workspace = new Workspace()) {
            Path project = NestedMaven.copy(hotload.home().resolve("examples/tests"), workspace.dir.resolve("tests"));
            Path greeting = project.resolve("src/main/java/calc/Greeting.java");
            String source = Files.readString(greeting);
            int[] saved = {0};
            Latencies affected = timed(project, "--test", "1 test passed in", greeting, source, saved, 5, saves);
            // Each run of the whole suite waits for its slow test's two seconds: a few are enough.
            Latencies whole = timed(project, "--test-all", "8 tests passed in", greeting, source, saved, 1, Math.min(saves, 5));
            List<Double> maven = new ArrayList<>();
            for (int n = 0; n <= Math.min(saves, 5); n++) {
                Files.writeString(greeting, source + "// save " + ++saved[0] + "\n");
                long start = System.nanoTime();
                Process run = new ProcessBuilder("mvn", "-q", "-B", "test", "-Dtest=GreetingTest")
                        .directory(project.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (run.waitFor() != 0) {
                    throw new IllegalStateException("mvn test -Dtest=GreetingTest failed in " + project);
                }
                if (n > 0) {
                    maven.add((System.nanoTime() - start) / 1e6); // the first compiles from nothing
                }
            }
            return new Result(affected, whole, new Latencies(maven));
        }
    }

    /** @return milliseconds from each save of {@code file} to hotload's line containing {@code summary} */
    private Latencies timed(Path project, String option, String summary, Path file, String source, int[] saved,
            int warmUp, int count) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (MeasuredHotload.Running running = hotload.startReadingItsLines(project, List.of(option))) {
            running.awaitContaining("tests passed in"); // the first run's, of every test
            for (int i = 0; i < warmUp + count; i++) {
                // A person saves at a random moment, not in step with the watcher.
                Thread.sleep(40 + RANDOM.nextInt(80));
                Files.writeString(file, source + "// save " + ++saved[0] + "\n");
                long start = System.nanoTime();
                double took = (running.awaitContaining("Greeting.java changed, " + summary) - start) / 1e6;
                if (i >= warmUp) {
                    millis.add(took);
                }
            }
        }
        return new Latencies(millis);
    }
}
