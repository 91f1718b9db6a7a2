package dev.hotload.watch;

import java.time.Duration;
import java.util.Locale;

/**
 * Notices changes by scanning the watch set at a fixed interval, like the original hotload (144 times a
 * second by default). Portable: it needs nothing from the operating system but file attributes, so it also
 * works where no change events arrive (network and container file systems).
 *
 * <p>A scan of a big tree takes long (about 25 ms for 10,000 files here), so the interval grows with it: the
 * watcher waits at least {@link #IDLE_FACTOR} times as long as its last scan took, so that scanning takes at
 * most 2 % of a core whatever the tree's size. A save then shows within about that interval.
 */
public final class PollingFileWatcher implements FileWatcher {

    /** The original's 144 scans a second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofNanos(1_000_000_000L / 144);

    /** The wait between two scans is at least this many times as long as a scan. */
    static final int IDLE_FACTOR = 50;

    private final WatchSet watchSet;
    private final ChangeDetector detector;
    private final long intervalNanos;
    private final WatchClock clock;
    private final ChangeDetector.Waiter everyInterval = new ChangeDetector.Waiter() {
        @Override
        public Scope await(long nanos) throws InterruptedException {
            clock.pause(Math.min(interval().toNanos(), nanos));
            return Scope.EVERYTHING;
        }

        @Override
        public Scope pending() {
            return Scope.EVERYTHING;
        }
    };

    /**
     * Takes the first snapshot now: changes are reported relative to the files as they are at construction.
     *
     * @param watchSet what to watch
     * @param interval time between two scans, at least: longer if a scan takes more than 2 % of it
     */
    public PollingFileWatcher(WatchSet watchSet, Duration interval) {
        this(watchSet, interval, WatchClock.SYSTEM);
    }

    /** As the public constructor, with the time that scans are paced, and saves settle, in. */
    PollingFileWatcher(WatchSet watchSet, Duration interval, WatchClock clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.watchSet = watchSet;
        this.clock = clock;
        this.detector = new ChangeDetector(watchSet, clock);
        this.intervalNanos = interval.toNanos();
        detector.timeFullScans();
    }

    @Override
    public WatchSet watchSet() {
        return watchSet;
    }

    @Override
    public ChangeSet poll(Duration timeout) throws InterruptedException {
        return detector.poll(timeout, everyInterval);
    }

    /** @return the time between two scans now: the one asked for, or longer for a big tree */
    public Duration interval() {
        return Duration.ofNanos(Math.max(intervalNanos, detector.lastFullScan().toNanos() * IDLE_FACTOR));
    }

    /**
     * Scans once; when anything differs from what was last reported, waits for it to settle.
     *
     * @return the settled changes, or {@link ChangeSet#none()}
     */
    ChangeSet scanOnce() throws InterruptedException {
        return detector.detect(Scope.EVERYTHING, everyInterval);
    }

    @Override
    public String toString() {
        long interval = interval().toNanos();
        String every = interval < 1_000_000_000L
                ? String.format(Locale.ROOT, "%.3g ms", interval / 1e6)
                : String.format(Locale.ROOT, "%.1f s", interval / 1e9);
        return "polling every " + every + (interval > intervalNanos ? ", as " + detector.fileCount()
                + " files take " + Math.round(detector.lastFullScan().toNanos() / 1e6) + " ms to scan" : "");
    }
}
