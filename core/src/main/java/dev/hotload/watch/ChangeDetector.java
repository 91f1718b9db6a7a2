package dev.hotload.watch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Compares the watched files with what was last reported, and waits for a save to settle before reporting it:
 * the part every watcher shares, whatever wakes it up.
 *
 * <p>A scan that differs is not reported at once: the detector looks again every {@link #SETTLE_INTERVAL} until
 * two looks agree, so that a save made of several steps (truncate then write, write a temporary file and
 * rename it, vim's rename-write-delete) is one change, reported once, with its final content. A save caught
 * between its steps leaves a watched file missing, empty, or ending mid-line (editors end a file with a line
 * end); such a state must hold for {@link #GAP_QUIET} before it is reported, since an editor descheduled on a
 * busy machine may take that long for its next step. A save that truly ends mid-line just waits that long.
 *
 * <p>A scan that finds nothing new allocates nothing per file: in a tree of 10,000 files it reads their
 * attributes and compares them with the snapshots it keeps.
 */
final class ChangeDetector {

    /** Time between the looks that wait for a save to settle. */
    static final Duration SETTLE_INTERVAL = Duration.ofNanos(500_000);

    /** How long a watched file must stay missing or empty before that is reported: a real delete can wait. */
    static final Duration GAP_QUIET = Duration.ofMillis(50);

    /** A file still changing after this long (a log being written) is reported as it is. */
    static final Duration MAX_SETTLE = Duration.ofMillis(250);

    /** What wakes a watcher between two scans, and tells it where to look: a clock (everywhere), or events. */
    interface Waiter {
        /**
         * Waits at most {@code nanos}, less if something may have changed.
         *
         * @return where to look now
         */
        Scope await(long nanos) throws InterruptedException;

        /** @return where to look besides, from what arrived since the last call, without waiting */
        Scope pending();
    }

    /** The snapshot last reported for a file, and the scan that last saw it. */
    private static final class Known {
        FileSnapshot snapshot;
        long seenBy;

        Known(FileSnapshot snapshot) {
            this.snapshot = snapshot;
        }
    }

    private final TreeScanner scanner;
    private final Map<Path, Known> reported = new HashMap<>();
    private long scans;
    private long lastFullScanNanos;

    /** Takes the first snapshot now: changes are reported relative to the files as they are now. */
    ChangeDetector(WatchSet watchSet) {
        this.scanner = new TreeScanner(watchSet);
        long started = System.nanoTime();
        long now = epochNanos();
        scanner.visitAll((file, attributes) -> reported.put(file, new Known(FileSnapshot.of(file, attributes, now))));
        lastFullScanNanos = System.nanoTime() - started;
    }

    /**
     * Times a few walks of every watched file, for {@link #lastFullScan()} to say what a scan costs: the first
     * scan also loads the classes every scan uses, and runs slower code than later ones will.
     */
    void timeFullScans() {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            scanner.visitAll((file, attributes) -> reported.get(file));
            fastest = Math.min(fastest, System.nanoTime() - started);
        }
        lastFullScanNanos = fastest;
    }

    /** @return the folders the scans walked, for watchers that subscribe to folder events */
    Set<Path> folders() {
        return scanner.folders();
    }

    /** @return how many files are watched now */
    int fileCount() {
        return reported.size();
    }

    /** @return how long the last scan of every watched file took: what a poll costs */
    Duration lastFullScan() {
        return Duration.ofNanos(lastFullScanNanos);
    }

    /**
     * Looks where {@code waiter} says, and waits with it, until something changed or the timeout passed.
     *
     * @return the settled changes, or {@link ChangeSet#none()} after the timeout
     */
    ChangeSet poll(Duration timeout, Waiter waiter) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Scope scope = waiter.pending();
        while (true) {
            ChangeSet changes = detect(scope, waiter);
            if (!changes.isEmpty()) {
                return changes;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return ChangeSet.none();
            }
            scope = waiter.await(left);
        }
    }

    /**
     * Looks at {@code scope}; when anything there differs from what was last reported, waits for it to settle.
     *
     * @return the settled changes, or {@link ChangeSet#none()}
     */
    ChangeSet detect(Scope scope, Waiter waiter) throws InterruptedException {
        Map<Path, FileSnapshot> first = differences(scope);
        if (first.isEmpty()) {
            return ChangeSet.none();
        }
        Scope looking = scope.everything() ? scope : scope.plus(Scope.of(first.keySet()));
        return report(settle(looking, first, waiter));
    }

    /**
     * @return the watched files in {@code scope} that differ from what was reported: each one's snapshot now, or
     *     null for one that is gone
     */
    private Map<Path, FileSnapshot> differences(Scope scope) {
        long started = System.nanoTime();
        long scan = ++scans;
        long now = epochNanos();
        Map<Path, FileSnapshot> differing = new HashMap<>();
        TreeScanner.Visitor compare = (file, attributes) -> {
            Known known = reported.get(file);
            if (known == null) {
                differing.put(file, FileSnapshot.of(file, attributes, now));
                return;
            }
            known.seenBy = scan;
            switch (known.snapshot.compare(file, attributes, now)) {
                case SAME -> { }
                // Not a change: the new snapshot drops the hash, so that the file stops being read on every scan.
                case SAME_SETTLED -> known.snapshot = FileSnapshot.of(file, attributes, now);
                case DIFFERENT -> differing.put(file, FileSnapshot.of(file, attributes, now));
            }
        };
        if (scope.everything()) {
            scanner.visitAll(compare);
            reported.forEach((file, known) -> {
                if (known.seenBy != scan) {
                    differing.put(file, null);
                }
            });
            lastFullScanNanos = System.nanoTime() - started;
        } else {
            for (Path path : scope.paths()) {
                boolean wasFolder = scanner.isKnownFolder(path);
                scanner.visit(path, compare);
                if (wasFolder) {
                    reported.forEach((file, known) -> {
                        if (known.seenBy != scan && file.startsWith(path)) {
                            differing.put(file, null);
                        }
                    });
                } else {
                    Known known = reported.get(path);
                    if (known != null && known.seenBy != scan) {
                        differing.put(path, null);
                    }
                }
            }
        }
        return differing;
    }

    private Map<Path, FileSnapshot> settle(Scope looking, Map<Path, FileSnapshot> first, Waiter waiter)
            throws InterruptedException {
        long giveUp = System.nanoTime() + MAX_SETTLE.toNanos();
        long unchangedSince = System.nanoTime();
        Map<Path, FileSnapshot> current = first;
        while (System.nanoTime() < giveUp) {
            pause(SETTLE_INTERVAL.toNanos());
            // A save that touches more files while this one settles is one change with it.
            looking = looking.plus(waiter.pending());
            Map<Path, FileSnapshot> again = differences(looking);
            if (!again.equals(current)) {
                current = again;
                unchangedSince = System.nanoTime();
            } else if (!isBetweenSteps(again) || System.nanoTime() - unchangedSince >= GAP_QUIET.toNanos()) {
                return again;
            }
        }
        return current;
    }

    /**
     * @return whether a file looks like a save half-way: one that was there is now missing or empty, or a
     *     file's content stops mid-line
     */
    private boolean isBetweenSteps(Map<Path, FileSnapshot> differing) {
        for (Map.Entry<Path, FileSnapshot> now : differing.entrySet()) {
            Known before = reported.get(now.getKey());
            FileSnapshot snapshot = now.getValue();
            if (before != null && (snapshot == null || snapshot.size() == 0 && before.snapshot.size() > 0)) {
                return true;
            }
            if (snapshot != null && snapshot.size() > 0 && endsMidLine(now.getKey(), snapshot.size())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsMidLine(Path file, long size) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return channel.read(last, size - 1) == 1 && last.get(0) != '\n';
        } catch (IOException gone) {
            return false;
        }
    }

    /** Takes the settled state as reported, and says how it differs from what was reported before. */
    private ChangeSet report(Map<Path, FileSnapshot> settled) {
        List<FileChange> changes = new ArrayList<>();
        settled.forEach((file, snapshot) -> {
            Known before = snapshot == null ? reported.remove(file) : reported.put(file, new Known(snapshot));
            if (before != null || snapshot != null) {
                FileChange.Kind kind = before == null ? FileChange.Kind.CREATE
                        : snapshot == null ? FileChange.Kind.DELETE
                        : FileChange.Kind.MODIFY;
                changes.add(new FileChange(file, kind));
            }
        });
        return changes.isEmpty() ? ChangeSet.none() : new ChangeSet(changes, false);
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Sleeps, keeping sub-millisecond precision (which Thread.sleep rounds away on JDK 17). */
    static void pause(long nanos) throws InterruptedException {
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException("watcher stopped");
        }
    }
}
