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
 * Notices changes by scanning the watch set at a fixed interval, like the original hotload (144 times a
 * second by default). Portable: it needs nothing from the operating system but file attributes.
 *
 * <p>A scan that differs from the last reported state is not reported at once: the watcher rescans every
 * {@link #SETTLE_INTERVAL} until two scans agree, so that a save made of several steps (truncate then write,
 * write a temporary file and rename it, vim's rename-write-delete) is one change, reported once, with its
 * final content.
 */
public final class PollingFileWatcher implements FileWatcher {

    /** The original's 144 scans a second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofNanos(1_000_000_000L / 144);

    /** Time between the scans that wait for a save to settle. */
    static final Duration SETTLE_INTERVAL = Duration.ofMillis(1);

    /** A file still changing after this long (a log being written) is reported as it is. */
    static final Duration MAX_SETTLE = Duration.ofMillis(250);

    private final WatchSet watchSet;
    private final TreeScanner scanner;
    private final long intervalNanos;
    private Map<Path, FileSnapshot> reported;

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
        this.scanner = new TreeScanner(watchSet);
        this.intervalNanos = interval.toNanos();
        this.reported = scanner.scan();
    }

    @Override
    public WatchSet watchSet() {
        return watchSet;
    }

    @Override
    public ChangeSet poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ChangeSet changes = scanOnce();
            if (!changes.isEmpty()) {
                return changes;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return ChangeSet.none();
            }
            pause(Math.min(intervalNanos, left));
        }
    }

    /**
     * Scans once; when anything differs from what was last reported, waits for it to settle.
     *
     * @return the settled changes, or {@link ChangeSet#none()}
     */
    ChangeSet scanOnce() throws InterruptedException {
        Map<Path, FileSnapshot> current = scanner.scan();
        if (changedPaths(reported, current).isEmpty()) {
            return ChangeSet.none();
        }
        current = settle(current);
        ChangeSet changes = diff(reported, current);
        reported = current;
        return changes;
    }

    private Map<Path, FileSnapshot> settle(Map<Path, FileSnapshot> first) throws InterruptedException {
        long giveUp = System.nanoTime() + MAX_SETTLE.toNanos();
        Map<Path, FileSnapshot> current = first;
        while (System.nanoTime() < giveUp) {
            pause(SETTLE_INTERVAL.toNanos());
            Map<Path, FileSnapshot> again = scanner.scan();
            if (changedPaths(current, again).isEmpty()) {
                return again;
            }
            current = again;
        }
        return current;
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

    private static void pause(long nanos) throws InterruptedException {
        // parkNanos keeps sub-millisecond precision, which Thread.sleep rounds away on JDK 17.
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException("watcher stopped");
        }
    }
}
