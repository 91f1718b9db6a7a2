package dev.hotload.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Compares the watch set with what was last reported, and waits for a save to settle before reporting it:
 * the part every watcher shares, whatever wakes it up.
 *
 * <p>A scan that differs is not reported at once: the detector rescans every {@link #SETTLE_INTERVAL} until
 * two scans agree, so that a save made of several steps (truncate then write, write a temporary file and
 * rename it, vim's rename-write-delete) is one change, reported once, with its final content. A save caught
 * between its steps leaves a watched file missing or empty; such a state must hold for {@link #GAP_QUIET}
 * before it is reported, since an editor descheduled on a busy machine may take that long for its next step.
 */
final class ChangeDetector {

    /** Time between the scans that wait for a save to settle. */
    static final Duration SETTLE_INTERVAL = Duration.ofNanos(500_000);

    /** How long a watched file must stay missing or empty before that is reported: a real delete can wait. */
    static final Duration GAP_QUIET = Duration.ofMillis(50);

    /** A file still changing after this long (a log being written) is reported as it is. */
    static final Duration MAX_SETTLE = Duration.ofMillis(250);

    private final TreeScanner scanner;
    private Map<Path, FileSnapshot> reported;

    /** Takes the first snapshot now: changes are reported relative to the files as they are now. */
    ChangeDetector(WatchSet watchSet) {
        this.scanner = new TreeScanner(watchSet);
        this.reported = scanner.scan();
    }

    /** @return the folders the last scan walked, for watchers that subscribe to folder events */
    Set<Path> folders() {
        return scanner.lastFolders();
    }

    /** How a watcher waits between two scans: a clock, or file events. */
    @FunctionalInterface
    interface Waiter {
        /** Waits at most {@code nanos}, less if something may have changed. */
        void await(long nanos) throws InterruptedException;
    }

    /**
     * Scans, and waits with {@code waiter} between scans, until something changed or the timeout passed.
     *
     * @return the settled changes, or {@link ChangeSet#none()} after the timeout
     */
    ChangeSet poll(Duration timeout, Waiter waiter) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ChangeSet changes = detect();
            if (!changes.isEmpty()) {
                return changes;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return ChangeSet.none();
            }
            waiter.await(left);
        }
    }

    /**
     * Scans once; when anything differs from what was last reported, waits for it to settle.
     *
     * @return the settled changes, or {@link ChangeSet#none()}
     */
    ChangeSet detect() throws InterruptedException {
        Map<Path, FileSnapshot> current = scanner.scan();
        if (changedPaths(reported, current).isEmpty()) {
            // Same content; the new snapshots drop the hash of files no longer racy, so they stop being re-read.
            reported = current;
            return ChangeSet.none();
        }
        current = settle(reported, current);
        ChangeSet changes = diff(reported, current);
        reported = current;
        return changes;
    }

    private Map<Path, FileSnapshot> settle(Map<Path, FileSnapshot> before, Map<Path, FileSnapshot> first)
            throws InterruptedException {
        long giveUp = System.nanoTime() + MAX_SETTLE.toNanos();
        long unchangedSince = System.nanoTime();
        Map<Path, FileSnapshot> current = first;
        while (System.nanoTime() < giveUp) {
            pause(SETTLE_INTERVAL.toNanos());
            Map<Path, FileSnapshot> again = scanner.scan();
            if (!changedPaths(current, again).isEmpty()) {
                current = again;
                unchangedSince = System.nanoTime();
            } else if (!isBetweenSteps(before, again) || System.nanoTime() - unchangedSince >= GAP_QUIET.toNanos()) {
                return again;
            }
        }
        return current;
    }

    /** @return whether a file that was there before is now missing or empty: what a save looks like half-way */
    private static boolean isBetweenSteps(Map<Path, FileSnapshot> before, Map<Path, FileSnapshot> now) {
        for (Map.Entry<Path, FileSnapshot> old : before.entrySet()) {
            FileSnapshot current = now.get(old.getKey());
            if (current == null || current.size() == 0 && old.getValue().size() > 0) {
                return true;
            }
        }
        return false;
    }

    private static ChangeSet diff(Map<Path, FileSnapshot> before, Map<Path, FileSnapshot> after) {
        List<FileChange> changes = new ArrayList<>();
        for (Path path : changedPaths(before, after)) {
            FileChange.Kind kind = !before.containsKey(path) ? FileChange.Kind.CREATE
                    : !after.containsKey(path) ? FileChange.Kind.DELETE
                    : FileChange.Kind.MODIFY;
            changes.add(new FileChange(path, kind));
        }
        return changes.isEmpty() ? ChangeSet.none() : new ChangeSet(changes, false);
    }

    private static Set<Path> changedPaths(Map<Path, FileSnapshot> before, Map<Path, FileSnapshot> after) {
        Set<Path> changed = new HashSet<>();
        before.forEach((path, old) -> {
            FileSnapshot now = after.get(path);
            if (now == null || old.isDifferentFrom(now, path)) {
                changed.add(path);
            }
        });
        after.keySet().stream().filter(path -> !before.containsKey(path)).forEach(changed::add);
        return changed;
    }

    /** Sleeps, keeping sub-millisecond precision (which Thread.sleep rounds away on JDK 17). */
    static void pause(long nanos) throws InterruptedException {
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException("watcher stopped");
        }
    }
}
