package dev.hotload.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Notices changes by scanning the watch set at a fixed interval, like the original hotload (144 times a
 * second by default). Portable: it needs nothing from the operating system but file attributes, so it also
 * works where no change events arrive (network and container file systems, WSL).
 *
 * <p>A scan of a big tree takes long (about 25 ms for 10,000 files here), so the tree is scanned whole less
 * often, and the files being edited ({@link EditedFiles}: the entry, the files saved last) are looked at every
 * interval: a save of one of them shows within the interval whatever the tree's size, a save elsewhere within
 * the slower pace. Each pace is kept to a share of a core by the time its scans take ({@link PollPace}), so that
 * polling takes at most 2 % of a core.
 */
public final class PollingFileWatcher implements FileWatcher {

    /** The original's 144 scans a second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofNanos(1_000_000_000L / 144);

    private final WatchSet watchSet;
    private final ChangeDetector detector;
    private final long intervalNanos;
    private final PollPace pace;
    private final EditedFiles edited;
    private final ChangeDetector.Waiter paced = new ChangeDetector.Waiter() {
        @Override
        public Scope await(long nanos) throws InterruptedException {
            pace.scansTook(detector.lastFullScan(), detector.lastPartialScan());
            return pace.await(nanos, edited.scope());
        }

        @Override
        public Scope pending() {
            // While a save settles: every file of a small tree, so that a save of many files is one change.
            return pace.isSplit() ? edited.scope() : Scope.EVERYTHING;
        }
    };

    /**
     * Takes the first snapshot now: changes are reported relative to the files as they are at construction.
     *
     * @param watchSet what to watch
     * @param interval time between two scans, at least: between two scans of every file of a big tree, longer
     * @param editing the files being edited, looked at every interval however big the tree: the entry
     */
    public PollingFileWatcher(WatchSet watchSet, Duration interval, Collection<Path> editing) {
        this(watchSet, interval, WatchClock.SYSTEM, editing);
    }

    /** As the public constructor, with nothing known to be edited but the files saved last. */
    public PollingFileWatcher(WatchSet watchSet, Duration interval) {
        this(watchSet, interval, WatchClock.SYSTEM, List.of());
    }

    /** As the public constructor, with the time that scans are paced, and saves settle, in. */
    PollingFileWatcher(WatchSet watchSet, Duration interval, WatchClock clock) {
        this(watchSet, interval, clock, List.of());
    }

    PollingFileWatcher(WatchSet watchSet, Duration interval, WatchClock clock, Collection<Path> editing) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.watchSet = watchSet;
        this.detector = new ChangeDetector(watchSet, clock);
        this.intervalNanos = interval.toNanos();
        this.pace = new PollPace(interval, clock);
        detector.timeFullScans();
        pace.scansTook(detector.lastFullScan(), Duration.ZERO);
        this.edited = new EditedFiles(editing, detector.newest(EditedFiles.RECENT));
    }

    @Override
    public WatchSet watchSet() {
        return watchSet;
    }

    @Override
    public ChangeSet poll(Duration timeout) throws InterruptedException {
        ChangeSet changes = detector.poll(timeout, paced);
        edited.saved(changes.presentPaths());
        return changes;
    }

    /** @return the time between two scans of every file now: the one asked for, or longer for a big tree */
    public Duration interval() {
        return pace.fullScanEvery();
    }

    /**
     * Scans once; when anything differs from what was last reported, waits for it to settle.
     *
     * @return the settled changes, or {@link ChangeSet#none()}
     */
    ChangeSet scanOnce() throws InterruptedException {
        return detector.detect(Scope.EVERYTHING, paced);
    }

    @Override
    public String toString() {
        long interval = interval().toNanos();
        String scan = detector.fileCount() + " files take " + Math.round(detector.lastFullScan().toNanos() / 1e6) + " ms to scan";
        if (pace.isSplit()) {
            return "polling every " + time(pace.editedScanEvery().toNanos()) + " the files being edited, every "
                    + time(interval) + " all, as " + scan;
        }
        return "polling every " + time(interval) + (interval > intervalNanos ? ", as " + scan : "");
    }

    private static String time(long nanos) {
        return nanos < 1_000_000_000L
                ? String.format(Locale.ROOT, "%.3g ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
