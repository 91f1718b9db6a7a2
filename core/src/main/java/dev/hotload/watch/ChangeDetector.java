package dev.hotload.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the watched files with what was last reported: the part every watcher shares, whatever wakes it up.
 * A look that finds a difference hands it to the {@link Settler}, which decides when the save is complete, and
 * the settled state is reported.
 *
 * <p>A scan that finds nothing new allocates nothing per file: in a tree of 10,000 files it reads their
 * attributes and compares them with the snapshots it keeps.
 */
final class ChangeDetector {

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
    private final WatchClock clock;
    private final Settler settler;
    private final SavedFiles savedFiles;
    private final Map<Path, Known> reported = new HashMap<>();
    /** Where a poll that was interrupted had yet to look: the next poll looks there. */
    private Scope unlooked = Scope.NOTHING;
    private long scans;
    private long lastFullScanNanos;
    private long lastPartialScanNanos;

    /**
     * Takes the first snapshot now: changes are reported relative to the files as they are now.
     *
     * @param clock the time that timeouts, settling pauses and the scans' cost are measured in
     */
    ChangeDetector(WatchSet watchSet, WatchClock clock) {
        this(watchSet, clock, SavedFiles.system());
    }

    /** As above, with the reads of runs to consult: a change a run has read already is not reported again. */
    ChangeDetector(WatchSet watchSet, WatchClock clock, SavedFiles savedFiles) {
        this.scanner = new TreeScanner(watchSet);
        this.clock = clock;
        this.settler = new Settler(clock);
        this.savedFiles = savedFiles;
        long started = clock.cpuNanos();
        long now = FileSnapshot.epochNanos();
        scanner.visitAll((file, attributes) -> reported.put(file, new Known(FileSnapshot.of(file, attributes, now))));
        lastFullScanNanos = clock.cpuNanos() - started;
    }

    /**
     * Times a few walks of every watched file, for {@link #lastFullScan()} to say what a scan costs: the first
     * scan also loads the classes every scan uses, and runs slower code than later ones will.
     */
    void timeFullScans() {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = clock.cpuNanos();
            scanner.visitAll((file, attributes) -> reported.get(file));
            fastest = Math.min(fastest, clock.cpuNanos() - started);
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

    /** @return the processor time the last scan of every watched file took: what a poll costs */
    Duration lastFullScan() {
        return Duration.ofNanos(lastFullScanNanos);
    }

    /** @return how long the last look at some paths took, as events or the edited files name them */
    Duration lastPartialScan() {
        return Duration.ofNanos(lastPartialScanNanos);
    }

    /** @return up to {@code count} watched files, those modified (or changed) most recently first */
    List<Path> newest(int count) {
        return reported.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Path, Known> known) -> newestTime(known.getValue().snapshot)).reversed())
                .limit(count)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static long newestTime(FileSnapshot snapshot) {
        return Math.max(snapshot.modifiedNanos(), snapshot.changedNanos());
    }

    /**
     * Looks where {@code waiter} says, and waits with it, until something changed or the timeout passed.
     *
     * @return the settled changes, or {@link ChangeSet#none()} after the timeout
     */
    ChangeSet poll(Duration timeout, Waiter waiter) throws InterruptedException {
        long deadline = clock.nanoTime() + timeout.toNanos();
        Scope scope = unlooked.plus(waiter.pending());
        unlooked = Scope.NOTHING;
        while (true) {
            ChangeSet changes;
            try {
                changes = detect(scope, waiter);
            } catch (InterruptedException interrupted) {
                // Not only hotload's end interrupts a wait (a run asked for with Enter does): the events taken
                // for this look must not be lost with it.
                unlooked = scope;
                throw interrupted;
            }
            if (!changes.isEmpty()) {
                return changes;
            }
            long left = deadline - clock.nanoTime();
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
        long noticed = clock.nanoTime();
        Map<Path, FileSnapshot> first = differences(scope);
        if (first.isEmpty()) {
            return ChangeSet.none();
        }
        // Where the differences are, and where the waiter points while they settle: in a big tree, not everywhere.
        Scope looking = scope.everything() ? Scope.of(first.keySet()) : scope.plus(Scope.of(first.keySet()));
        ChangeSet settled = report(settler.settle(first, new LookingAgain(looking, waiter)));
        return settled.isEmpty() ? settled : settled.noticedAt(noticed);
    }

    /**
     * @return the watched files in {@code scope} that differ from what was reported: each one's snapshot now, or
     *     null for one that is gone
     */
    private Map<Path, FileSnapshot> differences(Scope scope) {
        long started = clock.cpuNanos();
        long scan = ++scans;
        long now = FileSnapshot.epochNanos();
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
            lastFullScanNanos = clock.cpuNanos() - started;
        } else {
            for (Path path : withLinksThrough(scope.paths())) {
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
            lastPartialScanNanos = clock.cpuNanos() - started;
        }
        return differing;
    }

    /** @return {@code paths}, and the explicit files whose links lead through one of them: their files changed */
    private Set<Path> withLinksThrough(Set<Path> paths) {
        Set<Path> all = new LinkedHashSet<>(paths);
        for (Path path : paths) {
            all.addAll(scanner.linksThrough(path));
        }
        return all;
    }

    /** Looks again where a look found differences, and wherever events point meanwhile. */
    private final class LookingAgain implements Settler.Looks {
        private Scope scope;
        private final Waiter waiter;

        LookingAgain(Scope scope, Waiter waiter) {
            this.scope = scope;
            this.waiter = waiter;
        }

        @Override
        public Map<Path, FileSnapshot> again() {
            // A save that touches more files while this one settles is one change with it.
            scope = scope.plus(waiter.pending());
            return differences(scope);
        }

        @Override
        public FileSnapshot reported(Path file) {
            Known known = reported.get(file);
            return known == null ? null : known.snapshot;
        }
    }

    /** Takes the settled state as reported, and says how it differs from what was reported before. */
    private ChangeSet report(Map<Path, FileSnapshot> settled) {
        List<FileChange> changes = new ArrayList<>();
        settled.forEach((file, snapshot) -> {
            if (snapshot != null && savedFiles.hasRun(file, snapshot)) {
                reported.put(file, new Known(snapshot)); // a save newer than the one reported, which a run read
                return;
            }
            Known before = snapshot == null ? reported.remove(file) : reported.put(file, new Known(snapshot));
            savedFiles.settled(file, snapshot);
            if (before != null || snapshot != null) {
                FileChange.Kind kind = before == null ? FileChange.Kind.CREATE
                        : snapshot == null ? FileChange.Kind.DELETE
                        : FileChange.Kind.MODIFY;
                changes.add(new FileChange(file, kind));
            }
        });
        return changes.isEmpty() ? ChangeSet.none() : new ChangeSet(changes, false);
    }
}
