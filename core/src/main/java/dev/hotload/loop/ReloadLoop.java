package dev.hotload.loop;

import dev.hotload.watch.ChangeSet;
import dev.hotload.watch.FileWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The original hotload's loop on the JVM: run every step once, then again on every settled change.
 *
 * <p>Exception model, as in the original: an interrupt (Ctrl-C, {@link #stop()}) ends the loop, and the steps
 * are closed once, which runs their cleanup hooks; any other error is reported and the loop waits for the
 * next save. A loop runs once; build a new one to start again. Built {@linkplain Builder#stopOnShutdown to stop
 * on shutdown}, it also ends, and closes its steps, when the JVM shuts down while it runs (Ctrl-C, SIGTERM).
 *
 * <p>A step that fails does not keep the next steps from running (the terminal is cleared, the next module
 * reloaded), unless the next was added {@linkplain Builder#stepAfterSuccess after success}: {@code --run}'s
 * commands, which test what the program's run just made.
 */
public final class ReloadLoop {

    /** How often a waiting loop checks that it should still wait; stop() does not depend on it. */
    private static final Duration WAIT_SLICE = Duration.ofSeconds(10);

    private final FileWatcher watcher;
    private final List<Stage> stages;
    private final Reporter reporter;
    private final Duration shutdownGrace;
    private volatile ShutdownStop shutdownStop;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch firstRunDone = new CountDownLatch(1);
    private final Object lock = new Object();
    private volatile boolean stopping;
    private Thread runner;
    private boolean waiting;
    /** A run was asked for ({@link #runAgain()}) and has not started yet. */
    private boolean runAsked;

    private ReloadLoop(Builder builder) {
        this.watcher = builder.watcher;
        this.stages = List.copyOf(builder.stages);
        this.reporter = Objects.requireNonNull(builder.reporter, "reporter");
        this.shutdownGrace = builder.shutdownGrace;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the steps once and closes them: the {@code --once} mode.
     *
     * @return the run's exit status: 0 when every step succeeded
     */
    public int runOnce() {
        enter();
        try {
            return runSteps(ChangeSet.initial()).exitStatus();
        } catch (InterruptedException stopped) {
            return 130;
        } finally {
            leave();
        }
    }

    /** Runs the steps now and on every change, until {@link #stop()} or an interrupt. Blocks the calling thread. */
    public void run() {
        Objects.requireNonNull(watcher, "a loop that runs on every change needs a watcher");
        enter();
        try {
            runSteps(ChangeSet.initial());
            firstRunDone.countDown();
            while (!stopping) {
                ChangeSet changes = awaitChanges(WAIT_SLICE);
                if (!changes.isEmpty()) {
                    runSteps(changes);
                }
            }
        } catch (InterruptedException stopped) {
            // Ctrl-C or stop(): fall through to cleanup.
        } finally {
            leave();
        }
    }

    /**
     * Asks for a run of the steps with nothing saved (the terminal's Enter): at once if the loop waits for a save,
     * else after the current run. A run that starts meanwhile, for a save, answers the request. Any thread.
     */
    public void runAgain() {
        synchronized (lock) {
            runAsked = true;
            if (waiting && runner != null) {
                // The watcher's wait ends on an interrupt only; awaitChanges tells this one from stop()'s.
                runner.interrupt();
            }
        }
    }

    /** Asks the loop to end; a waiting loop ends at once, a running one after the current run. Any thread. */
    public void stop() {
        synchronized (lock) {
            stopping = true;
            if (waiting && runner != null) {
                runner.interrupt();
            }
        }
    }

    /**
     * Stops the loop and waits for its cleanup; if the current run does not end in time, interrupts it, and
     * if it still does not end, closes the steps and the watcher from this thread so cleanup hooks run all the same.
     *
     * @param grace how long to wait for the run to end, before and after interrupting it
     * @return whether the loop thread ended in time
     */
    public boolean stopAndAwait(Duration grace) throws InterruptedException {
        stop();
        if (finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        synchronized (lock) {
            if (runner != null) {
                runner.interrupt();
            }
        }
        if (finished.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        release();
        return false;
    }

    /** @return whether the loop waits for a change, rather than running its steps (a reload) */
    boolean isWaiting() {
        synchronized (lock) {
            return waiting;
        }
    }

    /**
     * Waits until the steps have run once, or the loop ended without: for what should not slow the first output
     * (a prompt, and the interpreter behind it). Any thread.
     */
    public void awaitFirstRun() throws InterruptedException {
        firstRunDone.await();
    }

    /** @return whether the loop has ended and its steps are closed */
    public boolean isFinished() {
        return finished.getCount() == 0;
    }

    /**
     * @return whether the JVM is shutting down and stopped this loop: the caller's thread then has little
     *     time left, and the process ends with the shutdown
     */
    public boolean isStoppedByShutdown() {
        ShutdownStop stop = shutdownStop;
        return stop != null && stop.hasFired();
    }

    private void enter() {
        synchronized (lock) {
            if (runner != null) {
                throw new IllegalStateException("a ReloadLoop runs once");
            }
            runner = Thread.currentThread();
        }
        if (shutdownGrace != null) {
            shutdownStop = ShutdownStop.register(this, reporter, shutdownGrace);
        }
    }

    private void leave() {
        release();
        firstRunDone.countDown();
        finished.countDown();
        if (shutdownStop != null) {
            shutdownStop.close();
        }
    }

    private ChangeSet awaitChanges(Duration timeout) throws InterruptedException {
        synchronized (lock) {
            if (stopping) {
                return ChangeSet.none();
            }
            if (runAsked) {
                return ChangeSet.requestedRun();
            }
            waiting = true;
        }
        try {
            return watcher.poll(timeout);
        } catch (InterruptedException interrupted) {
            synchronized (lock) {
                if (runAsked && !stopping) {
                    return ChangeSet.requestedRun();
                }
            }
            throw interrupted;
        } finally {
            synchronized (lock) {
                waiting = false;
                // An interrupt meant for the wait (stop(), runAgain()) must not leak into the steps.
                if (Thread.interrupted() && !stopping && !runAsked) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private Outcome runSteps(ChangeSet changes) throws InterruptedException {
        synchronized (lock) {
            // This run answers every request made before it started; one made during it gets a run of its own.
            runAsked = false;
        }
        // The time the user waits: from the moment the watcher noticed the save, not only the steps' own.
        long start = changes.noticed().orElse(System.nanoTime());
        Outcome outcome = runEachStep(changes);
        while (outcome.kind() == Outcome.Kind.INVALID && watcher != null) {
            // Nothing of the program ran: if the rest of the save follows, the save is run once, whole.
            ChangeSet rest = awaitChanges(watcher.restOfWrite());
            if (rest.isEmpty()) {
                break;
            }
            changes = changes.plus(rest);
            outcome = runEachStep(changes);
        }
        long took = System.nanoTime() - start;
        if (stopping && !outcome.isSuccess()) {
            // Ctrl-C ended the run too (a command it reached, a program's KeyboardInterrupt): not a failure to report.
            throw new InterruptedException("stopping");
        }
        reporter.ran(changes, outcome, Duration.ofNanos(took));
        return outcome;
    }

    private Outcome runEachStep(ChangeSet changes) throws InterruptedException {
        Outcome outcome = Outcome.ok();
        for (Stage stage : stages) {
            if (stopping) {
                throw new InterruptedException("stopping");
            }
            if (stage.afterSuccess() && !outcome.isSuccess()) {
                continue;
            }
            outcome = outcome.then(runStep(stage.step(), changes));
        }
        return outcome;
    }

    private Outcome runStep(Step step, ChangeSet changes) throws InterruptedException {
        try {
            return Objects.requireNonNull(step.run(changes), () -> step.describe() + " returned no outcome");
        } catch (InterruptedException stop) {
            throw stop;
        } catch (Throwable error) {
            // Whatever user code throws (even OutOfMemoryError or StackOverflowError) ends this run only.
            reporter.failed(step, error);
            return Outcome.failed(error.getClass().getSimpleName());
        }
    }

    /**
     * Closes the steps, which runs their cleanup, and the watcher: also from the thread that stops a loop whose run
     * goes on (a compile), since the JVM's exit waits 300 ms for a thread in native code, as the watcher's is.
     */
    private void release() {
        closeSteps();
        if (watcher != null) {
            watcher.close();
        }
    }

    private void closeSteps() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Stage stage : stages) {
            Step step = stage.step();
            if (step instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Throwable error) {
                    reporter.failed(step, error);
                }
            }
        }
    }

    /** A step, and whether it runs only when every step before it succeeded. */
    private record Stage(Step step, boolean afterSuccess) {
    }

    /** Collects the watcher, the steps and the reporter of a loop. */
    public static final class Builder {
        private FileWatcher watcher;
        private final List<Stage> stages = new ArrayList<>();
        private Reporter reporter = new StatusLine(System.err);
        private Duration shutdownGrace;

        private Builder() {
        }

        /** What to watch; not needed by {@link ReloadLoop#runOnce()}. */
        public Builder watcher(FileWatcher value) {
            watcher = value;
            return this;
        }

        /** A step that runs on every run, whatever the steps before it did. */
        public Builder step(Step step) {
            stages.add(new Stage(Objects.requireNonNull(step, "step"), false));
            return this;
        }

        /**
         * A step that runs only when every step before it {@linkplain Outcome#isSuccess succeeded}: a command run
         * after the program, which would only repeat a failure the user has already seen.
         */
        public Builder stepAfterSuccess(Step step) {
            stages.add(new Stage(Objects.requireNonNull(step, "step"), true));
            return this;
        }

        public Builder steps(List<? extends Step> values) {
            values.forEach(this::step);
            return this;
        }

        /** Where status lines go; standard error by default. */
        public Builder reporter(Reporter value) {
            reporter = value;
            return this;
        }

        /**
         * Stops the loop when the JVM shuts down while it runs, and says so on the reporter: "stopped", or
         * "stopped (the reload under way did not end in time)".
         *
         * @param grace how long the run in progress may take to end, before and after it is interrupted
         */
        public Builder stopOnShutdown(Duration grace) {
            shutdownGrace = Objects.requireNonNull(grace, "grace");
            return this;
        }

        public ReloadLoop build() {
            return new ReloadLoop(this);
        }
    }
}
