package dev.hotload.run;

import dev.hotload.KeptState;
import dev.hotload.loop.Outcome;
import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a program's entry, one run at a time, each on a thread of its own, whatever the language. Replacing a
 * run runs its {@link dev.hotload.Hotload#onUnload} hooks (each for at most {@link RunWaits#hook()}), interrupts
 * its thread if it still runs, waits up to {@link RunWaits#stop()} for it (then stops a thread that ignored the
 * interrupt), before the next run starts; the threads the run started meet the same end if they run its code
 * (see {@link ProgramThreads}).
 *
 * <p>How a run ends: the runner waits {@link RunWaits#running()} for the entry to return (to the end, for a
 * run with {@code --once}), and reports how it ended (returned, threw, called {@code System.exit}). An entry
 * still running by then (a server, a render loop) is reported as running in the background, and goes on until
 * it is replaced; that is said once per runner, for the first such run only.
 */
public final class EntryRunner implements AutoCloseable {

    private final String label;
    private final boolean once;
    private final TracePrinter tracePrinter;
    private final StandardStreams streams;
    private final PrintStream err;
    private final Threads threads;
    private final RunWaits waits;
    private final ProgramThreads programThreads;
    private EntryRun running;
    private ClassLoader runningLoader;
    private Worker worker;
    private boolean toldRunning;

    private EntryRunner(Builder builder) {
        this.label = builder.label;
        this.once = builder.once;
        this.tracePrinter = builder.tracePrinter;
        this.streams = builder.streams;
        this.err = builder.err != null ? builder.err : streams.err();
        this.threads = builder.threads;
        this.waits = builder.waits;
        this.programThreads = new ProgramThreads("hotload program " + label, err);
    }

    /**
     * @param label names the entry in messages: {@code main}, {@code hello.groovy}
     * @return a builder of a runner that prints with {@link TracePrinter#JVM} on standard error
     */
    public static Builder builder(String label) {
        return new Builder(label);
    }

    /** Which thread a run gets. */
    public enum Threads {
        /** A new one for each run: nothing a run leaves in thread-locals outlives its generation. */
        FRESH,
        /** The same one while runs end: for a runtime whose set-up of a thread is costly (Jython's). */
        REUSED
    }

    /**
     * Stops the running entry, then runs {@code entry}.
     *
     * @param next the class loader of the new generation: the entry thread's context class loader
     * @param entry what to run
     * @return how the run ended, or {@link Outcome#ok()} if it still runs after {@link RunWaits#running()}
     * @throws InterruptedException if interrupted while waiting (Ctrl-C): the entry goes on until closed
     */
    public Outcome replaceWith(ClassLoader next, Entry entry) throws InterruptedException {
        replaceCurrent();
        // Whatever the last run did to them: each run starts with working standard streams.
        streams.renew();
        KeptState.begin(next);
        running = EntryRun.start(entry, label, next, tracePrinter, streams, err, worker(), programThreads.group());
        runningLoader = next;
        Optional<Outcome> ended = once ? Optional.of(running.await()) : running.await(waits.running());
        if (ended.isPresent()) {
            // So that what runs until the next run (a compiler, hotload's own lines) finds working streams too.
            streams.renew();
        } else if (!toldRunning) {
            // Once per program: a prompt, a server or a long computation runs on at every save, and a line under
            // each of them, every time, says nothing new and breaks the prompt.
            toldRunning = true;
            err.println("hotload: " + label + " is still running after " + waits.running().toMillis()
                    + " ms; it goes on in the background until the next save (said once)");
        }
        return ended.orElse(Outcome.ok());
    }

    /**
     * Runs {@code task} on a thread among the program's, and waits for it. For a language runtime's cleanup of a
     * replaced generation: the JDK keeps some caches per thread group (the bean introspector's, which Groovy's
     * meta classes fill), and a flush reaches only those of the group it runs in: the program's, where its
     * threads filled them.
     *
     * @throws RuntimeException what {@code task} threw
     */
    public void amongProgramThreads(Runnable task) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(programThreads.group(), () -> {
            try {
                task.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "hotload cleanup");
        thread.setDaemon(true);
        thread.start();
        thread.join();
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }

    /** @return whether the last run still runs: the next {@link #replaceWith} stops it */
    public boolean isRunning() {
        return running != null && running.isAlive();
    }

    /**
     * @return whether the program still runs: the last run, or a thread the program started (a server's dispatcher
     *     outlives a {@code main} that started it and returned). Without hotload, such a program would not have ended.
     */
    public boolean isProgramRunning() {
        if (running == null) {
            return false;
        }
        // The run's own thread, and an idle worker, may be alive with the run ended: they are hotload's.
        return running.isAlive() || programThreads.anyAliveBut(running.thread(), worker == null ? null : worker.thread());
    }

    /** @return where the threads of the program from the last run are now */
    public ProgramStacks stacks() {
        if (running == null) {
            return ProgramStacks.NONE;
        }
        return programThreads.stacks(running.thread(), running.isAlive(), worker == null ? null : worker.thread());
    }

    /** Runs the unload hooks, stops a running entry (briefly: hotload is ending), and forgets kept state. */
    @Override
    public void close() {
        try {
            UnloadHooks.run(KeptState.end(), waits.close(), err, programThreads.group());
            if (isRunning()) {
                // Briefly: the JVM's end stops a thread that goes on anyway.
                running.stop(waits.close());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = null;
    }

    /** @return the worker for the next run, a new one after a run that would not end; or none */
    private Worker worker() {
        if (threads == Threads.REUSED && worker == null) {
            worker = new Worker(programThreads.group());
        }
        return worker;
    }

    /**
     * Runs the unload hooks and stops the running entry: interrupted, then, if it goes on, killed; and with it the
     * threads it left that run its code (see {@link ProgramThreads}), in the same time.
     */
    private void replaceCurrent() throws InterruptedException {
        if (running == null) {
            return;
        }
        UnloadHooks.run(KeptState.takeHooks(), waits.hook(), err, programThreads.group());
        ShutdownDeadline.reclaimSignals();
        long deadline = System.nanoTime() + waits.stop().toNanos();
        ProgramThreads.Left left = programThreads.leftBy(running.thread(), runningLoader);
        left.interrupt();
        if (running.isAlive()) {
            boolean ended = running.stop(waits.stop());
            boolean killed = !ended && running.kill(waits.kill());
            // Stopped while it printed, it may have left a line unfinished: the next output starts a new one.
            streams.endLines();
            if (!ended) {
                worker = null; // busy for good, or stopped: the next run gets a thread of its own
                err.println("hotload: the previous " + label + " did not end within " + waits.stop().toMillis()
                        + " ms of an interrupt; " + (killed ? "stopped it" : "it goes on running beside the new one"));
                if (!killed) {
                    programThreads.named(running.thread());
                }
            }
        }
        left.finish(deadline, waits.kill().toNanos(), err);
        running = null;
        runningLoader = null;
    }

    /** The options of a runner; all but the label have defaults. */
    public static final class Builder {
        private final String label;
        private boolean once;
        private TracePrinter tracePrinter = TracePrinter.JVM;
        private StandardStreams streams = StandardStreams.current();
        private PrintStream err;
        private Threads threads = Threads.FRESH;
        private RunWaits waits = RunWaits.DEFAULT;

        private Builder(String label) {
            this.label = Objects.requireNonNull(label, "label");
        }

        /** Whether there is a single run ({@code --once}), awaited to its end. */
        public Builder once(boolean value) {
            once = value;
            return this;
        }

        /** How the language shows an exception that ends a run. */
        public Builder tracePrinter(TracePrinter value) {
            tracePrinter = Objects.requireNonNull(value, "tracePrinter");
            return this;
        }

        /** The standard streams renewed before each run; {@link StandardStreams#current()} by default. */
        public Builder streams(StandardStreams value) {
            streams = Objects.requireNonNull(value, "streams");
            return this;
        }

        /** Where hotload's notes and the program's traces go; the streams' {@code err()} by default. */
        public Builder err(PrintStream value) {
            err = Objects.requireNonNull(value, "err");
            return this;
        }

        public Builder threads(Threads value) {
            threads = Objects.requireNonNull(value, "threads");
            return this;
        }

        /** How long the runner waits for a run; tests shorten them. */
        public Builder waits(RunWaits value) {
            waits = Objects.requireNonNull(value, "waits");
            return this;
        }

        public EntryRunner build() {
            RuntimeExitGuard.install();
            return new EntryRunner(this);
        }
    }
}
