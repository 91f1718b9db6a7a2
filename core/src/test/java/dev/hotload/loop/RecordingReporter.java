package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the loop reported, for tests to read from any thread. */
final class RecordingReporter implements Reporter {

    record Run(ChangeSet changes, Outcome outcome) {
    }

    record Failure(Step step, Throwable error) {
    }

    final List<Run> runs = new CopyOnWriteArrayList<>();
    /** How long each run took, as reported. */
    final List<Duration> took = new CopyOnWriteArrayList<>();
    final List<Failure> failures = new CopyOnWriteArrayList<>();
    final List<String> said = new CopyOnWriteArrayList<>();

    @Override
    public void ran(ChangeSet changes, Outcome outcome, Duration took) {
        this.took.add(took);
        runs.add(new Run(changes, outcome));
    }

    @Override
    public void failed(Step step, Throwable error) {
        failures.add(new Failure(step, error));
    }

    @Override
    public void say(String message) {
        said.add(message);
    }
}
