package dev.hotload.watch;

import java.util.concurrent.locks.LockSupport;

/**
 * The watchers' time: what time it is, and pauses. The system's in use; a test passes a clock of its own that
 * moves virtual time on by each pause and performs a step of a save in it, so that each step happens between two
 * looks of the watcher however loaded the machine is, and no test waits out a real pause.
 */
interface WatchClock {

    /** The system's monotonic time, and pauses that keep sub-millisecond precision. */
    WatchClock SYSTEM = new WatchClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void pause(long nanos) throws InterruptedException {
            // Not Thread.sleep: on JDK 17 it rounds the 0.5 ms between two settling looks up to a millisecond.
            LockSupport.parkNanos(nanos);
            if (Thread.interrupted()) {
                throw new InterruptedException("watcher stopped");
            }
        }
    };

    /** @return the time in nanoseconds, as {@link System#nanoTime()}: only the difference of two means anything */
    long nanoTime();

    /**
     * Waits {@code nanos}, or a little less.
     *
     * @throws InterruptedException if the waiting thread is interrupted: hotload is stopping
     */
    void pause(long nanos) throws InterruptedException;
}
