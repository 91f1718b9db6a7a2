package dev.hotload.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Virtual time for the watchers' tests: it stands still but in pauses, and each pause moves it on by its length.
 * In the pauses it performs a script, the steps of a save: at most one step a pause, each once its delay after
 * the one before has passed. So each step happens between two looks of the watcher, on one thread, however
 * loaded the machine, and how long the watcher waited is read on this clock.
 */
final class SteppedClock implements WatchClock {

    /** One step of a save: a change to the files. */
    @FunctionalInterface
    interface Step {
        void perform() throws IOException;
    }

    private record Scheduled(long delayNanos, Step step) {
    }

    private final Queue<Scheduled> script = new ArrayDeque<>();
    private long now = Duration.ofDays(1).toNanos();
    private long lastStepAt = now;

    /** Performs {@code step} in the next pause. */
    SteppedClock then(Step step) {
        return after(Duration.ZERO, step);
    }

    /** Performs {@code step} in the first pause that ends {@code delay} or more after the step before. */
    SteppedClock after(Duration delay, Step step) {
        script.add(new Scheduled(delay.toNanos(), step));
        return this;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void pause(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("watcher stopped");
        }
        now += nanos;
        Scheduled next = script.peek();
        if (next != null && now - lastStepAt >= next.delayNanos()) {
            script.remove();
            lastStepAt = now;
            try {
                next.step().perform();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @return whether every step of the script was performed */
    boolean isDone() {
        return script.isEmpty();
    }

    /** @return the virtual time since the last step was performed */
    Duration sinceLastStep() {
        return Duration.ofNanos(now - lastStepAt);
    }

    /** @return the virtual time since {@code nanoTime}, a reading of this clock */
    Duration since(long nanoTime) {
        return Duration.ofNanos(now - nanoTime);
    }
}
