package dev.hotload.watch;

import java.time.Duration;

/**
 * Notices changes by scanning the watch set at a fixed interval, like the original hotload (144 times a
 * second by default). Portable: it needs nothing from the operating system but file attributes, so it also
 * works where no change events arrive (network and container file systems).
 */
public final class PollingFileWatcher implements FileWatcher {

    /** The original's 144 scans a second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofNanos(1_000_000_000L / 144);

    private final WatchSet watchSet;
    private final ChangeDetector detector;
    private final long intervalNanos;

    /**
     * Takes the first snapshot now: changes are reported relative to the files as they are at construction.
     *
     * @param watchSet what to watch
     * @param interval time between two scans
     */
    public PollingFileWatcher(WatchSet watchSet, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.watchSet = watchSet;
        this.detector = new ChangeDetector(watchSet);
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public WatchSet watchSet() {
        return watchSet;
    }

    @Override
    public ChangeSet poll(Duration timeout) throws InterruptedException {
        return detector.poll(timeout, left -> ChangeDetector.pause(Math.min(intervalNanos, left)));
    }

    /**
     * Scans once; when anything differs from what was last reported, waits for it to settle.
     *
     * @return the settled changes, or {@link ChangeSet#none()}
     */
    ChangeSet scanOnce() throws InterruptedException {
        return detector.detect();
    }

    @Override
    public String toString() {
        return "polling every " + intervalNanos / 1_000_000.0 + " ms";
    }
}
