package dev.hotload.watch;

import java.time.Duration;

/**
 * When a polling watcher looks, and where. It scans every file every interval, or less often as a scan costs
 * more ({@link #SMALL_TREE_FACTOR} times a scan's processor time apart; in a big tree {@link #FULL_FACTOR});
 * in a tree so big that a save would then show
 * after more than {@link #SPLIT_ABOVE}, it looks at the files being edited ({@link EditedFiles}) apart, every
 * {@link #EDITED_EVERY} (or the interval, if longer), and at the whole tree at the slow pace. So a save of a
 * file being edited shows within 100 ms whatever the tree's size, and a save elsewhere within the slow pace.
 *
 * <p>The shares of a core, by the processor time of the scans: scans of every file 0.5 %, and collecting the
 * garbage a walk of the tree leaves costs about as much again (measured: 2.8 % at 50,000 files with scans at
 * 1 %); in a big tree, the looks at the edited files 0.5 % at most ({@link #EDITED_FACTOR}), and waking up for
 * them 50 times a second about as much here. Under the 2 % that {@code hotload --help} promises. (Waking up
 * 144 times a second, the original's pace, costs 1.5–2.5 % of a core here by itself.)
 */
final class PollPace {

    /** In a big tree, the wait between two scans of every file is at least this many times as long as such a scan. */
    static final int FULL_FACTOR = 200;

    /**
     * In a small tree, the wait between two scans is the interval, unless a scan takes more than this share of it
     * (2 % of a core). A small tree's walk leaves little garbage, and a scan of a file or two costs a tenth of a
     * millisecond: {@link #FULL_FACTOR} times that would slow the original's 144 scans a second, or the interval
     * the user asked for, to 20 ms.
     */
    static final int SMALL_TREE_FACTOR = 50;

    /** A tree whose scans of every file would come further apart than this has its edited files looked at apart. */
    static final Duration SPLIT_ABOVE = Duration.ofMillis(100);

    /** How often the edited files of a big tree are looked at, at most: a save of one shows within 100 ms. */
    static final Duration EDITED_EVERY = Duration.ofMillis(20);

    /** The wait between two looks at the edited files is at least this many times as long as such a look. */
    static final int EDITED_FACTOR = 200;

    private final long intervalNanos;
    private final WatchClock clock;
    private long fullScanNanos;
    private long editedScanNanos;
    private long lastFullScanAt;

    /** @param interval the time between two scans asked for: of every file, at the least */
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
        return Duration.ofNanos(Math.max(intervalNanos, fullScanNanos * (isSplit() ? FULL_FACTOR : SMALL_TREE_FACTOR)));
    }

    /** @return the time between two looks at the edited files of a big tree */
    Duration editedScanEvery() {
        return Duration.ofNanos(Math.max(Math.max(intervalNanos, EDITED_EVERY.toNanos()), editedScanNanos * EDITED_FACTOR));
    }

    /** @return whether the tree is too big to scan whole often enough: then the edited files are looked at apart */
    boolean isSplit() {
        return fullScanNanos * FULL_FACTOR > Math.max(intervalNanos, SPLIT_ABOVE.toNanos());
    }

    /**
     * Waits until the next look is due, or {@code nanos} have passed.
     *
     * @param edited where the files being edited are
     * @return where to look now: everywhere, or at the edited files
     */
    Scope await(long nanos, Scope edited) throws InterruptedException {
        long full = fullScanEvery().toNanos();
        if (!isSplit()) {
            clock.pause(Math.min(full, nanos));
            return fullScan();
        }
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
