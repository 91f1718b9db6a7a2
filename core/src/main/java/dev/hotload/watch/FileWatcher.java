package dev.hotload.watch;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reports the changes to a {@link WatchSet}, one settled save at a time.
 *
 * <p>Implementations must report a save exactly once: a save seen half-way (truncated, renamed away, not yet
 * written) is reported only once it has settled, and several saves that land together are one change set.
 */
public interface FileWatcher extends AutoCloseable {

    /**
     * Chooses how to watch: the one place that does, for every way hotload is started.
     *
     * @param pollInterval empty to let hotload choose: file events where the system sends them, polling
     *     {@link PollingFileWatcher#DEFAULT_INTERVAL} apart where it does not (or refuses more subscriptions);
     *     present to poll at that interval whatever the system offers
     * @return a watcher of {@code watchSet}, which has taken its first snapshot
     */
    static FileWatcher of(WatchSet watchSet, Optional<Duration> pollInterval) {
        return of(watchSet, pollInterval, List.of());
    }

    /**
     * As {@link #of(WatchSet, Optional)}, knowing which files the user edits.
     *
     * @param editing files the user edits, the entry: polling looks at them every interval however big the tree
     */
    static FileWatcher of(WatchSet watchSet, Optional<Duration> pollInterval, Collection<Path> editing) {
        if (pollInterval.isPresent()) {
            return new PollingFileWatcher(watchSet, pollInterval.get(), editing);
        }
        if (EventFileWatcher.isNativeOnThisPlatform()) {
            try {
                return new EventFileWatcher(watchSet);
            } catch (UncheckedIOException refused) {
                // Too many folders for the system's watch limit: polling has no limit.
            }
        }
        return new PollingFileWatcher(watchSet, PollingFileWatcher.DEFAULT_INTERVAL, editing);
    }

    /**
     * Waits until files change, or the timeout passes.
     *
     * @param timeout the longest wait
     * @return the settled changes, or {@link ChangeSet#none()} if nothing changed in time; never null
     * @throws InterruptedException if the waiting thread is interrupted (hotload is stopping)
     */
    ChangeSet poll(Duration timeout) throws InterruptedException;

    /**
     * @return how long a save whose content does not compile waits for more of the same save before its error is
     *     shown: an editor's write seen between two of its writes compiles no better (the rules of a complete save
     *     are in one place, {@code Settler})
     */
    default Duration restOfWrite() {
        return Settler.REST_OF_WRITE;
    }

    /** @return the watch set this watcher watches */
    WatchSet watchSet();

    /** Releases what the watcher holds; it reports nothing more. */
    @Override
    default void close() {
    }
}
