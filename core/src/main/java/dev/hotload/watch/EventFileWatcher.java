package dev.hotload.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sleeps until the operating system says something changed in a watched folder (inotify on Linux, through
 * the JDK's {@link WatchService}), then looks at the paths the events name, as {@link PollingFileWatcher} looks
 * at every file: a save in a tree of 10,000 files costs a look at one file. What changed is still decided by
 * comparing snapshots, so the two watchers report exactly the same changes.
 *
 * <p>Waiting costs nothing while nothing changes. A full scan now and then ({@link #RESCAN}, or longer for a
 * big tree: 20 s for 10,000 files here) covers events the system drops; a queue overflow brings one at once.
 */
public final class EventFileWatcher implements FileWatcher {

    /** Scan every file this often even without events, in case the system lost some. */
    static final Duration RESCAN = Duration.ofSeconds(2);

    /**
     * The time between two full scans is at least this many times as long as a full scan: 0.2 % of a core.
     * Events are what matter; a full scan only covers the few the system loses without saying so.
     */
    static final int RESCAN_FACTOR = 500;

    private final WatchSet watchSet;
    private final ChangeDetector detector;
    private final long rescanNanos;
    private final WatchService events;
    private final Map<Path, WatchKey> subscribed = new HashMap<>();
    private long lastFullScan = System.nanoTime();
    private final ChangeDetector.Waiter waiter = new ChangeDetector.Waiter() {
        @Override
        public Scope await(long nanos) throws InterruptedException {
            // Folders created since the last look are subscribed to before sleeping, and looked at once more: a
            // file made in one after the look and before the subscription sent no event.
            Set<Path> added = resubscribe();
            if (!added.isEmpty()) {
                return Scope.of(added);
            }
            long untilRescan = lastFullScan + rescanInterval().toNanos() - System.nanoTime();
            if (untilRescan <= 0) {
                return fullScan();
            }
            Scope named = awaitEvents(Math.min(nanos, untilRescan));
            return named.isEmpty() && System.nanoTime() - lastFullScan >= rescanInterval().toNanos() ? fullScan() : named;
        }

        @Override
        public Scope pending() {
            return drain(new HashSet<>());
        }
    };

    /**
     * Takes the first snapshot and subscribes to the watched folders now.
     *
     * @throws UncheckedIOException if the system refuses the subscription (too many watches)
     */
    public EventFileWatcher(WatchSet watchSet) {
        this(watchSet, RESCAN);
    }

    /**
     * As the public constructor, with full scans at least {@code rescan} apart: a test that sets it to hours knows
     * that only an event can wake the watcher. Events come in the system's time, so this watcher keeps to it.
     */
    EventFileWatcher(WatchSet watchSet, Duration rescan) {
        this.watchSet = watchSet;
        this.rescanNanos = rescan.toNanos();
        this.detector = new ChangeDetector(watchSet, WatchClock.SYSTEM);
        try {
            this.events = FileSystems.getDefault().newWatchService();
            subscribe();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot subscribe to file events: " + e.getMessage(), e);
        }
    }

    /**
     * @return whether this platform's {@link WatchService} is driven by the operating system; where it is not
     *     (the JDK polls every few seconds on macOS), {@link PollingFileWatcher} is the better choice
     */
    public static boolean isNativeOnThisPlatform() {
        try (WatchService service = FileSystems.getDefault().newWatchService()) {
            return !service.getClass().getSimpleName().startsWith("Polling");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public WatchSet watchSet() {
        return watchSet;
    }

    @Override
    public ChangeSet poll(Duration timeout) throws InterruptedException {
        return detector.poll(timeout, waiter);
    }

    @Override
    public void close() {
        try {
            if (events != null) {
                events.close();
            }
        } catch (IOException e) {
            // Closing releases the inotify descriptor; nothing is left to do if that fails.
        }
    }

    @Override
    public String toString() {
        return "file events";
    }

    /** @return the time between two full scans: {@link #RESCAN}, or longer for a big tree */
    Duration rescanInterval() {
        return Duration.ofNanos(Math.max(rescanNanos, detector.lastFullScan().toNanos() * RESCAN_FACTOR));
    }

    /**
     * Looks at every watched file once, and subscribes to the folders found; when anything differs from what was
     * last reported, waits for it to settle.
     *
     * @return the settled changes, or {@link ChangeSet#none()}
     */
    ChangeSet scanOnce() throws InterruptedException {
        ChangeSet changes = detector.detect(Scope.EVERYTHING, waiter);
        resubscribe();
        return changes;
    }

    private Scope fullScan() {
        lastFullScan = System.nanoTime();
        return Scope.EVERYTHING;
    }

    /** @return the paths the events name, once at least one has arrived or {@code nanos} have passed */
    private Scope awaitEvents(long nanos) throws InterruptedException {
        try {
            WatchKey key = events.poll(nanos, TimeUnit.NANOSECONDS);
            Set<Path> named = new HashSet<>();
            if (key != null && take(key, named)) {
                return fullScan();
            }
            return drain(named);
        } catch (ClosedWatchServiceException closed) {
            throw new InterruptedException("watcher closed");
        }
    }

    /** @return {@code named} and the paths of every event waiting now; everything, if some were lost */
    private Scope drain(Set<Path> named) {
        try {
            for (WatchKey key = events.poll(); key != null; key = events.poll()) {
                if (take(key, named)) {
                    return fullScan();
                }
            }
        } catch (ClosedWatchServiceException closed) {
            // Stopping: nothing more to look at.
        }
        return Scope.of(named);
    }

    /** Adds the paths a key's events name, and re-arms it; @return whether the system lost events */
    private static boolean take(WatchKey key, Set<Path> named) {
        boolean lost = false;
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                lost = true;
            } else {
                named.add(folder.resolve((Path) event.context()));
            }
        }
        key.reset();
        return lost;
    }

    /** @return the folders walked so far and not subscribed to before, now subscribed to */
    private Set<Path> subscribe() throws IOException {
        Set<Path> added = new HashSet<>();
        for (Path folder : detector.folders()) {
            if (!subscribed.containsKey(folder) && folder.toFile().isDirectory()) {
                subscribed.put(folder, folder.register(events, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
                added.add(folder);
            }
        }
        return added;
    }

    /**
     * Subscribes to folders created since the last scan, and drops deleted ones.
     *
     * @return the folders newly subscribed to
     */
    private Set<Path> resubscribe() {
        subscribed.values().removeIf(key -> !key.isValid());
        try {
            return subscribe();
        } catch (IOException e) {
            // A folder that vanished meanwhile; the next scan sees what became of it.
            return Set.of();
        }
    }

    /** @return the folders the watcher has walked: those it subscribes to before it next sleeps */
    Set<Path> walkedFolders() {
        return detector.folders();
    }
}
