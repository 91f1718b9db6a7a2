package dev.hotload.loop;

import java.time.Duration;

/**
 * Stops a loop when the JVM shuts down, for as long as the loop runs. Ctrl-C and SIGTERM run the JVM's shutdown
 * hooks and nothing more (Jython turns Ctrl-C into no KeyboardInterrupt either): this hook stops the loop there,
 * so that its steps are closed, and their cleanup runs, once before the process ends.
 */
final class ShutdownStop implements AutoCloseable {

    final Thread hook;
    private final ReloadLoop loop;
    private final Reporter reporter;
    private final Duration grace;
    private volatile boolean fired;

    private ShutdownStop(ReloadLoop loop, Reporter reporter, Duration grace) {
        this.loop = loop;
        this.reporter = reporter;
        this.grace = grace;
        this.hook = new Thread(this::stop, "hotload-stop");
    }

    /**
     * Registers a hook that stops {@code loop} if the JVM shuts down before {@link #close()}.
     *
     * @param grace how long the loop's run may take to end, before and after it is interrupted
     */
    static ShutdownStop register(ReloadLoop loop, Reporter reporter, Duration grace) {
        ShutdownStop stop = new ShutdownStop(loop, reporter, grace);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** @return whether the JVM is shutting down and this hook stopped the loop */
    boolean hasFired() {
        return fired;
    }

    /** What the hook does: ends the loop, lets its cleanup run once, and says so. */
    void stop() {
        if (loop.isFinished()) {
            return;
        }
        // Before the loop ends: whoever waits on the loop must know why it ended.
        fired = true;
        // What keeps the loop from ending: the reload it runs, or, while it waits, closing the program (its runs,
        // its unload and exit hooks: Python's atexit).
        boolean reloading = !loop.isWaiting();
        boolean ended;
        try {
            ended = loop.stopAndAwait(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            reporter.say(ended ? "stopped" : reloading ? "stopped (the reload under way did not end in time)"
                    : "stopped (the program did not end in time)");
        } catch (RuntimeException closedStream) {
            // An embedding interpreter's stderr may already be closed by its own shutdown hook.
        }
    }

    /** Removes the hook: the loop has ended by itself. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: it is what stopped the loop.
        }
    }
}
