package dev.hotload.watch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * The watchers' time: what time it is, and pauses. The system's in use; a test passes a clock of its own that
 * moves virtual time on by each pause and performs a step of a save in it, so that each step happens between two
 * looks of the watcher however loaded the machine is, and no test waits out a real pause.
 */
interface WatchClock {

    /** The system's monotonic time, and pauses that keep sub-millisecond precision. */
    WatchClock SYSTEM = new WatchClock() {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long cpuNanos() {
            // Not the time that passed: on a busy machine a scan descheduled for 20 ms would slow the pace tenfold.
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
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
     * @return the processor time the calling thread has used, in nanoseconds: what a scan costs, the difference of
     *     two readings around it; a clock without it counts the time that passes
     */
    default long cpuNanos() {
        return nanoTime();
    }

    /**
     * Waits {@code nanos}, or a little less.
     *
     * @throws InterruptedException if the waiting thread is interrupted: hotload is stopping
     */
    void pause(long nanos) throws InterruptedException;
}
