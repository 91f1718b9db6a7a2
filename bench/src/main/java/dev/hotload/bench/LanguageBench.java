package dev.hotload.bench;

import dev.hotload.testsupport.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One language's figures (one compiler's, for Java): cold start, first output, the first five saves after start
 * and the saves after them, idle CPU, a big tree. {@link SoakBench} has the long session.
 */
final class LanguageBench {

    static final int BIG_TREE = 10_000;

    /**
     * A user's first save comes this long after the first output: the compiler's warm-up (CompilerWarmUp) has had
     * that long, no longer.
     */
    static final Duration FIRST_SAVE = Duration.ofSeconds(1);

    /** How many saves after start are measured apart: those the compiler's warm-up is meant to make fast. */
    static final int FIRST_SAVES = 5;

    /**
     * Every figure of one language.
     *
     * @param firstSaves the first {@link #FIRST_SAVES} saves after start, the first {@link #FIRST_SAVE} after the
     *     first output
     * @param saves the saves after 10 more that are not counted
     */
    record Result(Contender contender, double coldMillis, double firstOutputMillis, Latencies firstSaves, Latencies saves,
                  double idlePercent, Latencies bigTreeSaves, double bigTreeIdlePercent) {

        Language language() {
            return contender.language();
        }

        double speedUp() {
            return coldMillis / saves.median();
        }
    }

    private final MeasuredHotload hotload;
    private final int saves;
    private final int idleSeconds;

    LanguageBench(MeasuredHotload hotload, int saves, int idleSeconds) {
        this.hotload = hotload;
        this.saves = saves;
        this.idleSeconds = idleSeconds;
    }

    Result measure(Contender contender) throws Exception {
        Language language = contender.language();
        double cold = coldStart(language);
        try (Workspace workspace = new Workspace()) {
            Path entry = language.entryIn(workspace.dir);
            Files.writeString(entry, language.program(0));
            List<String> arguments = contender.arguments(List.of(entry.getFileName().toString()));
            try (MeasuredHotload.Running running = hotload.start(workspace.dir, arguments)) {
                double firstOutput = (running.await("Result: 0") - running.started()) / 1e6;
                Thread.sleep(FIRST_SAVE.toMillis());
                Saves session = new Saves(running, entry, language::program, 0);
                Latencies firstSaves = session.timed(0, FIRST_SAVES);
                Latencies latencies = session.timed(15 - FIRST_SAVES, saves);
                Thread.sleep(3000);
                double idle = IdleCpu.percent(running.pid(), idleSeconds);
                BigTree bigTree = bigTree(contender);
                return new Result(contender, cold, firstOutput, firstSaves, latencies, idle, bigTree.saves(),
                        bigTree.idlePercent());
            }
        }
    }

    /** @return the median time of 5 runs of the entry without hotload */
    private double coldStart(Language language) throws Exception {
        try (Workspace workspace = new Workspace()) {
            Files.writeString(language.entryIn(workspace.dir), language.program(0));
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Process process = new ProcessBuilder(ColdStart.command(language, hotload)).directory(workspace.dir.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException(ColdStart.command(language, hotload) + " failed");
                }
                times.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(times);
            return times.get(2);
        }
    }

    private record BigTree(Latencies saves, double idlePercent) {
    }

    /** The entry and a tree of {@link #BIG_TREE} data files beside it, all watched. */
    private BigTree bigTree(Contender contender) throws Exception {
        Language language = contender.language();
        try (Workspace workspace = new Workspace()) {
            Path entry = language.entryIn(workspace.dir);
            Files.writeString(entry, language.program(0));
            workspace.dataTree("data", BIG_TREE);
            List<String> arguments = contender.arguments(List.of("--watch", "data", "--ext", ".txt", entry.getFileName().toString()));
            try (MeasuredHotload.Running running = hotload.start(workspace.dir, arguments)) {
                running.await("Result: 0");
                Latencies latencies = new Saves(running, entry, language::program, 0).timed(15, saves);
                Thread.sleep(3000);
                return new BigTree(latencies, IdleCpu.percent(running.pid(), idleSeconds));
            }
        }
    }
}
