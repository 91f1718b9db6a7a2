package dev.hotload.jvm;

import dev.hotload.Generations;
import dev.hotload.loop.Outcome;
import dev.hotload.loop.StackTraces;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/**
 * Runs one generation of a program at a time, each on its own thread. Replacing a generation runs its
 * {@link dev.hotload.Hotload#onUnload} hooks, interrupts its thread if it still runs, and waits up to
 * {@link #STOP_WAIT} for it, before the next one starts.
 *
 * <p>How a run ends: the runner waits {@link #RUNNING_WINDOW} for the entry to return (to the end, for a run
 * with {@code --once}), and reports how it ended (returned, threw, called {@code System.exit}). An entry still
 * running by then (a server, a render loop) is reported as running in the background, and goes on until it is
 * replaced.
 */
public final class GenerationRunner implements AutoCloseable {

    public static final Duration RUNNING_WINDOW = Duration.ofMillis(500);
    public static final Duration STOP_WAIT = Duration.ofSeconds(2);
    /** Short: Ctrl-C must end hotload within a second, and the JVM's end stops the thread anyway. */
    static final Duration CLOSE_WAIT = Duration.ofMillis(250);
    /** How long a thread that ignored its interrupt gets to end once it is stopped. */
    private static final Duration KILL_WAIT = Duration.ofMillis(500);

    private final String label;
    private final boolean once;
    private final TracePrinter tracePrinter;
    private final PrintStream err;
    private final Threads threads;
    private EntryRun running;
    private Worker worker;

    /**
     * @param label names the entry in messages: {@code main}, {@code hello.groovy}
     * @param once whether there is a single run ({@code --once}), awaited to its end
     * @param tracePrinter how the language shows an exception that ends a run
     * @param err where hotload's notes and the program's traces go
     */
    public GenerationRunner(String label, boolean once, TracePrinter tracePrinter, PrintStream err) {
        this(label, once, tracePrinter, err, Threads.FRESH);
    }

    /**
     * @param label names the entry in messages: {@code main}, {@code hello.groovy}
     * @param once whether there is a single run ({@code --once}), awaited to its end
     * @param tracePrinter how the language shows an exception that ends a run
     * @param err where hotload's notes and the program's traces go
     * @param threads which thread each run gets
     */
    public GenerationRunner(String label, boolean once, TracePrinter tracePrinter, PrintStream err, Threads threads) {
        this.label = label;
        this.once = once;
        this.tracePrinter = tracePrinter;
        this.err = err;
        this.threads = threads;
    }

    /** Which thread a run gets. */
    public enum Threads {
        /** A new one for each run: nothing a run leaves in thread-locals outlives its generation. */
        FRESH,
        /** The same one while runs end: for a runtime whose set-up of a thread is costly (Jython's). */
        REUSED
    }

    /**
     * Stops the running generation, then runs {@code entry} of the next one.
     *
     * @param next the class loader of the new generation: the entry thread's context class loader
     * @param entry what to run
     * @return how the run ended, or {@link Outcome#ok()} if it still runs after {@link #RUNNING_WINDOW}
     * @throws InterruptedException if interrupted while waiting (Ctrl-C): the entry goes on until closed
     */
    public Outcome replaceWith(ClassLoader next, Entry entry) throws InterruptedException {
        replaceCurrent();
        Generations.begin(next);
        running = EntryRun.start(entry, label, next, tracePrinter, err, worker());
        Optional<Outcome> ended = once ? Optional.of(running.await()) : running.await(RUNNING_WINDOW);
        if (ended.isEmpty()) {
            err.println("hotload: " + label + " is still running after " + RUNNING_WINDOW.toMillis()
                    + " ms; it goes on in the background until the next save");
        }
        return ended.orElse(Outcome.ok());
    }

    /** Runs the unload hooks, stops a running entry (briefly: hotload is ending), and forgets kept state. */
    @Override
    public void close() {
        Generations.end().forEach(this::reportHookFailure);
        if (running != null && running.isAlive()) {
            try {
                // Briefly: the JVM's end stops a thread that goes on anyway.
                running.stop(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = null;
    }

    /** @return the worker for the next run, a new one after a run that would not end; or none */
    private Worker worker() {
        if (threads == Threads.REUSED && worker == null) {
            worker = new Worker();
        }
        return worker;
    }

    /** Runs the unload hooks and stops the running entry: interrupted, then, if it goes on, killed. */
    private void replaceCurrent() throws InterruptedException {
        if (running == null) {
            return;
        }
        Generations.unload().forEach(this::reportHookFailure);
        if (running.isAlive() && !running.stop(STOP_WAIT)) {
            worker = null; // busy for good, or stopped: the next run gets a thread of its own
            boolean killed = running.kill(KILL_WAIT);
            err.println("hotload: the previous " + label + " did not end within " + STOP_WAIT.toMillis()
                    + " ms of an interrupt; " + (killed ? "stopped it" : "it goes on running beside the new one"));
        }
        running = null;
    }

    private void reportHookFailure(Throwable failure) {
        err.print("hotload: an onUnload hook failed: ");
        StackTraces.print(failure, err);
    }
}
