package dev.hotload.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sleeps until the operating system says something changed in a watched folder (inotify on Linux, through
 * the JDK's {@link WatchService}), then scans like {@link PollingFileWatcher}. The events only wake it: what
 * changed is still decided by comparing snapshots, so the two watchers report exactly the same changes.
 *
 * <p>Waiting costs nothing while nothing changes, where polling 144 times a second costs a few percent of a
 * core. A rescan every {@link #RESCAN} covers events the system drops.
 */
public final class EventFileWatcher implements FileWatcher {

    /** Rescan this often even without events, in case the system lost some. */
    static final Duration RESCAN = Duration.ofSeconds(2);

    private final WatchSet watchSet;
    private final ChangeDetector detector;
    private final WatchService events;
    private final Map<Path, WatchKey> subscribed = new HashMap<>();

    /**
     * Takes the first snapshot and subscribes to the watched folders now.
     *
     * @throws UncheckedIOException if the system refuses the subscription (too many watches)
     */
    public EventFileWatcher(WatchSet watchSet) {
        this.watchSet = watchSet;
        this.detector = new ChangeDetector(watchSet);
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
        return detector.poll(timeout, left -> {
            // Folders created since the last scan must be subscribed to before sleeping.
            resubscribe();
            awaitEvent(Math.min(left, RESCAN.toNanos()));
        });
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

    private void awaitEvent(long nanos) throws InterruptedException {
        try {
            WatchKey key = events.poll(nanos, TimeUnit.NANOSECONDS);
            while (key != null) {
                // The events themselves do not matter, only that something moved: drain and re-arm.
                key.pollEvents();
                key.reset();
                key = events.poll();
            }
        } catch (ClosedWatchServiceException closed) {
            throw new InterruptedException("watcher closed");
        }
    }

    private void subscribe() throws IOException {
        for (Path folder : detector.folders()) {
            if (!subscribed.containsKey(folder) && folder.toFile().isDirectory()) {
                subscribed.put(folder, folder.register(events, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
            }
        }
    }

    /** Subscribes to folders created since the last scan, and drops deleted ones. */
    private void resubscribe() {
        subscribed.values().removeIf(key -> !key.isValid());
        try {
            subscribe();
        } catch (IOException e) {
            // A folder that vanished meanwhile; the next scan sees what became of it.
        }
    }
}
