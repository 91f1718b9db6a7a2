package dev.hotload.python.api;

import dev.hotload.loop.ReloadLoop;
import java.time.Duration;

/** A hotload loop running on its own thread, as {@code hotload.start()} returns it. */
public final class BackgroundHotload {

    private final ReloadLoop loop;
    private final Thread thread;

    BackgroundHotload(ReloadLoop loop, Thread thread) {
        this.loop = loop;
        this.thread = thread;
    }

    /**
     * Stops the loop, closes its steps once (their cleanup), and waits for its thread to end. A run in progress
     * is interrupted after a grace period; bounded, so a step stuck in a busy loop cannot hang the caller.
     *
     * @return whether the loop's thread has ended
     */
    public boolean stop() throws InterruptedException {
        loop.stopAndAwait(PythonHotload.STOP_GRACE);
        thread.join(PythonHotload.STOP_GRACE.toMillis());
        return !thread.isAlive();
    }

    /** @return whether the loop is still running */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits, without a limit, for the loop to end by itself (a step raised KeyboardInterrupt, or a shutdown). */
    public void join() throws InterruptedException {
        thread.join();
    }

    /**
     * Waits for the loop to end by itself (a step raised KeyboardInterrupt), or for the time given.
     *
     * @param seconds how long to wait at most
     * @return whether the loop has ended
     */
    public boolean join(double seconds) throws InterruptedException {
        thread.join(Math.max(1, Duration.ofNanos((long) (seconds * 1e9)).toMillis()));
        return !thread.isAlive();
    }
}
