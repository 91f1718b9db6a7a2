package dev.hotload.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/** Saves a file as a person does, and times each save to its new output line. */
final class Saves {

    private static final Random RANDOM = new Random(42);

    private final MeasuredHotload.Running hotload;
    private final Path file;
    private final IntFunction<String> program;
    private int next;

    /**
     * @param program the file's content for each number; the content for {@code n} prints {@code Result: n}
     * @param saved how many saves came before: the next one writes {@code saved + 1}
     */
    Saves(MeasuredHotload.Running hotload, Path file, IntFunction<String> program, int saved) {
        this.hotload = hotload;
        this.file = file;
        this.program = program;
        this.next = saved + 1;
    }

    /** @return the latencies of {@code count} saves at random moments, after {@code warmUp} more that are not counted */
    Latencies timed(int warmUp, int count) throws Exception {
        return timed(warmUp, count, Duration.ZERO);
    }

    /**
     * @param pause how long to wait before each save, beside the random moment: a restarted program that runs on is
     *     awaited half a second before hotload takes the next save, which a person's pace between edits leaves
     * @return the latencies of {@code count} saves, after {@code warmUp} more that are not counted
     */
    Latencies timed(int warmUp, int count, Duration pause) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmUp + count; i++) {
            Thread.sleep(pause.toMillis());
            double shown = atRandomMoment();
            if (i >= warmUp) {
                millis.add(shown);
            }
        }
        return new Latencies(millis);
    }

    /** @return milliseconds from a save, made after a random pause, to its output; {@link #count()} is its number */
    double atRandomMoment() throws Exception {
        // A person saves at a random moment, not in step with the watcher's scans.
        Thread.sleep(40 + RANDOM.nextInt(80));
        return save() / 1e6;
    }

    /** Saves {@code count} times, each as soon as the last save's output is shown: a long session, fast. */
    void burst(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            save();
        }
    }

    /** @return how many saves have been made */
    int count() {
        return next - 1;
    }

    /** @return nanoseconds from the save to its output */
    private long save() throws Exception {
        int n = next++;
        Files.writeString(file, program.apply(n));
        long saved = System.nanoTime();
        return hotload.await("Result: " + n) - saved;
    }
}
