package dev.hotload.watch;

import java.time.Duration;

/**
 * When a polling watcher looks, and where: at every file every interval while that is cheap; in a big tree, at
 * the files being edited ({@link EditedFiles}) every interval and at every file at a slower pace, each kept to a
 * share of a core by the time its last scan took. So a save of a file being edited shows within the interval
 * whatever the tree's size (the original hotload's promise), and a save elsewhere within the slower pace.
 *
 * <p>The shares: {@link #FULL_FACTOR} and {@link #EDITED_FACTOR} make at most 1.3 % and 0.5 % of a core, 1.8 %
 * together, under the 2 % that {@code hotload --help} promises.
 */
final class PollPace {

    /** The wait between two scans of every file is at least this many times as long as such a scan. */
    static final int FULL_FACTOR = 75;

    /** The wait between two looks at the edited files is at least this many times as long as such a look. */
    static final int EDITED_FACTOR = 200;

    private final long intervalNanos;
    private final WatchClock clock;
    private long fullScanNanos;
    private long editedScanNanos;
    private long lastFullScanAt;

    /** @param interval the time between two looks asked for: at the edited files, or at every file of a small tree */
    PollPace(Duration interval, WatchClock clock) {
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.lastFullScanAt = clock.nanoTime();
    }

    /** Takes what the last scans cost, which sets the pace. */
    void scansTook(Duration everyFile, Duration editedFiles) {
        fullScanNanos = everyFile.toNanos();
        editedScanNanos = editedFiles.toNanos();
    }

    /** @return the time between two scans of every file: the interval, or longer for a big tree */
    Duration fullScanEvery() {
        return Duration.ofNanos(Math.max(intervalNanos, fullScanNanos * FULL_FACTOR));
    }

    /** @return the time between two looks at the edited files, in a big tree: the interval, unless they are slow to see */
    Duration editedScanEvery() {
        return Duration.ofNanos(Math.max(intervalNanos, editedScanNanos * EDITED_FACTOR));
    }

    /** @return whether the tree is too big to scan whole every interval: then the edited files are looked at apart */
    boolean isSplit() {
        return fullScanNanos * FULL_FACTOR > intervalNanos;
    }

    /**
     * Waits until the next look is due, or {@code nanos} have passed.
     *
     * @param edited where the files being edited are
     * @return where to look now: everywhere, or at the edited files
     */
    Scope await(long nanos, Scope edited) throws InterruptedException {
        if (!isSplit()) {
            clock.pause(Math.min(intervalNanos, nanos));
            return fullScan();
        }
        long full = fullScanEvery().toNanos();
        long untilFull = lastFullScanAt + full - clock.nanoTime();
        if (untilFull <= 0) {
            return fullScan();
        }
        clock.pause(Math.min(nanos, Math.min(untilFull, editedScanEvery().toNanos())));
        return clock.nanoTime() - lastFullScanAt >= full ? fullScan() : edited;
    }

    private Scope fullScan() {
        lastFullScanAt = clock.nanoTime();
        return Scope.EVERYTHING;
    }
}
