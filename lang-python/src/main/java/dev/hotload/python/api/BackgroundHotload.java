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

    /** Stops the loop, runs the steps' cleanup once, and waits for the thread to end (bounded). */
    public void stop() throws InterruptedException {
        PythonHotload.stop(loop);
        thread.join(PythonHotload.STOP_GRACE.toMillis());
    }

    /** @return whether the loop is still running */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits up to {@code seconds} for the loop to end; @return whether it ended */
    public boolean join(double seconds) throws InterruptedException {
        thread.join(Duration.ofNanos((long) (seconds * 1e9)).toMillis());
        return !thread.isAlive();
    }
}
