package dev.hotload.run;

import dev.hotload.loop.Outcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One generation's entry, running on a thread named {@code main} as under {@code java}: a thread of its own, or
 * a {@link Worker}'s. The session waits a little for it; an entry that has not returned by then (a server, a
 * render loop) goes on in the background, and reports for itself how it ends.
 */
final class EntryRun {

    private enum State { RUNNING, ENDED, IN_BACKGROUND }

    private final Entry entry;
    private final String label;
    private final TracePrinter tracePrinter;
    private final StandardStreams streams;
    private final PrintStream err;
    private Thread thread;
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Who reports the outcome: the waiting session if the entry ended in time, else the thread itself. */
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private volatile boolean stopping;
    private volatile Outcome outcome = Outcome.ok();

    private EntryRun(Entry entry, String label, TracePrinter tracePrinter, StandardStreams streams, PrintStream err) {
        this.entry = entry;
        this.label = label;
        this.tracePrinter = tracePrinter;
        this.streams = streams;
        this.err = err;
    }

    /**
     * @param label names the entry in messages: {@code main}, {@code hello.groovy}
     * @param streams the standard streams, whose program's side the run's end flushes
     * @param err where hotload's notes and the program's trace go
     * @param worker the thread to run it on, whose last run has ended; or null for a new thread of its own
     * @param group the group of a new thread: the threads the program starts are in it too
     * @return the entry, started
     */
    static EntryRun start(Entry entry, String label, ClassLoader generation, TracePrinter tracePrinter,
                          StandardStreams streams, PrintStream err, Worker worker, ThreadGroup group)
            throws InterruptedException {
        EntryRun run = new EntryRun(entry, label, tracePrinter, streams, err);
        if (worker != null) {
            run.thread = worker.take(run::run, generation);
        } else {
            run.thread = new Thread(group, run::run, "main");
            // The program's threads inherit it: hotload decides when the JVM ends, not a thread left running.
            run.thread.setDaemon(true);
            run.thread.setContextClassLoader(generation);
            run.thread.start();
        }
        return run;
    }

    /**
     * @param window how long to wait for the entry to return
     * @return how the entry ended, or empty if it still runs (it then reports its own end)
     */
    Optional<Outcome> await(Duration window) throws InterruptedException {
        boolean done = ended.await(window.toNanos(), TimeUnit.NANOSECONDS);
        if (!done && state.compareAndSet(State.RUNNING, State.IN_BACKGROUND)) {
            return Optional.empty();
        }
        ended.await(); // it ended just as the window closed: its outcome is moments away
        return Optional.of(outcome);
    }

    /** @return how the entry ended, once it has */
    Outcome await() throws InterruptedException {
        ended.await();
        return outcome;
    }

    /** @return the thread the entry runs on */
    Thread thread() {
        return thread;
    }

    /** @return whether the entry still runs */
    boolean isAlive() {
        return ended.getCount() > 0 && thread.isAlive();
    }

    /**
     * Interrupts the entry's thread and waits for it to end; what it throws on the way out is not reported.
     *
     * @return whether it ended within {@code timeout}
     */
    boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        thread.interrupt();
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Ends a thread that ignored the interrupt (a busy loop that never checks it, in Java or Groovy), as
     * {@link ForcedStop} can.
     *
     * @return whether it ended within {@code timeout}
     */
    boolean kill(Duration timeout) throws InterruptedException {
        stopping = true;
        return ForcedStop.of(thread) && ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void run() {
        try {
            outcome = entry.run();
        } catch (ExitRequest exit) {
            outcome = Outcome.exited(exit.status());
        } catch (Throwable error) {
            Optional<ExitRequest> exit = exitCausing(error);
            if (exit.isPresent()) {
                outcome = Outcome.exited(exit.get().status());
            } else {
                outcome = Outcome.failed(typeName(error));
                if (!stopping) {
                    printTrace(error);
                }
            }
        } finally {
            try {
                streams.flushProgram();
                if (!state.compareAndSet(State.RUNNING, State.ENDED) && !stopping) {
                    reportInBackground();
                }
            } finally {
                // Whatever happened above: a run that is not counted down is reported as running for good.
                ended.countDown();
            }
        }
    }

    /** @return the program's exit that {@code error} wraps; none if its causes cannot be asked (a getCause() that throws) */
    private static Optional<ExitRequest> exitCausing(Throwable error) {
        try {
            return ExitRequest.causing(error);
        } catch (RuntimeException | Error unaskable) {
            return Optional.empty();
        }
    }

    /** A language's printer that fails (on an exception no printer foresaw) still leaves one true line. */
    private void printTrace(Throwable error) {
        try {
            tracePrinter.print(error, err);
        } catch (RuntimeException | LinkageError | StackOverflowError failed) {
            err.println();
            err.println("hotload: " + label + " threw " + error.getClass().getName() + ", whose trace cannot be printed ("
                    + failed.getClass().getName() + ")");
        }
    }

    /** Nobody waits for this outcome any more: say how the program ended, unless it simply returned. */
    private void reportInBackground() {
        if (outcome.kind() == Outcome.Kind.EXITED) {
            err.println("hotload: " + label + " exited with status " + outcome.exitStatus());
        } else if (outcome.kind() == Outcome.Kind.FAILED) {
            err.println("hotload: " + label + " failed (" + outcome.detail() + "); waiting for the next save");
        }
    }

    /** @return the simple name of the error's class; an anonymous class has none, and is named in full */
    private static String typeName(Throwable error) {
        String simple = error.getClass().getSimpleName();
        return simple.isEmpty() ? error.getClass().getName() : simple;
    }
}
