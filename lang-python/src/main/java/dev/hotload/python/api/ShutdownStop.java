package dev.hotload.python.api;

import dev.hotload.loop.ReloadLoop;
import dev.hotload.loop.Reporter;
import java.time.Duration;

/**
 * Stops a loop when the JVM shuts down, for as long as the loop runs. Jython turns Ctrl-C into no
 * KeyboardInterrupt: the JVM's default SIGINT handler shuts the JVM down, and only its shutdown hooks run. This
 * hook stops the loop there, so that its steps are closed (their cleanup runs) once before the process ends.
 */
final class ShutdownStop implements AutoCloseable {

    /**
     * How long a thread whose loop the shutdown stopped waits for the JVM to halt. Returning at once would run
     * the rest of the caller's script while the JVM tears down its streams; bounded, so that a host whose own
     * shutdown waits on this thread is only delayed.
     */
    private static final Duration AWAIT_HALT = Duration.ofSeconds(5);

    private final Thread hook;
    private volatile boolean fired;

    private ShutdownStop(ReloadLoop loop, Reporter status, Duration grace) {
        this.hook = new Thread(() -> {
            fired = true;
            stop(loop, grace);
            try {
                status.say("stopped");
            } catch (RuntimeException closedStream) {
                // The interpreter's stderr may already be closed by Jython's own shutdown hook.
            }
        }, "hotload-shutdown");
    }

    /** Registers a hook that stops {@code loop} if the JVM shuts down before {@link #close()}. */
    static ShutdownStop register(ReloadLoop loop, Reporter status, Duration grace) {
        ShutdownStop stop = new ShutdownStop(loop, status, grace);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** @return whether the JVM is shutting down and this hook stopped the loop */
    boolean hasFired() {
        return fired;
    }

    /** Waits (bounded) for the shutdown that stopped the loop to end the process. */
    void awaitHalt() {
        try {
            Thread.sleep(AWAIT_HALT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    static void stop(ReloadLoop loop, Duration grace) {
        try {
            loop.stopAndAwait(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
