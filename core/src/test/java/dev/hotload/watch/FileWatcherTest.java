package dev.hotload.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one choice of how to watch, for the command line and the Python API alike. */
class FileWatcherTest {

    @TempDir
    Path dir;

    @Test
    void anIntervalAskedForPollsAtIt() {
        // Long enough that the scan of an empty folder does not stretch it.
        WatchSet watchSet = WatchSet.ofTree(dir, List.of(".py"));
        try (FileWatcher watcher = FileWatcher.of(watchSet, Optional.of(Duration.ofSeconds(1)))) {
            assertThat(watcher).isInstanceOfSatisfying(PollingFileWatcher.class,
                    polling -> assertThat(polling.interval()).isEqualTo(Duration.ofSeconds(1)));
        }
    }

    @Test
    void noIntervalWaitsOnFileEventsWhereTheSystemSendsThemAndPollsElsewhere() {
        try (FileWatcher watcher = FileWatcher.of(WatchSet.ofTree(dir, List.of(".py")), Optional.empty())) {
            if (EventFileWatcher.isNativeOnThisPlatform()) {
                assertThat(watcher).isInstanceOf(EventFileWatcher.class);
            } else {
                assertThat(watcher).isInstanceOfSatisfying(PollingFileWatcher.class,
                        polling -> assertThat(polling.interval()).isEqualTo(PollingFileWatcher.DEFAULT_INTERVAL));
            }
        }
    }

    @Test
    void aWatcherToldTheLoopHowLongTheRestOfAWriteMayTake() {
        try (FileWatcher watcher = FileWatcher.of(WatchSet.ofTree(dir, List.of(".py")), Optional.empty())) {
            assertThat(watcher.restOfWrite()).isEqualTo(Settler.REST_OF_WRITE);
        }
    }
}
